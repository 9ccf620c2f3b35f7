/**
 * One current result per credential: a later check of a credential replaces
 * its entry (same id), keeping only the previous verdict, its time and what
 * changed. Regression: after "Check again now" revealed a revocation, the
 * history listed "Revoked since last check" and, as a second entry, the old
 * green "Verified" report.
 */
import { describe, expect, it } from 'vitest';
import { changeLines } from '../../../../lib/extension/history/changes';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { historyKeyOf, HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistoryStorageError } from '../../../../lib/extension/history/types';
import { makeReport, revokedLater } from './make-report';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const at = (minutes: number) => new Date(NOW - 60_000 * minutes).toISOString();
const LIST_URL = 'https://issuer.example/credentials/cloud.json';

function newStore() {
  let n = 0;
  return new HistoryStore(createMemoryBackend(), { now: () => NOW, newId: () => `id-${++n}` });
}

function ok<T>(v: T): Exclude<T, HistoryStorageError> {
  if (isStorageError(v)) throw new Error(`unexpected storage error ${v.error}`);
  return v as Exclude<T, HistoryStorageError>;
}

const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:cloud', type: ['VerifiableCredential'], issuer: 'did:web:issuer.example' };

describe('bug: a re-check listed the old "verified" result beside the new "revoked" one', () => {
  it('the re-check replaces the entry; the list holds one result, the revoked one, with the previous verdict and its time', async () => {
    const store = newStore();
    const first = ok(await store.record(makeReport({ credential, checkedAt: at(30) }), { via: 'page', origin: { url: LIST_URL } }));
    const again = ok(await store.record(revokedLater(makeReport({ credential }), at(1)), { via: 'reverify', origin: { url: LIST_URL }, recheckOf: first.credentialKey }));
    expect(again.id).toBe(first.id);
    expect([again.verdict, again.previousVerdict, again.previousCheckedAt]).toEqual(['revoked', 'verified', at(30)]);
    expect(changeLines(again)[0]).toMatch(/^Revoked since last check/);
    const page = ok(await store.query());
    expect(page.total).toBe(1);
    expect(page.entries.map((e) => e.verdict)).toEqual(['revoked']);
    expect(ok(await store.get(first.id))?.report.verdict).toBe('revoked');
  });

  it('a page visit after the re-check replaces the same entry again, never adding one', async () => {
    const store = newStore();
    ok(await store.record(makeReport({ credential, checkedAt: at(30) }), { via: 'page', origin: { url: LIST_URL } }));
    ok(await store.record(revokedLater(makeReport({ credential }), at(10)), { via: 'reverify', origin: { url: LIST_URL } }));
    const visit = ok(await store.record(revokedLater(makeReport({ credential }), at(1)), { via: 'page', origin: { url: LIST_URL } }));
    expect(ok(await store.count())).toBe(1);
    expect([visit.previousVerdict, visit.previousCheckedAt, changeLines(visit)]).toEqual(['revoked', at(10), []]);
  });
});

describe('which earlier check a new one replaces', () => {
  it('a credential read from an address stays one entry when the address later does not answer, and back', async () => {
    const store = newStore();
    const read = ok(await store.record(makeReport({ credential, checkedAt: at(30) }), { via: 'page', origin: { url: LIST_URL } }));
    const down = makeReport({ verdict: 'unverifiable', seed: '', checks: [{ id: 'parse', status: 'error', code: 'FETCH_NETWORK', message: 'x' }], checkedAt: at(20) });
    const silent = ok(await store.record(down, { via: 'page', origin: { url: LIST_URL } }));
    const back = ok(await store.record(makeReport({ credential, checkedAt: at(10) }), { via: 'page', origin: { url: LIST_URL } }));
    expect([silent.id, back.id]).toEqual([read.id, read.id]);
    expect([silent.previousVerdict, back.previousVerdict]).toEqual(['verified', 'unverifiable']);
    expect(ok(await store.count())).toBe(1);
  });

  it('two different links that both did not answer are two entries, not one credential', async () => {
    const store = newStore();
    const down = (checkedAt: string) => makeReport({ verdict: 'unverifiable', seed: '', checks: [{ id: 'parse', status: 'error', code: 'FETCH_NETWORK', message: 'x' }], checkedAt });
    ok(await store.record(down(at(2)), { via: 'page', origin: { url: 'https://a.example/1.json' } }));
    const second = ok(await store.record(down(at(1)), { via: 'page', origin: { url: 'https://b.example/2.json' } }));
    expect(second.previousVerdict).toBeUndefined();
    expect(ok(await store.count())).toBe(2);
  });

  it('a re-check of pasted text replaces the entry it repeats', async () => {
    const store = newStore();
    const pasted = ok(await store.record(makeReport({ seed: 'pasted', checkedAt: at(5) }), { via: 'verify-page' }));
    const again = ok(await store.record(makeReport({ seed: 'pasted', checkedAt: at(1) }), { via: 'reverify', recheckOf: pasted.credentialKey }));
    expect(again.id).toBe(pasted.id);
    expect(ok(await store.count())).toBe(1);
  });

  it('keeps where the credential was read from when a re-check came from its kept text', async () => {
    const store = newStore();
    const first = ok(await store.record(makeReport({ credential, checkedAt: at(5) }), { via: 'page', origin: { url: LIST_URL, follow: true } }));
    const again = ok(await store.record(makeReport({ credential, checkedAt: at(1) }), { via: 'reverify', recheckOf: first.credentialKey }));
    expect(again.origin).toEqual({ url: LIST_URL, follow: true });
  });

  it('keys a check read from an address by that address, and anything else by its content', async () => {
    expect(await historyKeyOf(makeReport({ credential }), { url: LIST_URL })).toBe(`source:${LIST_URL}`);
    expect(await historyKeyOf(makeReport({ credential }), undefined)).toMatch(/^content:[0-9a-f]{64}$/);
  });
});
