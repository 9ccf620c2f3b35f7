/**
 * CSV export for a hiring file: one row per check, readable in Excel and
 * LibreOffice (RFC 4180 quoting, CRLF line ends, UTF-8 BOM).
 */
import { checkMessage, formatName, t } from '../i18n';
import { changeLines } from './changes';
import type { HistoryEntry } from './types';

/**
 * Column headers (locale keys), in order. The export is in the UI language;
 * the last two columns hold the verdict and format as codes, the same in
 * every language, for whoever sorts or filters the file by machine.
 */
export const CSV_COLUMNS = [
  'csv_checkedAt',
  'csv_candidate',
  'csv_page',
  'csv_title',
  'csv_issuer',
  'csv_verdict',
  'csv_format',
  'csv_reasons',
  'csv_inputHash',
  'csv_verdictCode',
  'csv_formatCode',
] as const;

/** The header row in the UI language. */
export const csvHeaders = (): string[] => CSV_COLUMNS.map((key) => t(key));

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

/** Why the verdict is what it is: the messages of checks that failed or could not run, in the UI language. */
export function reasonsOf(entry: HistoryEntry): string {
  const reasons = entry.report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => checkMessage(c));
  reasons.push(...changeLines(entry));
  return reasons.join('; ');
}

function rowOf(e: HistoryEntry): string[] {
  return [
    // ISO 8601, which every spreadsheet reads as a date and sorts, whatever its language
    e.checkedAt,
    e.profileName ?? '',
    e.pageUrl ?? '',
    e.title ?? '',
    e.issuerName ?? e.issuerId ?? '',
    t(`verdict_${e.verdict}`),
    formatName(e.format),
    reasonsOf(e),
    e.inputHash,
    e.verdict,
    e.format,
  ];
}

/** The whole CSV document, BOM first so Excel reads it as UTF-8. */
export function historyToCsv(entries: readonly HistoryEntry[]): string {
  const lines = [csvHeaders(), ...entries.map(rowOf)].map((cells) => cells.map(escapeCsvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
