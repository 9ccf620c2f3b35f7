/**
 * The micro-credential quality profile: which of the
 * eleven EU elements the credential carries, UNESCO features and framework
 * exclusions. It describes the content and never changes the verdict.
 */
import { t } from '../../lib/extension/i18n';
import type { QualityProfile } from '../../lib/qa/types';
import { EndorsementList } from '../EndorsementList';
import { findingValue, localSummary, profileFacts, triKey } from './summary';
import styles from './style.module.css';

const UNESCO_KEYS = ['assessed', 'trustedProvider', 'standAlone', 'qualityAssured'] as const;

export interface QualityProfilePanelProps {
  profile: QualityProfile;
  /** where in the credential each element was found (field paths): shown with the technical details only */
  showSources?: boolean;
}

export function QualityProfilePanel({ profile, showSources = false }: QualityProfilePanelProps) {
  const facts = profileFacts(profile);
  return (
    <section class={styles.section} data-testid="quality-profile">
      <details>
        <summary class={styles.summary}>{localSummary(profile)}</summary>
        <p class={styles.note}>{t('profileNote')}</p>
        {facts.length ? <p class={styles.facts}>{facts.map((f) => <span key={f} class={styles.chip}>{f}</span>)}</p> : null}
        {profile.ctdlType ? <p class={styles.facts} data-testid="ctdl-type">{t('ctdlType', t(`ctdl_${profile.ctdlType}`))}</p> : null}
        {profile.registry?.length ? (
          <ul class={styles.registry} data-testid="registry">
            {profile.registry.map((r) => (
              <li key={r.url}>
                {t('registryDescribed')}:{' '}
                {/* opened by the recruiter's click, in a tab of its own; never fetched by Credlens (SECURITY.md rule 5) */}
                <a href={r.url} target="_blank" rel="noopener noreferrer" title={t('registryHint')}>{r.ctid ?? r.url}</a>
                {r.sandbox ? <span class={styles.sandbox}> ({t('registrySandbox')})</span> : null}
                {showSources ? <code class={styles.source}> {t('profileSource', r.source)}</code> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <ul class={styles.elements}>
          {profile.elements.map((f) => (
            <li key={f.element} class={styles[f.presence]} data-presence={f.presence} data-element={f.element}>
              <span class={styles.name}>{t(`element_${f.element}`)}</span>
              <span class={styles.presence}>{t(`presence_${f.presence.replace('-', '_')}`)}</span>
              {f.value ? <span class={styles.value}>{findingValue(f)}</span> : null}
              {f.source && showSources ? <code class={styles.source}>{t('profileSource', f.source)}</code> : null}
            </li>
          ))}
        </ul>
        {profile.escoSkills.length ? (
          <p class={styles.facts}>
            <span class={styles.name}>{t('escoSkills')}: </span>
            {profile.escoSkills.map((s) => <span key={s.uri} class={styles.chip} title={s.uri}>{s.label ?? s.uri}</span>)}
          </p>
        ) : null}
        {profile.endorsements?.length ? (
          <>
            <h4 class={styles.subheading}>{t('endorsementsHeading')}</h4>
            <EndorsementList endorsements={profile.endorsements} />
          </>
        ) : null}
        <h4 class={styles.subheading}>{t('unescoHeading')}</h4>
        <ul class={styles.unesco}>
          {UNESCO_KEYS.map((k) => (
            <li key={k}>{t(`unesco_${k}`)}: <strong>{t(triKey(profile.unesco[k]))}</strong></li>
          ))}
        </ul>
        {profile.exclusions.length ? (
          <ul class={styles.exclusions}>
            {profile.exclusions.map((e) => <li key={e}>{t(`exclusion_${e.replace('-', '_')}`)}</li>)}
          </ul>
        ) : null}
      </details>
    </section>
  );
}
