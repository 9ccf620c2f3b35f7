/**
 * How long a status list is kept (lib/engine/status/list-credential.ts
 * `listLifetime`), and when the report says revocation was checked: a list
 * is kept no longer than its own `ttl` (Bitstring Status List §2.1, ms) and
 * `validUntil` (VC Data Model 2.0), and never longer than five minutes, so a
 * revocation reaches the recruiter within minutes.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../../lib/engine/cache';
import { createContext } from '../../../../lib/engine/context';
import { verifyPayload } from '../../../../lib/engine/formats';
import { LIMITS } from '../../../../lib/engine/limits';
import { checkCredentialStatus } from '../../../../lib/engine/status';
import { encodeStatusList } from '../../../../lib/engine/status/bitstring';
import { listLifetime, type TrustedList } from '../../../../lib/engine/status/list-credential';
import { createFixtureTransport, type Served } from '../../../support/fixture-transport';
import { createTestIssuer, signJcs, type TestIssuer } from '../../../support/sign-jcs';

const START = Date.parse('2025-06-01T00:00:00Z');
const LIST_URL = 'https://status.example/lists/1';

const trusted = (extra: Partial<TrustedList> = {}): TrustedList => ({
  ok: true, url: LIST_URL, types: ['BitstringStatusListCredential'], purposes: ['revocation'], encodedList: 'u', statusSize: 1, ...extra,
});

async function signedList(issuer: TestIssuer, revoked: number[], extra: { ttl?: number; validUntil?: string } = {}): Promise<string> {
  return JSON.stringify(
    await signJcs(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: LIST_URL,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: '2024-01-01T00:00:00Z',
        ...(extra.validUntil ? { validUntil: extra.validUntil } : {}),
        credentialSubject: {
          id: `${LIST_URL}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: await encodeStatusList(revoked),
          ...(extra.ttl !== undefined ? { ttl: extra.ttl } : {}),
        },
      },
      issuer,
    ),
  );
}

const credentialOf = (issuer: TestIssuer) => ({
  id: 'urn:uuid:cred-1',
  issuer: issuer.did,
  credentialStatus: { id: `${LIST_URL}#3`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: LIST_URL },
});

/** A clock the test moves, a cache on that clock, and a server whose list can change. */
function world(initial: Served) {
  let now = START;
  const served: Record<string, Served> = { [LIST_URL]: initial };
  const fx = createFixtureTransport(served);
  const cache = createMemoryCache(() => now);
  const ctx = () => ({ ...createContext({ transport: fx.transport, now: () => now, cache }), verifyNested: verifyPayload });
  return { ctx, requested: fx.requested, serve: (body: Served) => (served[LIST_URL] = body), advance: (ms: number) => (now += ms) };
}

describe('listLifetime', () => {
  it('is five minutes for a list that says nothing about caching', () => {
    expect(listLifetime(trusted(), START)).toBe(LIMITS.statusCacheMs);
    expect(LIMITS.statusCacheMs).toBe(5 * 60 * 1000);
  });

  it("follows the list's ttl (Bitstring Status List §2.1, milliseconds) when it is shorter", () => {
    expect(listLifetime(trusted({ ttlMs: 30_000 }), START)).toBe(30_000);
    expect(listLifetime(trusted({ ttlMs: 3_600_000 }), START)).toBe(LIMITS.statusCacheMs);
  });

  it("ends with the list's validUntil (VC Data Model 2.0): a list about to end is kept only until then", () => {
    expect(listLifetime(trusted({ validUntil: new Date(START + 90_000).toISOString() }), START)).toBe(90_000);
    expect(listLifetime(trusted({ validUntil: new Date(START - 1).toISOString() }), START)).toBeLessThanOrEqual(0);
    expect(listLifetime(trusted({ validUntil: 'not a date' }), START)).toBe(LIMITS.statusCacheMs);
  });
});

describe('a status list in the cache', () => {
  it('is read again once its ttl has passed: a revocation made meanwhile is seen', async () => {
    const issuer = createTestIssuer();
    const w = world(await signedList(issuer, [], { ttl: 20_000 }));
    expect((await checkCredentialStatus(credentialOf(issuer), w.ctx())).status).toBe('pass');
    w.serve(await signedList(issuer, [3], { ttl: 20_000 }));
    w.advance(10_000);
    expect((await checkCredentialStatus(credentialOf(issuer), w.ctx())).status).toBe('pass'); // within its ttl: the cached list
    w.advance(11_000);
    expect((await checkCredentialStatus(credentialOf(issuer), w.ctx())).code).toBe('CRED_REVOKED');
    expect(w.requested).toEqual([LIST_URL, LIST_URL]);
  });

  it('is never kept longer than five minutes, whatever ttl the list gives', async () => {
    const issuer = createTestIssuer();
    const w = world(await signedList(issuer, [], { ttl: 24 * 3_600_000 }));
    await checkCredentialStatus(credentialOf(issuer), w.ctx());
    w.serve(await signedList(issuer, [3]));
    w.advance(LIMITS.statusCacheMs + 1);
    expect((await checkCredentialStatus(credentialOf(issuer), w.ctx())).code).toBe('CRED_REVOKED');
  });

  it('the status check says when the list it answers from was fetched, also when the answer comes from the cache', async () => {
    const issuer = createTestIssuer();
    const w = world(await signedList(issuer, []));
    const first = await checkCredentialStatus(credentialOf(issuer), w.ctx());
    expect(first.detail?.checkedAt).toBe(new Date(START).toISOString());
    w.advance(60_000);
    const cachedAnswer = await checkCredentialStatus(credentialOf(issuer), w.ctx());
    expect(cachedAnswer.detail?.checkedAt).toBe(new Date(START).toISOString());
  });
});
