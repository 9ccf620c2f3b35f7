/**
 * Endorsements as the trust panel and the quality profile show them: who
 * endorses what, whether the endorsement was verified, and whether it counts
 * as quality assurance. Only a verified endorsement's own words are quoted.
 */
import { t } from '../../lib/extension/i18n';
import { endorsementText, type EndorsementFacts } from './text';
import styles from './style.module.css';

export function EndorsementLine({ endorsement }: { endorsement: EndorsementFacts & { counts?: boolean } }) {
  const { state, comment, counts } = endorsement;
  return (
    <span class={styles.line} data-endorsement={state} data-counts={String(Boolean(counts))}>
      <span class={counts ? styles.counts : styles.notCounted}>{endorsementText(endorsement)}</span>
      {state === 'verified' && comment ? <span class={styles.comment}>{t('endorsementComment', comment)}</span> : null}
    </span>
  );
}

export function EndorsementList({ endorsements }: { endorsements: ReadonlyArray<EndorsementFacts & { counts?: boolean }> }) {
  return (
    <ul class={styles.list} data-testid="endorsements">
      {endorsements.map((e, i) => (
        <li key={i}>
          <EndorsementLine endorsement={e} />
        </li>
      ))}
    </ul>
  );
}
