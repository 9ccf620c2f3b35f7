/** The "technical details" rows: the developer drill-down, kept behind a toggle. */
import { type Report } from '../../lib/engine';
import { formatDate } from '../../lib/extension/i18n';

export interface TechnicalRow {
  /** i18n key of the label, or the raw field name for fields without one */
  labelKey: string;
  value: string;
  /** long or structured values are shown preformatted */
  block?: boolean;
}

const KNOWN: ReadonlyArray<keyof Report['technical']> = [
  'keyId', 'keyController', 'keySource', 'cryptosuite', 'alg', 'canonicalHash', 'vcVersion', 'statusListUrl', 'certificateSubject',
];
const MAX_BLOCK = 8_000;

const show = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** Builds the rows in a fixed order, then any further scalar fields the engine recorded. */
export function technicalRows(report: Report): TechnicalRow[] {
  const rows: TechnicalRow[] = [
    { labelKey: 'tech_format', value: report.format },
    { labelKey: 'tech_container', value: report.container },
    { labelKey: 'tech_codes', value: report.checks.map((c) => `${c.id}: ${c.status} ${c.code}`).join('\n'), block: true },
    // the engine's full words, with the field paths, identifiers and addresses the plain check list leaves out
    { labelKey: 'tech_messages', value: report.checks.map((c) => `${c.id}: ${c.message}`).join('\n'), block: true },
  ];
  for (const key of KNOWN) {
    const value = show(report.technical[key]);
    if (value) rows.push({ labelKey: `tech_${String(key)}`, value });
  }
  for (const [key, raw] of Object.entries(report.technical)) {
    if ((KNOWN as readonly string[]).includes(key) || key === 'didDocument') continue;
    const value = show(raw);
    if (value) rows.push({ labelKey: key, value });
  }
  rows.push({ labelKey: 'tech_inputHash', value: report.inputHash }, { labelKey: 'tech_checkedAt', value: formatDate(report.checkedAt, 'dateTime') ?? report.checkedAt });
  if (report.technical.didDocument !== undefined) {
    const json = JSON.stringify(report.technical.didDocument, null, 2) ?? '';
    rows.push({ labelKey: 'tech_didDocument', value: json.length > MAX_BLOCK ? `${json.slice(0, MAX_BLOCK)}\n…` : json, block: true });
  }
  return rows;
}
