/**
 * What a row shows for one found credential. Facts come from the signed
 * payload summary when the credential verified (or is genuine but expired or
 * revoked); otherwise the row shows what the page says, marked as such, or
 * what a document that did not verify claims, marked as not confirmed.
 */
import type { ClaimComparison } from '../../lib/claims/compare';
import { checkMessage, t, uiLanguage } from '../../lib/extension/i18n';
import { type Check, type RecipientOutcome } from '../../lib/engine';
import type { FoundCredential } from '../../lib/extension/tab-results';
import { safeImage } from '../../lib/trust/issuer';
import type { VerdictOrPending } from '../VerdictBadge/presentation';

/** Where a row's title and issuer come from (SECURITY.md rule 5: verdicts and facts only from checked data). */
export type TextSource = 'credential' | 'page' | 'unconfirmed';

export interface RowModel {
  key: string;
  title: string;
  issuer: string;
  /** `credential`: from data the issuer vouched for; `page`: the page's words; `unconfirmed`: a document that did not verify */
  source: TextSource;
  /** why a row could not be checked, in words (no credential link, a page without a credential, a silent site) */
  reason?: string;
  /** the page's claim held against the credential: agreement, or the first disagreement in words */
  comparison?: { agrees: boolean; text: string };
  /** the link the page gives for this certification, to open */
  link?: string;
  issued?: string;
  /** a `data:` image from the report, or none: remote images are never fetched */
  image?: string;
  verdict: VerdictOrPending;
  /** shown only once the recruiter entered a recipient and it was checked */
  recipient?: Exclude<RecipientOutcome, 'not-checked'>;
}

/** Formats an ISO date in the UI language; anything unparseable is shown as given. */
export function formatDate(iso: string | undefined, language = uiLanguage()): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 40);
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** Verdicts whose summary comes from data the issuer vouched for. */
const CONFIRMED = new Set(['verified', 'expired', 'revoked']);

export function rowModel(item: FoundCredential): RowModel {
  const report = item.state === 'done' ? item.report : undefined;
  const verdict: VerdictOrPending = item.state === 'pending' ? 'pending' : report?.verdict ?? 'unverifiable';
  const confirmed = report !== undefined && CONFIRMED.has(report.verdict);
  const summary = report?.summary;
  const claim = item.claim;
  const pageTitle = claim?.title ?? item.label;
  const source: TextSource = confirmed ? 'credential' : pageTitle ? 'page' : summary?.title || summary?.issuer?.name ? 'unconfirmed' : 'page';
  const fromDocument = source !== 'page';
  const issued = confirmed ? formatDate(summary?.validFrom) : claim?.issued;
  const image = confirmed ? safeImage(summary?.image ?? summary?.achievement?.image) : undefined;
  const outcome = report?.recipient.outcome;
  const reason = !confirmed && report?.verdict === 'unverifiable' ? reasonOf(report.checks) : undefined;
  const comparison = item.comparison ? comparisonText(item.comparison) : undefined;
  return {
    key: item.key,
    title: (fromDocument ? summary?.title ?? summary?.achievement?.name : pageTitle) ?? t('untitled'),
    issuer: (fromDocument ? summary?.issuer?.name ?? summary?.issuer?.id : claim?.issuer) ?? t('issuerNotStated'),
    source,
    ...(issued ? { issued } : {}),
    ...(image ? { image } : {}),
    verdict,
    ...(outcome && outcome !== 'not-checked' ? { recipient: outcome } : {}),
    ...(reason ? { reason } : {}),
    ...(comparison ? { comparison } : {}),
    ...(claim?.link ? { link: claim.link } : {}),
  };
}

/** The message of the check that left the row unchecked, in the UI language. */
function reasonOf(checks: readonly Check[]): string | undefined {
  const check = checks.find((c) => c.status === 'error');
  return check ? checkMessage(check) : undefined;
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
