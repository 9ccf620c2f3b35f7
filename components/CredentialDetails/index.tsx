/**
 * Everything about one checked credential: the verdict with its reason,
 * each check in plain language, the recipient result, the issuer trust
 * panel, the quality profile and the technical details. Props only, so the
 * popup, the history and the verify page share it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { type Report } from '../../lib/engine';
import { isConfirmedContent, isNotACredential, plainCheck } from '../../lib/extension/report-view';
import { describeIssuer, safeImage } from '../../lib/trust/issuer';
import type { PageClaim } from '../../lib/extension/tab-results';
import type { TrustEntry } from '../../lib/trust/types';
import { AchievementList } from '../AchievementList';
import { BackButton } from '../BackButton';
import { CheckList } from '../CheckList';
import { DiplomaSupplement } from '../DiplomaSupplement';
import { formatDate } from '../CredentialRow/row-model';
import { IssuerTrustPanel } from '../IssuerTrustPanel';
import { QualityProfilePanel } from '../QualityProfilePanel';
import { TechnicalDetails } from '../TechnicalDetails';
import styles from './style.module.css';
import { VerdictArea } from './VerdictArea';
import { labelDiffers } from './label-check';
import { useQualityProfile } from './use-profile';

export interface CredentialDetailsProps {
  report: Report;
  /** the user's trust list; the trust panel shows who vouches from it */
  trustEntries?: readonly TrustEntry[];
  onTrust?: (issuerId: string, name?: string) => void;
  onUntrust?: (issuerId: string) => void;
  onBack?: () => void;
  /** the name the page showed next to the credential, compared with the signed title */
  pageLabel?: string;
  /** what the page's certification entry says (title, issuer), shown as the page's words when the credential says nothing checked */
  pageClaim?: Pick<PageClaim, 'title' | 'issuer'>;
  /** move keyboard focus to the title when shown (the popup does, after a row was opened) */
  autoFocus?: boolean;
}

export function CredentialDetails({ report, trustEntries = [], onTrust, onUntrust, onBack, autoFocus = false, pageLabel, pageClaim }: CredentialDetailsProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  // one switch for technical words in the whole view: codes, keys and field paths appear together
  const [technical, setTechnical] = useState(false);
  useEffect(() => {
    if (autoFocus) titleRef.current?.focus();
  }, [autoFocus]);
  const trustedIds = useMemo(() => new Set(trustEntries.map((e) => e.issuerId)), [trustEntries]);
  const profile = useQualityProfile(report, trustedIds);
  const trust = useMemo(() => describeIssuer(report, trustEntries, profile), [report, trustEntries, profile]);
  const { summary } = report;
  const image = safeImage(summary.image ?? summary.achievement?.image);
  const issued = formatDate(summary.validFrom);
  const trustId = trust.trustId;
  const title = summary.title ?? summary.achievement?.name;
  // what a document that did not verify says about itself is its claim, never shown like checked data (SECURITY.md rule 5)
  const confirmed = isConfirmedContent(report);
  const notCredential = isNotACredential(report);
  const claimed = confirmed ? '' : styles.claimed;
  const heading = headingOf(report, { confirmed, notCredential, pageLabel, pageClaim });
  const plainChecks = useMemo(() => report.checks.map(plainCheck), [report.checks]);
  const hasIssuer = summary.issuer !== undefined || ['keyController', 'signerDid', 'certificateSubject'].some((k) => report.technical[k] !== undefined);
  return (
    <article class={styles.details} data-testid="credential-details" data-verdict={report.verdict}>
      {onBack ? <BackButton onClick={onBack} /> : null}
      <header class={styles.header} data-content={heading.source}>
        {image && confirmed ? <img class={styles.image} src={image} alt="" /> : null}
        <div>
          {heading.labelKey ? <p class={styles.claimedLabel} data-testid="claimed-label">{t(heading.labelKey)}</p> : null}
          <h2 class={`${styles.title} ${claimed}`} ref={titleRef} tabIndex={-1}>{heading.title ?? t('untitled')}</h2>
          {heading.issuer !== undefined || heading.source !== 'none' ? (
            <p class={`${styles.meta} ${claimed}`}>
              {heading.issuer ?? t('issuerNotStated')}
              {issued && heading.source !== 'page' ? ` · ${t('issuedOn', issued)}` : ''}
            </p>
          ) : null}
        </div>
      </header>
      <VerdictArea report={report} />
      {labelDiffers(pageLabel, title) && !notCredential ? <p class={styles.warning} data-testid="label-differs">{t('pageLabelDiffers', pageLabel!, title!)}</p> : null}
      {summary.description && !notCredential ? <p class={`${styles.description} ${claimed}`}>{summary.description}</p> : null}
      <CheckList checks={plainChecks} />
      {/* a CLR's entries, each with its own verdict; opened, each shows its own checks and quality profile */}
      <AchievementList report={report} renderDetails={(part) => <CredentialDetails report={part.report} trustEntries={trustEntries} />} />
      {/* nothing to say about an issuer when there is none (a plain picture, pasted text) */}
      {hasIssuer && !notCredential ? (
        <IssuerTrustPanel
          trust={trust}
          onTrust={onTrust && trustId ? () => onTrust(trustId, summary.issuer?.name) : undefined}
          onUntrust={onUntrust && trustId ? () => onUntrust(trustId) : undefined}
        />
      ) : null}
      {/* a failed credential's content may be forged: describing its quality would lend it weight */}
      {profile && report.verdict !== 'failed' ? <QualityProfilePanel profile={profile} showSources={technical} /> : null}
      {profile?.diplomaSupplement && report.verdict !== 'failed' ? <DiplomaSupplement supplement={profile.diplomaSupplement} /> : null}
      <TechnicalDetails report={report} open={technical} onToggle={setTechnical} />
    </article>
  );
}

/**
 * Where the title and issuer at the top come from, and the words that say
 * so: the credential's checked data; a document that did not verify ("claimed
 * in the document, not confirmed"); the page's own entry when the document
 * said nothing ("as the profile says"); nothing for an input that is not a credential.
 */
function headingOf(
  report: Report,
  o: { confirmed: boolean; notCredential: boolean; pageLabel?: string; pageClaim?: Pick<PageClaim, 'title' | 'issuer'> },
): { source: 'confirmed' | 'claimed' | 'page' | 'none'; title?: string; issuer?: string; labelKey?: string } {
  const { summary } = report;
  const title = summary.title ?? summary.achievement?.name;
  const issuer = summary.issuer?.name ?? summary.issuer?.id;
  if (o.confirmed) return { source: 'confirmed', title, issuer };
  const pageTitle = o.pageClaim?.title ?? o.pageLabel;
  const fromPage = (): ReturnType<typeof headingOf> => ({ source: 'page', title: pageTitle, issuer: o.pageClaim?.issuer, labelKey: 'claimAsPageSays' });
  if (o.notCredential) return pageTitle ? fromPage() : { source: 'none', title: report.inputName };
  if (title || issuer) return { source: 'claimed', title, issuer, labelKey: 'claimedLabel' };
  return pageTitle ? fromPage() : { source: 'claimed', labelKey: 'claimedLabel' };
}
