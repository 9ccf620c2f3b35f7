/** History export and import keep the credentials carried inside a credential (report parts). */
import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema } from '../../../../lib/extension/history/json-io';
import { CHECK_IDS, FORMAT_IDS, type Report } from '../../../../lib/engine/report';

const base = (over: Partial<Report> = {}): Report => ({
  verdict: 'verified',
  format: 'vc-data-integrity',
  container: 'json',
  checks: [{ id: 'proof', status: 'pass', code: 'OK', message: 'Passed' }],
  summary: { title: 'Course' },
  recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
  technical: {},
  inputHash: 'a'.repeat(64),
  checkedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const entry = (report: Report) => ({
  id: 'e1',
  inputHash: report.inputHash,
  credentialKey: `content:${report.inputHash}`,
  report,
  via: 'page',
  checkedAt: report.checkedAt,
  verdict: report.verdict,
  format: report.format,
});

describe('HistoryEntrySchema and report parts', () => {
  it('regression: a CLR report with its achievement parts and its parts check is imported as exported', () => {
    const clr = base({
      checks: [{ id: 'parts', status: 'pass', code: 'OK', message: 'The credential inside is genuine' }],
      parts: [{ role: 'achievement', path: 'credentialSubject.verifiableCredential[0]', report: base({ parts: [{ role: 'endorsement', path: 'issuer.endorsement[0]', report: base({ verdict: 'unverifiable' }) }] }) }],
    });
    expect(HistoryEntrySchema.parse(entry(clr)).report).toEqual(clr);
  });

  it('a part with an unknown role or field is refused', () => {
    const bad = base({ parts: [{ role: 'sibling' as 'achievement', path: 'x', report: base() }] });
    expect(HistoryEntrySchema.safeParse(entry(bad)).success).toBe(false);
    const extra = { ...base(), parts: [{ role: 'achievement', path: 'x', report: base(), trusted: true }] };
    expect(HistoryEntrySchema.safeParse(entry(extra as Report)).success).toBe(false);
  });

  it('regression: a presentation (format vp) and an SD-JWT VC with its key binding check were refused on import, so an exported history lost them', () => {
    const sdJwt = base({ format: 'sd-jwt-vc', container: 'jws', checks: [{ id: 'key-binding', status: 'skip', code: 'NOT_APPLICABLE', message: 'No key binding' }] });
    const vp = base({ format: 'vp', parts: [{ role: 'presented', path: 'verifiableCredential[0]', report: sdJwt }] });
    expect(HistoryEntrySchema.parse(entry(vp)).report).toEqual(vp);
  });

  it('imports every format and check the engine can report', () => {
    for (const format of FORMAT_IDS) expect(HistoryEntrySchema.safeParse(entry(base({ format }))).success, format).toBe(true);
    for (const id of CHECK_IDS) expect(HistoryEntrySchema.safeParse(entry(base({ checks: [{ id, status: 'pass', code: 'OK', message: 'Passed' }] }))).success, id).toBe(true);
  });
});
