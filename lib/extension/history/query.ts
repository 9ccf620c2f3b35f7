/**
 * Pure filtering and grouping over history entries, shared by the store's
 * paged queries and the UI.
 */
import type { HistoryQuery, HistorySummary } from './types';

const contains = (haystack: string | undefined, needle: string): boolean => !!haystack && haystack.toLowerCase().includes(needle);

/** True when `entry` satisfies every filter set in `q`. */
export function matchesQuery(entry: HistorySummary, q: HistoryQuery): boolean {
  if (q.verdicts?.length && !q.verdicts.includes(entry.verdict)) return false;
  if (q.formats?.length && !q.formats.includes(entry.format)) return false;
  if (q.profileName !== undefined && (entry.profileName ?? '') !== q.profileName) return false;
  if (q.pageUrl !== undefined && (entry.pageUrl ?? '') !== q.pageUrl) return false;
  if (q.from && entry.checkedAt < q.from) return false;
  if (q.to && entry.checkedAt > q.to) return false;
  if (q.issuer) {
    const issuer = q.issuer.toLowerCase();
    if (!contains(entry.issuerName, issuer) && !contains(entry.issuerId, issuer)) return false;
  }
  if (q.search) {
    const s = q.search.trim().toLowerCase();
    const fields = [entry.title, entry.issuerName, entry.issuerId, entry.profileName, entry.pageTitle];
    if (s && !fields.some((f) => contains(f, s))) return false;
  }
  return true;
}

/** One candidate (or, without a profile name, one page) and its entries' count. */
export interface HistoryGroup {
  /** stable key: "profile:<name>", "page:<url>" or "other" */
  key: string;
  label: string;
  profileName?: string;
  pageUrl?: string;
  count: number;
  /** newest checkedAt in the group */
  lastCheckedAt: string;
}

/** The group an entry belongs to: the candidate when known, else the page. */
export function groupKeyOf(entry: HistorySummary): Pick<HistoryGroup, 'key' | 'label' | 'profileName' | 'pageUrl'> {
  if (entry.profileName) return { key: `profile:${entry.profileName}`, label: entry.profileName, profileName: entry.profileName };
  if (entry.pageUrl) return { key: `page:${entry.pageUrl}`, label: entry.pageTitle || entry.pageUrl, pageUrl: entry.pageUrl };
  return { key: 'other', label: 'Checked files and pasted text' };
}

/** Groups entries (given newest first) by candidate / page, most recently active group first. */
export function groupEntries(entries: Iterable<HistorySummary>): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  for (const e of entries) {
    const k = groupKeyOf(e);
    const g = groups.get(k.key);
    if (g) {
      g.count++;
      if (e.checkedAt > g.lastCheckedAt) g.lastCheckedAt = e.checkedAt;
    } else groups.set(k.key, { ...k, count: 1, lastCheckedAt: e.checkedAt });
  }
  return [...groups.values()].sort((a, b) => (a.lastCheckedAt < b.lastCheckedAt ? 1 : -1));
}
