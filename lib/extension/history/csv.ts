/**
 * CSV export for a hiring file: one row per check, readable in Excel and
 * LibreOffice (RFC 4180 quoting, CRLF line ends, UTF-8 BOM).
 */
import type { HistoryEntry } from './types';

/** Column headers, in order. */
export const CSV_COLUMNS = [
  'Checked at',
  'Candidate',
  'Page',
  'Title',
  'Issuer',
  'Verdict',
  'Format',
  'Reasons',
  'Input hash (SHA-256)',
] as const;

const BOM = '\uFEFF';

/**
 * Escapes one cell. Titles and page names come from web pages, so a cell that
 * a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with
 * an apostrophe (OWASP "CSV injection").
 */
export function escapeCsvCell(value: string | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Why the verdict is what it is: the messages of checks that failed or could not run. */
export function reasonsOf(entry: HistoryEntry): string {
  const reasons = entry.report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.message);
  if (entry.changedSinceLast?.length) reasons.push(...entry.changedSinceLast);
  return reasons.join('; ');
}

function rowOf(e: HistoryEntry): string[] {
  return [
    e.checkedAt,
    e.profileName ?? '',
    e.pageUrl ?? '',
    e.title ?? '',
    e.issuerName ?? e.issuerId ?? '',
    e.verdict,
    e.format,
    reasonsOf(e),
    e.inputHash,
  ];
}

/** The whole CSV document, BOM first so Excel reads it as UTF-8. */
export function historyToCsv(entries: readonly HistoryEntry[]): string {
  const lines = [CSV_COLUMNS as readonly string[], ...entries.map(rowOf)].map((cells) => cells.map(escapeCsvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
