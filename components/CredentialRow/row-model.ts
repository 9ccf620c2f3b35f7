/**
 * What a row shows for one found credential. Facts come from the signed
 * payload summary once checked; before that, only the label the page showed.
 */
import { t, uiLanguage } from '../../lib/extension/i18n';
import { type RecipientOutcome } from '../../lib/engine';
import type { FoundCredential } from '../../lib/extension/tab-results';
import { safeImage } from '../../lib/trust/issuer';
import type { VerdictOrPending } from '../VerdictBadge/presentation';

export interface RowModel {
  key: string;
  title: string;
  issuer: string;
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

export function rowModel(item: FoundCredential): RowModel {
  const report = item.state === 'done' ? item.report : undefined;
  const summary = report?.summary;
  const verdict: VerdictOrPending = item.state === 'pending' ? 'pending' : report?.verdict ?? 'unverifiable';
  const issued = formatDate(summary?.validFrom);
  const image = safeImage(summary?.image ?? summary?.achievement?.image);
  const outcome = report?.recipient.outcome;
  return {
    key: item.key,
    title: summary?.title ?? summary?.achievement?.name ?? item.label ?? t('untitled'),
    issuer: summary?.issuer?.name ?? summary?.issuer?.id ?? t('issuerNotStated'),
    ...(issued ? { issued } : {}),
    ...(image ? { image } : {}),
    verdict,
    ...(outcome && outcome !== 'not-checked' ? { recipient: outcome } : {}),
  };
}

/** i18n key of a recipient outcome. */
export const recipientKey = (outcome: RecipientOutcome): string => `recipient_${outcome.replace('-', '_')}`;
