import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { REQUIRED_CHECKS, verifyPayload } from '../../../../lib/engine/formats';
import type { Check } from '../../../../lib/engine/report';
import { checkCredentialStatus } from '../../../../lib/engine/status';
import { encodeStatusList } from '../../../../lib/engine/status/bitstring';
import { deriveVerdict } from '../../../../lib/engine/verdict';
import { createFixtureTransport, type Served } from '../../../support/fixture-transport';
import { createTestIssuer, signJcs, type TestIssuer } from '../../../support/sign-jcs';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const LIST_URL = 'https://status.example/lists/1';

function ctxServing(served: Record<string, Served>) {
  const fx = createFixtureTransport(served);
  return { ctx: { ...createContext({ transport: fx.transport, now: () => NOW }), verifyNested: verifyPayload }, requested: fx.requested };
}

interface ListOptions {
  purpose?: string;
  types?: string[];
  validUntil?: string;
  encodedList?: string;
}

async function statusList(issuer: TestIssuer, revoked: number[], o: ListOptions = {}): Promise<string> {
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST_URL,
    type: o.types ?? ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2024-01-01T00:00:00Z',
    ...(o.validUntil ? { validUntil: o.validUntil } : {}),
    credentialSubject: {
      id: `${LIST_URL}#list`,
      type: 'BitstringStatusList',
      statusPurpose: o.purpose ?? 'revocation',
      encodedList: o.encodedList ?? (await encodeStatusList(revoked)),
    },
  };
  return JSON.stringify(await signJcs(list, issuer));
}

const entry = (index: unknown, purpose = 'revocation', url = LIST_URL) => ({
  id: `${url}#${String(index)}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: index,
  statusListCredential: url,
});

const credentialBy = (issuer: unknown, ...status: unknown[]) => ({ id: 'urn:uuid:cred-1', issuer, credentialStatus: status });
const credential = (...status: unknown[]) => credentialBy('did:example:x', ...status);
const summary = (c: Check) => [c.status, c.code];

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('checkCredentialStatus: entries that need no list', () => {
  it('is not applicable without credentialStatus', async () => {
    const { ctx } = ctxServing({});
    expect(summary(await checkCredentialStatus({ id: 'x' }, ctx))).toEqual(['skip', 'NOT_APPLICABLE']);
  });

  it('reports an unknown status type as unsupported, without fetching', async () => {
    const { ctx, requested } = ctxServing({});
    const check = await checkCredentialStatus(credential({ id: 'https://s.example/x', type: 'CustomStatus' }), ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_UNSUPPORTED']);
    expect(requested).toEqual([]);
  });

  it('row 33: a bad index is STATUS_RANGE before any fetch', async () => {
    for (const bad of [-1, '-1', 'x', '2.5']) {
      const { ctx, requested } = ctxServing({});
      expect(summary(await checkCredentialStatus(credential(entry(bad)), ctx))).toEqual(['error', 'STATUS_RANGE']);
      expect(requested).toEqual([]);
    }
  });

  it('refuses to work through an unreasonable number of entries', async () => {
    const { ctx, requested } = ctxServing({});
    const many = Array.from({ length: 9 }, (_, i) => entry(i, 'revocation', `https://status.example/lists/${i}`));
    expect(summary(await checkCredentialStatus(credential(...many), ctx))).toEqual(['error', 'STATUS_UNSUPPORTED']);
    expect(requested).toEqual([]);
  });

  it('row 35: an unreachable list is STATUS_RETRIEVAL_ERROR naming the URL', async () => {
    const { ctx } = ctxServing({});
    const check = await checkCredentialStatus(credential(entry(3)), ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_RETRIEVAL_ERROR']);
    expect(check.detail?.url).toBe(LIST_URL);
  });

  it('row 34: an unsigned list is not trusted', async () => {
    const issuer = createTestIssuer();
    const signed = JSON.parse(await statusList(issuer, [3]));
    delete signed.proof;
    const { ctx } = ctxServing({ [LIST_URL]: JSON.stringify(signed) });
    expect(summary(await checkCredentialStatus(credential(entry(3)), ctx))).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
  });
});

describe('checkCredentialStatus: 1EdTechRevocationList', () => {
  const url = 'https://issuer.example/revocations';
  const rl = (...revokedCredential: unknown[]) => JSON.stringify({ id: url, revokedCredential });
  const e = { id: url, type: '1EdTechRevocationList' };

  it('finds a listed credential (revoked true or omitted) and ignores revoked:false', async () => {
    expect(summary(await checkCredentialStatus(credential(e), ctxServing({ [url]: rl({ id: 'urn:uuid:cred-1' }) }).ctx))).toEqual(['fail', 'CRED_REVOKED']);
    expect(summary(await checkCredentialStatus(credential(e), ctxServing({ [url]: rl({ id: 'urn:uuid:cred-1', revoked: true }) }).ctx))).toEqual(['fail', 'CRED_REVOKED']);
    const notRevoked = await checkCredentialStatus(credential(e), ctxServing({ [url]: rl({ id: 'urn:uuid:cred-1', revoked: false }, { id: 'urn:uuid:other' }) }).ctx);
    expect(summary(notRevoked)).toEqual(['pass', 'OK']);
  });

  it('fetches the list once for concurrent and repeated checks (cache and shared in-flight load)', async () => {
    const { ctx, requested } = ctxServing({ [url]: rl() });
    await Promise.all([checkCredentialStatus(credential(e), ctx), checkCredentialStatus(credential(e), ctx)]);
    await checkCredentialStatus(credential(e), ctx);
    expect(requested).toEqual([url]);
  });

  it('an unreadable list could not be checked', async () => {
    const check = await checkCredentialStatus(credential(e), ctxServing({ [url]: 'not json' }).ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
  });

  it('a revoked credential whose other list cannot be fetched is never verified (worst wins)', async () => {
    const { ctx } = ctxServing({ [url]: rl({ id: 'urn:uuid:cred-1' }) });
    const check = await checkCredentialStatus(credential(entry(1), e), ctx);
    expect(summary(check)).toEqual(['fail', 'CRED_REVOKED']);
    expect(deriveVerdict([{ id: 'proof', status: 'pass', code: 'OK', message: '' }, check], ['proof'])).toBe('revoked');
  });

  it('row 45: for an https issuer, only a list on its own origin is read', async () => {
    const own = 'https://university.example/revocations';
    const byUniversity = (listUrl: string) => credentialBy({ id: 'https://university.example/issuer' }, { id: listUrl, type: '1EdTechRevocationList' });
    const elsewhere = ctxServing({ [url]: rl() });
    const refused = await checkCredentialStatus(byUniversity(url), elsewhere.ctx);
    expect(summary(refused)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
    expect(String(refused.detail?.reason)).toMatch(/not on the issuer's own site/);
    expect(elsewhere.requested).toEqual([]);
    const onOrigin = ctxServing({ [own]: JSON.stringify({ id: own, revokedCredential: [{ id: 'urn:uuid:cred-1' }] }) });
    expect(summary(await checkCredentialStatus(byUniversity(own), onOrigin.ctx))).toEqual(['fail', 'CRED_REVOKED']);
  });

  it.each<[string, unknown]>([
    ['an object that is not a list', { name: 'Example University' }],
    ['revokedCredential that is not an array', { id: url, revokedCredential: { id: 'urn:uuid:other' } }],
    ['a list naming another address', { id: 'https://issuer.example/other-list', revokedCredential: [] }],
    ['a JSON array', [{ id: 'urn:uuid:other' }]],
  ])('rows 44–45: a body that is not the revocation list at that address (%s) could not be checked', async (_name, body) => {
    const check = await checkCredentialStatus(credential(e), ctxServing({ [url]: JSON.stringify(body) }).ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
  });

  it('an empty list may leave out revokedCredential when it names its own address', async () => {
    expect(summary(await checkCredentialStatus(credential(e), ctxServing({ [url]: JSON.stringify({ id: url }) }).ctx))).toEqual(['pass', 'OK']);
  });

  it('a credential whose list cannot be fetched is never verified, whatever the list would say', async () => {
    const { ctx } = ctxServing({});
    const check = await checkCredentialStatus(credential(e), ctx);
    const passed = (id: Check['id']): Check => ({ id, status: 'pass', code: 'OK', message: '' });
    const verdict = deriveVerdict([passed('structure'), passed('proof'), passed('issuer-binding'), passed('validity'), check], REQUIRED_CHECKS['vc-data-integrity']);
    expect(check.code).toBe('STATUS_RETRIEVAL_ERROR');
    expect(verdict).toBe('unverifiable');
  });
});

// These go through full verification of a signed list (eddsa-jcs-2022, did:key).
describe('checkCredentialStatus: signed Bitstring Status Lists', () => {
  it('reads revoked and not-revoked bits, and suspension', async () => {
    const issuer = createTestIssuer();
    const { ctx } = ctxServing({ [LIST_URL]: await statusList(issuer, [5]) });
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(5)), ctx))).toEqual(['fail', 'CRED_REVOKED']);
    // an issuer given as an object counts by its id
    const ok = await checkCredentialStatus(credentialBy({ id: issuer.did, name: 'Example University' }, entry('6')), ctx);
    expect(summary(ok)).toEqual(['pass', 'OK']);
    expect(ok.message).toBe("Not revoked (checked against the issuer's status list)");
    const susp = ctxServing({ [LIST_URL]: await statusList(issuer, [5], { purpose: 'suspension' }) }).ctx;
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(5, 'suspension')), susp))).toEqual(['fail', 'CRED_SUSPENDED']);
  });

  it('fetches and verifies a list once for several entries and credentials', async () => {
    const issuer = createTestIssuer();
    const { ctx, requested } = ctxServing({ [LIST_URL]: await statusList(issuer, [7]) });
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(1), entry(7)), ctx))).toEqual(['fail', 'CRED_REVOKED']);
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(2)), ctx))).toEqual(['pass', 'OK']);
    expect(requested).toEqual([LIST_URL]);
  });

  it('reads a StatusList2021 list (VC 1.1, encodedList without the multibase prefix)', async () => {
    const issuer = createTestIssuer();
    const list = await signJcs(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
        id: LIST_URL,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: issuer.did,
        issuanceDate: '2024-01-01T00:00:00Z',
        credentialSubject: { id: `${LIST_URL}#list`, type: 'StatusList2021', statusPurpose: 'revocation', encodedList: (await encodeStatusList([9])).slice(1) },
      },
      issuer,
    );
    const { ctx } = ctxServing({ [LIST_URL]: JSON.stringify(list) });
    const e2021 = (i: number) => ({ ...entry(i), type: 'StatusList2021Entry' });
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, e2021(9)), ctx))).toEqual(['fail', 'CRED_REVOKED']);
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, e2021(10)), ctx))).toEqual(['pass', 'OK']);
    // a StatusList2021 list does not answer for a Bitstring entry
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(9)), ctx))).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
  });

  it('row 33: an index past the end of the list is STATUS_RANGE', async () => {
    const issuer = createTestIssuer();
    const { ctx } = ctxServing({ [LIST_URL]: await statusList(issuer, [1]) });
    expect(summary(await checkCredentialStatus(credentialBy(issuer.did, entry(131_072)), ctx))).toEqual(['error', 'STATUS_RANGE']);
  });

  it('row 34: wrong purpose, wrong type, expired list or tampered list are not trusted', async () => {
    const issuer = createTestIssuer();
    const cases: [string, RegExp][] = [
      [await statusList(issuer, [5], { purpose: 'suspension' }), /not revocation/],
      [await statusList(issuer, [5], { types: ['VerifiableCredential', 'StatusList2021Credential'] }), /not a BitstringStatusListCredential/],
      [await statusList(issuer, [5], { validUntil: '2025-01-01T00:00:00Z' }), /expired/],
      [(await statusList(issuer, [5])).replace('"revocation"', '"suspension"'), /failed/],
    ];
    for (const [served, reason] of cases) {
      const check = await checkCredentialStatus(credentialBy(issuer.did, entry(5)), ctxServing({ [LIST_URL]: served }).ctx);
      expect(summary(check)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
      expect(String(check.detail?.reason)).toMatch(reason);
    }
  });

  it('row 45: a list issued by someone other than the credential\'s issuer is not evidence, whatever it says', async () => {
    const issuer = createTestIssuer();
    const other = createTestIssuer();
    for (const bits of [[], [5]]) {
      const { ctx } = ctxServing({ [LIST_URL]: await statusList(other, bits) });
      const check = await checkCredentialStatus(credentialBy(issuer.did, entry(5)), ctx);
      expect(summary(check)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
      expect(String(check.detail?.reason)).toBe(`the list was issued by ${other.did}, not by the credential's issuer`);
    }
    const { ctx } = ctxServing({ [LIST_URL]: await statusList(issuer, [5]) });
    expect(summary(await checkCredentialStatus(credentialBy(undefined, entry(5)), ctx))).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
  });

  it('row 44: a list whose id is not the statusListCredential URL it was fetched from is not evidence', async () => {
    const issuer = createTestIssuer();
    const copy = 'https://mirror.example/lists/1';
    const { ctx, requested } = ctxServing({ [copy]: await statusList(issuer, [5]) });
    const check = await checkCredentialStatus(credentialBy(issuer.did, entry(5, 'revocation', copy)), ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_VERIFICATION_ERROR']);
    expect(String(check.detail?.reason)).toBe(`the list names another address (${LIST_URL})`);
    expect(requested).toEqual([copy]);
  });

  it('row 32: a signed list that inflates beyond the cap is STATUS_LIST_TOO_LARGE', async () => {
    const huge = await encodeStatusList([], 17 * 1024 * 1024 * 8);
    const issuer = createTestIssuer();
    const { ctx } = ctxServing({ [LIST_URL]: await statusList(issuer, [], { encodedList: huge }) });
    const check = await checkCredentialStatus(credentialBy(issuer.did, entry(1)), ctx);
    expect(summary(check)).toEqual(['error', 'STATUS_LIST_TOO_LARGE']);
  });
});
