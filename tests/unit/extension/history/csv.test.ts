import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setChosenMessages } from '../../../../lib/extension/i18n';
import { repoPath } from '../../../support/fixtures';
import { escapeCsvCell, historyToCsv } from '../../../../lib/extension/history/csv';
import { entryFromReport } from '../../../../lib/extension/history/store';
import { makeReport } from './make-report';

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [undefined, ''],
  ])('%j → %s', (input, out) => {
    expect(escapeCsvCell(input)).toBe(out);
  });
});

describe('historyToCsv', () => {
  it('starts with a BOM, uses CRLF, and round-trips awkward cells', () => {
    const report = makeReport({
      verdict: 'revoked',
      checks: [{ id: 'status', status: 'fail', code: 'CRED_REVOKED', message: 'The issuer has revoked this credential' }],
      summary: { title: 'Data, "Advanced"\nLevel', issuer: { name: 'Ünïversité de Genève' } },
    });
    const entry = { ...entryFromReport(report, { via: 'page', profileName: 'Zoë O\'Neil', pageUrl: 'https://x.example/?a=1,2' }, 'e1', `input:${report.inputHash}`), changedSinceLast: ['Revoked since last check (was: Verified)'] };
    const csv = historyToCsv([entry]);
    expect(csv.startsWith('\uFEFFChecked at,Candidate,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Checked at', 'Candidate', 'Page', 'Title', 'Issuer', 'Verdict', 'Format', 'Reasons', 'Input hash (SHA-256)', 'Verdict code', 'Format code']);
    expect(rows[1]).toEqual([
      report.checkedAt,
      "Zoë O'Neil",
      'https://x.example/?a=1,2',
      'Data, "Advanced"\nLevel',
      'Ünïversité de Genève',
      'Revoked',
      'W3C credential or Open Badges 3.0 (Data Integrity)',
      'The issuer has revoked this credential; Revoked since last check (was: Verified)',
      report.inputHash,
      'revoked',
      'vc-data-integrity',
    ]);
  });
});

describe('historyToCsv in the UI language', () => {
  afterEach(() => setChosenMessages(undefined));

  it('writes headers, verdict, format and reasons in French, and keeps the codes for machines', () => {
    setChosenMessages(JSON.parse(readFileSync(repoPath('public/_locales/fr/messages.json'), 'utf8')));
    const report = makeReport({ verdict: 'revoked', checks: [{ id: 'status', status: 'fail', code: 'CRED_REVOKED', message: 'The issuer has revoked this credential' }] });
    const rows = parseCsv(historyToCsv([entryFromReport(report, { via: 'page' }, 'e1', `input:${report.inputHash}`)]).slice(1));
    expect(rows[0]![0]).toBe('Vérifié le');
    expect(rows[0]!.slice(-2)).toEqual(['Code du résultat', 'Code du format']);
    expect(rows[1]!.slice(5, 8)).toEqual(['Révoqué', 'Justificatif W3C ou Open Badges 3.0 (Data Integrity)', 'L’émetteur a révoqué ce justificatif']);
    expect(rows[1]!.slice(-2)).toEqual(['revoked', 'vc-data-integrity']);
  });
});
