/** A CLR transcript's entries in one line: "12 achievements · 11 verified · 1 expired". */
import { type Report, type ReportPart, type Verdict } from '../../lib/engine';
import { tn } from '../../lib/extension/i18n';

/** The order a recruiter reads counts in: what holds, then what lapsed, then what is wrong. */
const ORDER: readonly Verdict[] = ['verified', 'expired', 'revoked', 'failed', 'unverifiable'];

/** The achievement credentials a report carries (CLR 2.0), in document order. */
export const achievementParts = (report: Pick<Report, 'parts'>): ReportPart[] => (report.parts ?? []).filter((p) => p.role === 'achievement');

/** Undefined for a credential that carries no achievement credentials. */
export function partsSummary(report: Pick<Report, 'parts'>): string | undefined {
  const parts = achievementParts(report);
  if (!parts.length) return undefined;
  const counts = ORDER.map((v) => [v, parts.filter((p) => p.report.verdict === v).length] as const).filter(([, n]) => n > 0);
  return [tn('partsCount', parts.length), ...counts.map(([v, n]) => tn(`summary_${v}`, n))].join(' · ');
}
