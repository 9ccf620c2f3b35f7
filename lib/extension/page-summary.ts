/**
 * The page's answer in one line, and its rows in the order a recruiter needs
 * them: what LinkedIn lists, how many are verified, failed, expired, revoked
 * or could not be checked (and of those, how many have no link), how many
 * verified ones say something else than the profile.
 */
import { VERDICTS, type Verdict } from '../engine';
import type { FoundCredential, TabResults } from './tab-results';

export interface PageSummary {
  /** certifications the page lists: LinkedIn's own count when it shows only some ("Show all 14"), else the rows */
  listed: number;
  /** rows shown */
  rows: number;
  /** finished rows per verdict */
  verdicts: Record<Verdict, number>;
  pending: number;
  /** rows that could not be checked because the page gives no link */
  noLink: number;
  /** rows whose credential says something else than the page (title, issuer, dates, holder) */
  mismatched: number;
  /** when the page shows only some of its certifications: the page listing all */
  allAt?: string;
  /** rows that are a profile's certification entries (the page is a profile) */
  fromProfile: boolean;
}

export function summarizePage(results: TabResults): PageSummary {
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  let pending = 0;
  let noLink = 0;
  let mismatched = 0;
  for (const row of results.credentials) {
    if (row.state !== 'done' || !row.report) {
      pending++;
      continue;
    }
    verdicts[row.report.verdict]++;
    if (row.report.checks[0]?.code === 'NO_CREDENTIAL_LINK') noLink++;
    if (row.comparison?.outcome === 'differs') mismatched++;
  }
  const rows = results.credentials.length;
  const listed = results.listed && results.listed.count > rows ? results.listed.count : rows;
  return {
    listed,
    rows,
    verdicts,
    pending,
    noLink,
    mismatched,
    ...(results.listed && results.listed.count > rows ? { allAt: results.listed.url } : {}),
    fromProfile: results.credentials.some((c) => c.claim !== undefined),
  };
}

/** Problems first (forged, revoked, expired, could not be checked), then what is still checking, then verified; a verified row that disagrees with the page before one that agrees. */
const ORDER: Record<Verdict | 'pending', number> = { failed: 0, revoked: 1, expired: 2, unverifiable: 3, pending: 4, verified: 5 };

export function sortRows(rows: readonly FoundCredential[]): FoundCredential[] {
  const rank = (row: FoundCredential) => {
    const verdict = row.state === 'done' && row.report ? row.report.verdict : 'pending';
    return ORDER[verdict] * 2 + (verdict === 'verified' && row.comparison?.outcome !== 'differs' ? 1 : 0);
  };
  return rows.map((row, index) => ({ row, index })).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index).map((x) => x.row);
}
