import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeLines } from '../../../../lib/extension/history/changes';
import { createContext } from '../../../../lib/engine/context';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { historyToJson, parseHistoryJson } from '../../../../lib/extension/history/json-io';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistoryEntry } from '../../../../lib/extension/history/types';
import { verify } from '../../../../lib/engine/pipeline';
import { makeReport, revokedLater } from './make-report';
import { FIXTURES } from '../../../support/fixtures';

const hasFixtures = existsSync(FIXTURES);

async function exportImportRoundTrip(store: HistoryStore): Promise<{ before: HistoryEntry[]; after: HistoryEntry[] }> {
  const before = await store.all();
  if (isStorageError(before)) throw new Error(before.message);
  const parsed = parseHistoryJson(historyToJson(before));
  if (!parsed.ok) throw new Error(parsed.message);
  const empty = new HistoryStore(createMemoryBackend());
  const added = await empty.addEntries(parsed.entries);
  expect(added).toEqual({ added: before.length, skipped: 0 });
  const after = await empty.all();
  if (isStorageError(after)) throw new Error(after.message);
  return { before, after };
}

describe('history JSON export / import', () => {
  it('round-trips losslessly, including change lists', async () => {
    const store = new HistoryStore(createMemoryBackend());
    const first = makeReport({ checkedAt: '2026-11-01T00:00:00.000Z' });
    await store.record(first, { via: 'page', profileName: 'Ada', pageUrl: 'https://www.linkedin.com/in/ada', pageTitle: 'Ada | LinkedIn' }, 100_000);
    await store.record(revokedLater(first, '2026-11-03T00:00:00.000Z'), { via: 'reverify' }, 100_000);
    const { before, after } = await exportImportRoundTrip(store);
    expect(after).toEqual(before);
    expect(changeLines(after[0]!).length).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['wrong format tag', JSON.stringify({ format: 'other', version: 1, entries: [] }), /not a Credlens history export \(format/],
    ['future version', JSON.stringify({ format: 'credlens-history', version: 2, entries: [] }), /version/],
    ['unknown verdict', JSON.stringify({ format: 'credlens-history', version: 1, entries: [{ ...entryJson(), verdict: 'trusted' }] }), /entries\.0\.verdict/],
    ['verdict disagrees with report', JSON.stringify({ format: 'credlens-history', version: 1, entries: [{ ...entryJson(), verdict: 'failed' }] }), /disagrees/],
    ['extra field', JSON.stringify({ format: 'credlens-history', version: 1, entries: [{ ...entryJson(), script: 'x' }] }), /entries\.0/],
    ['bad credential key', JSON.stringify({ format: 'credlens-history', version: 1, entries: [{ ...entryJson(), credentialKey: 'content:xyz' }] }), /credentialKey/],
    ['bad hash', JSON.stringify({ format: 'credlens-history', version: 1, entries: [{ ...entryJson(), inputHash: 'abc' }] }), /inputHash/],
  ])('rejects %s', (_, text, message) => {
    const r = parseHistoryJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('accepts an empty export', () => {
    expect(parseHistoryJson(historyToJson([]))).toEqual({ ok: true, entries: [] });
  });
});

function entryJson(): HistoryEntry {
  const report = makeReport();
  return { id: 'x1', inputHash: report.inputHash, credentialKey: `input:${report.inputHash}`, report, via: 'page', checkedAt: report.checkedAt, verdict: report.verdict, format: report.format };
}

describe.skipIf(!hasFixtures)('round trip of real reports (fixtures in ../shared/fixtures)', () => {
  const files = [
    'w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json',
    'dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json',
    'mozilla-openbadges-bakery/bad-json.svg',
  ];
  it('keeps engine reports for three fixtures intact through export and import', async () => {
    const ctx = createContext({ now: () => Date.parse('2026-11-01T00:00:00Z'), transport: () => Promise.reject(new Error('offline test')) });
    const store = new HistoryStore(createMemoryBackend());
    for (const file of files) {
      const report = await verify({ bytes: new Uint8Array(readFileSync(path.join(FIXTURES, file))), name: path.basename(file) }, ctx);
      const stored = await store.record(report, { via: 'verify-page' }, 100_000);
      expect(isStorageError(stored)).toBe(false);
    }
    const { before, after } = await exportImportRoundTrip(store);
    expect(after).toHaveLength(3);
    expect(after).toEqual(before);
  });
});
