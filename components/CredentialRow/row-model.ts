/**
 * What a row shows for one found credential. Facts come from the signed
 * payload summary when the credential verified (or is genuine but expired or
 * revoked); otherwise the row shows what the page says, marked as such, or
 * what a document that did not verify claims, marked as not confirmed.
 */
import type { ClaimComparison } from '../../lib/claims/compare';
import { checkMessage, formatDate as formatDateIn, t, uiLanguage } from '../../lib/extension/i18n';
import { type RecipientOutcome } from '../../lib/engine';
import { decidingCheck, isConfirmedContent, isNotACredential, plainCheck } from '../../lib/extension/report-view';
import type { FoundCredential } from '../../lib/extension/tab-results';
import { safeImage } from '../../lib/trust/issuer';
import type { ShownVerdict, VerdictOrPending } from '../VerdictBadge/presentation';

/** Where a row's title and issuer come from (SECURITY.md rule 5: verdicts and facts only from checked data). */
export type TextSource = 'credential' | 'page' | 'unconfirmed';

export interface RowModel {
  key: string;
  title: string;
  issuer: string;
  /** `credential`: from data the issuer vouched for; `page`: the page's words; `unconfirmed`: a document that did not verify */
  source: TextSource;
  /** why a row is not verified, in plain words: what was found wrong, or why it could not be checked (no link, a silent site) */
  reason?: string;
  /** the page's claim held against the credential: agreement, or the first disagreement in words */
  comparison?: { agrees: boolean; text: string };
  /** the link the page gives for this certification, to open */
  link?: string;
  issued?: string;
  /** a `data:` image from the report, or none: remote images are never fetched */
  image?: string;
  verdict: VerdictOrPending;
  /** what the badge shows: the verdict, or "not a credential" for an input that holds none */
  shown: ShownVerdict;
  /** shown only once the recruiter entered a recipient and it was checked */
  recipient?: Exclude<RecipientOutcome, 'not-checked'>;
}

/** Formats an ISO date in the UI language (lib/extension/i18n.ts `formatDate`); anything unparseable is shown as given. */
export const formatDate = (iso: string | undefined, language = uiLanguage()): string | undefined => formatDateIn(iso, 'date', language);

export function rowModel(item: FoundCredential): RowModel {
  const report = item.state === 'done' ? item.report : undefined;
  const verdict: VerdictOrPending = item.state === 'pending' ? 'pending' : report?.verdict ?? 'unverifiable';
  const confirmed = report !== undefined && isConfirmedContent(report);
  const notCredential = report !== undefined && isNotACredential(report);
  const summary = report?.summary;
  const claim = item.claim;
  const pageTitle = claim?.title ?? item.label;
  const documentClaims = !notCredential && (summary?.title || summary?.issuer?.name);
  const source: TextSource = confirmed ? 'credential' : pageTitle ? 'page' : documentClaims ? 'unconfirmed' : 'page';
  const fromDocument = source !== 'page';
  const issued = confirmed ? formatDate(summary?.validFrom) : claim?.issued;
  const image = confirmed ? safeImage(summary?.image ?? summary?.achievement?.image) : undefined;
  const outcome = report?.recipient.outcome;
  const deciding = report && report.verdict !== 'verified' && !confirmed ? decidingCheck(report) : undefined;
  const reason = deciding ? checkMessage(plainCheck(deciding)) : undefined;
  const comparison = item.comparison ? comparisonText(item.comparison) : undefined;
  return {
    key: item.key,
    title: (fromDocument ? summary?.title ?? summary?.achievement?.name : pageTitle) ?? t('untitled'),
    issuer: (fromDocument ? summary?.issuer?.name ?? summary?.issuer?.id : claim?.issuer) ?? t('issuerNotStated'),
    source,
    ...(issued ? { issued } : {}),
    ...(image ? { image } : {}),
    verdict,
    shown: notCredential ? 'not-credential' : verdict,
    ...(outcome && outcome !== 'not-checked' ? { recipient: outcome } : {}),
    ...(reason ? { reason } : {}),
    ...(comparison ? { comparison } : {}),
    ...(claim?.link ? { link: claim.link } : {}),
  };
}

/** "Matches the profile", or the first field the profile and the credential disagree on. */
function comparisonText(comparison: ClaimComparison): { agrees: boolean; text: string } | undefined {
  if (comparison.outcome === 'not-compared') return undefined;
  const differ = comparison.fields.find((f) => !f.agrees);
  if (!differ) return { agrees: true, text: t('matchesProfile') };
  const credential = differ.field === 'issued' || differ.field === 'expires' ? formatDate(differ.credential) ?? differ.credential : differ.credential;
  return { agrees: false, text: t(`profileSays_${differ.field}`, differ.claimed, credential ?? '') };
}

/** i18n key of a recipient outcome. */
export const recipientKey = (outcome: RecipientOutcome): string => `recipient_${outcome.replace('-', '_')}`;
