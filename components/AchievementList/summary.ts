/**
 * The credentials a credential carries and lists, in one line: a CLR
 * transcript's achievements ("12 achievements · 11 verified · 1 expired") or
 * a presentation's credentials ("3 credentials presented · 3 verified").
 * Endorsements are parts too, but they are about the issuer and are shown by
 * the trust panel, not listed here.
 */
import { type Report, type ReportPart, type Verdict } from '../../lib/engine';
import { tn } from '../../lib/extension/i18n';

/** The order a recruiter reads counts in: what holds, then what lapsed, then what is wrong. */
const ORDER: readonly Verdict[] = ['verified', 'expired', 'revoked', 'failed', 'unverifiable'];

/** The roles listed as entries of their container, with their words (one table: add a role here). */
const LISTED_ROLES = {
  achievement: { heading: 'partsHeading', count: 'partsCount' },
  presented: { heading: 'presentedHeading', count: 'presentedCount' },
} as const satisfies Partial<Record<ReportPart['role'], { heading: string; count: string }>>;
type ListedRole = keyof typeof LISTED_ROLES;

const isListed = (part: ReportPart): part is ReportPart & { role: ListedRole } => part.role in LISTED_ROLES;

/** The listed parts of a report (a CLR's achievements, a presentation's credentials), in document order. */
export const achievementParts = (report: Pick<Report, 'parts'>): ReportPart[] => (report.parts ?? []).filter(isListed);

/** The message keys for the list's heading and count; the first listed part's role decides. */
export function partsWords(report: Pick<Report, 'parts'>): (typeof LISTED_ROLES)[ListedRole] | undefined {
  const first = (report.parts ?? []).find(isListed);
  return first ? LISTED_ROLES[first.role] : undefined;
}

/** Undefined for a credential that carries no listed credentials. */
export function partsSummary(report: Pick<Report, 'parts'>): string | undefined {
  const parts = achievementParts(report);
  const words = partsWords(report);
  if (!parts.length || !words) return undefined;
  const counts = ORDER.map((v) => [v, parts.filter((p) => p.report.verdict === v).length] as const).filter(([, n]) => n > 0);
  return [tn(words.count, parts.length), ...counts.map(([v, n]) => tn(`summary_${v}`, n))].join(' · ');
}
