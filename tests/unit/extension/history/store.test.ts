import { describe, expect, it } from 'vitest';
import { changeLines } from '../../../../lib/extension/history/changes';
import { createMemoryBackend, type HistoryBackend } from '../../../../lib/extension/history/backend';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistoryStorageError, type HistorySummary } from '../../../../lib/extension/history/types';
import { makeReport, revokedLater } from './make-report';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

function newStore(backend: HistoryBackend = createMemoryBackend()) {
  let n = 0;
  return new HistoryStore(backend, { now: () => NOW, newId: () => `id-${++n}` });
}

function ok<T>(v: T): Exclude<T, HistoryStorageError> {
  if (isStorageError(v)) throw new Error(`unexpected storage error ${v.error}: ${v.message}`);
  return v as Exclude<T, HistoryStorageError>;
}

describe('HistoryStore.record', () => {
  it('stores the report with its list columns', async () => {
    const store = newStore();
    const entry = ok(await store.record(makeReport({ checkedAt: daysAgo(1) }), { via: 'page', pageUrl: 'https://www.linkedin.com/in/ada', profileName: 'Ada Lovelace' }));
    expect(entry).toMatchObject({ id: 'id-1', verdict: 'verified', format: 'vc-data-integrity', title: 'Cloud Practitioner', issuerName: 'Example University', issuerId: 'did:web:issuer.example', profileName: 'Ada Lovelace', via: 'page' });
    expect(entry.previousVerdict).toBeUndefined();
    expect(ok(await store.get('id-1'))).toEqual(entry);
  });

  it('compares a re-verification with the last check of the same input', async () => {
    const store = newStore();
    const first = makeReport({ checkedAt: daysAgo(10) });
    ok(await store.record(first, { via: 'page' }));
    ok(await store.record(makeReport({ seed: 'other', checkedAt: daysAgo(5) }), { via: 'page' }));
    const again = ok(await store.record(revokedLater(first, daysAgo(1)), { via: 'reverify' }));
    expect(again.previousVerdict).toBe('verified');
    expect(changeLines(again)[0]).toMatch(/^Revoked since last check/);
    const latest = ok(await store.latestFor(first.inputHash));
    expect(latest?.id).toBe(again.id);
  });

  it('links a re-check of the same signed content in another container (PNG first, then JSON)', async () => {
    const store = newStore();
    const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:1', type: ['VerifiableCredential'], issuer: 'did:web:issuer.example' };
    const asPng = makeReport({ seed: 'png-bytes', container: 'png', credential, checkedAt: daysAgo(3) });
    // same content with keys in another order, as JSON.stringify of the stored payload may produce
    const reordered = { issuer: credential.issuer, type: credential.type, id: credential.id, '@context': credential['@context'] };
    const asJson = revokedLater(makeReport({ seed: 'json-bytes', credential: reordered }), daysAgo(1));
    ok(await store.record(asPng, { via: 'page' }));
    const again = ok(await store.record(asJson, { via: 'reverify' }));
    expect(again.inputHash).not.toBe(asPng.inputHash);
    expect(again.previousVerdict).toBe('verified');
    expect(changeLines(again)[0]).toMatch(/^Revoked since last check/);
    const other = ok(await store.record(makeReport({ seed: 'x', credential: { ...credential, id: 'urn:uuid:2' }, checkedAt: daysAgo(0.5) }), { via: 'page' }));
    expect(other.previousVerdict).toBeUndefined();
  });

  it('applies retention on each write', async () => {
    const store = newStore();
    ok(await store.record(makeReport({ seed: 'old', checkedAt: daysAgo(40) }), { via: 'page' }));
    ok(await store.record(makeReport({ seed: 'new', checkedAt: daysAgo(2) }), { via: 'page' }, 30));
    const page = ok(await store.query());
    expect(page.entries.map((e) => e.inputHash)).toEqual([makeReport({ seed: 'new' }).inputHash]);
    expect(ok(await store.applyRetention(1))).toBe(1);
    expect(ok(await store.count())).toBe(0);
  });

  it('returns STORAGE_QUOTA, not a throw, when the disk is full', async () => {
    const full: HistoryBackend = { ...createMemoryBackend(), put: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) };
    const result = await newStore(full).record(makeReport(), { via: 'page' });
    expect(result).toEqual({ error: 'STORAGE_QUOTA', message: 'The history is full; delete old entries or export them' });
  });

  it('returns STORAGE_FAILED with the reason when the database cannot be opened', async () => {
    const broken: HistoryBackend = { ...createMemoryBackend(), latestByCredentialKey: () => Promise.reject(new Error('blocked')) };
    const result = await newStore(broken).record(makeReport(), { via: 'page' });
    expect(result).toEqual({ error: 'STORAGE_FAILED', message: 'The history could not be saved: blocked' });
  });
});

async function seeded() {
  const store = newStore();
  const rows: Array<[string, string | undefined, string, Partial<Parameters<typeof makeReport>[0]>]> = [
    ['a', 'Ada Lovelace', daysAgo(1), {}],
    ['b', 'Ada Lovelace', daysAgo(3), { verdict: 'revoked', summary: { title: 'Data Analyst', issuer: { name: 'Skills Inc' } } }],
    ['c', 'Grace Hopper', daysAgo(2), { format: 'vc-jwt', summary: { title: 'COBOL', issuer: { id: 'https://navy.example' } } }],
    ['d', undefined, daysAgo(4), { verdict: 'failed', format: 'ob2-hosted', summary: {} }],
  ];
  for (const [seed, profileName, checkedAt, extra] of rows)
    ok(await store.record(makeReport({ seed, checkedAt, ...extra }), { via: profileName ? 'page' : 'verify-page', profileName, pageUrl: profileName ? `https://www.linkedin.com/in/${seed}` : undefined }));
  return store;
}

describe('HistoryStore queries', () => {
  it('pages newest first with the total count, listing summaries without reports', async () => {
    const store = await seeded();
    const page = ok(await store.query({}, 1, 2));
    expect(page.total).toBe(4);
    expect(page.entries.every((e) => !('report' in e))).toBe(true);
    expect(ok(await store.all()).every((e) => e.report.checks.length > 0)).toBe(true);
    expect(page.entries.map((e) => e.checkedAt)).toEqual([daysAgo(2), daysAgo(3)]);
  });

  it.each([
    [{ search: '', verdicts: [] }, ['Cloud Practitioner', 'COBOL', 'Data Analyst', undefined]],
    [{ profileName: '', pageUrl: '' }, [undefined]],
    [{ verdicts: ['revoked' as const] }, ['Data Analyst']],
    [{ formats: ['vc-jwt' as const] }, ['COBOL']],
    [{ issuer: 'navy' }, ['COBOL']],
    [{ search: 'grace' }, ['COBOL']],
    [{ search: 'analyst' }, ['Data Analyst']],
    [{ profileName: 'Ada Lovelace' }, ['Cloud Practitioner', 'Data Analyst']],
    [{ from: daysAgo(2.5), to: daysAgo(1.5) }, ['COBOL']],
  ])('filters %o', async (q, titles) => {
    const page = ok(await (await seeded()).query(q));
    expect(page.entries.map((e: HistorySummary) => e.title)).toEqual(titles);
  });

  it('groups by candidate, falling back to one group for files', async () => {
    const groups = ok(await (await seeded()).groups());
    expect(groups.map((g) => [g.label, g.count])).toEqual([['Ada Lovelace', 2], ['Grace Hopper', 1], ['Checked files and pasted text', 1]]);
  });

  it('deletes one entry, a candidate, and everything', async () => {
    const store = await seeded();
    ok(await store.delete('id-3'));
    expect(ok(await store.deleteGroup('profile:Ada Lovelace'))).toBe(2);
    expect(ok(await store.count())).toBe(1);
    ok(await store.clear());
    expect(ok(await store.count())).toBe(0);
  });

  it('imports only entries whose id is new', async () => {
    const store = await seeded();
    const all = ok(await store.all());
    const copy = { ...all[0]!, id: 'imported-1' };
    expect(ok(await store.addEntries([all[0]!, copy, copy]))).toEqual({ added: 1, skipped: 2 });
    expect(ok(await store.count())).toBe(5);
  });

  // its speed at this size is measured by `npm run bench` (history rows), not by a clock here
  it('pages and groups 10,000 entries right', async () => {
    const backend = createMemoryBackend();
    const store = newStore(backend);
    const base = makeReport();
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk-${i}`, inputHash: base.inputHash, credentialKey: `input:${base.inputHash}`, report: base, via: 'page' as const, checkedAt: new Date(NOW - i * 60_000).toISOString(),
      verdict: i % 7 === 0 ? ('revoked' as const) : ('verified' as const), format: base.format, title: `Badge ${i}`, profileName: `Candidate ${i % 300}`,
    }));
    ok(await store.addEntries(entries));
    const page = ok(await store.query({ verdicts: ['revoked'], search: 'candidate 1' }, 0, 50));
    const groups = ok(await store.groups());
    expect(page.entries).toHaveLength(50);
    expect(page.entries.every((e) => e.verdict === 'revoked' && /^Candidate 1/.test(e.profileName ?? ''))).toBe(true);
    expect(groups).toHaveLength(300);
  });
});
