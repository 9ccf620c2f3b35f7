import { createHash } from 'node:crypto';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { verify } from '../../../../../lib/engine/pipeline';
import type { Report } from '../../../../../lib/engine/report';
import { createFixtureTransport, type Served } from '../../../../support/fixture-transport';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const H = 'https://badges.example';
const ctxOf = (served: Record<string, Served>) => {
  const fx = createFixtureTransport(served);
  return { ctx: createContext({ transport: fx.transport, now: () => NOW }), requested: fx.requested };
};
const codes = (r: Report) => r.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => c.code);
const json = (v: unknown) => JSON.stringify(v);

const ISSUER = { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${H}/issuer.json`, name: 'Example University', url: H, publicKey: `${H}/key.json`, revocationList: `${H}/revoked.json` };
const BADGE = { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${H}/badge.json`, name: 'Data Skills', description: 'd', image: `${H}/b.png`, criteria: { narrative: 'Pass the exam' }, issuer: `${H}/issuer.json` };

function assertion(id: string, verification: Record<string, unknown> = { type: 'hosted' }, extra: Record<string, unknown> = {}) {
  return { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id, recipient: { type: 'email', hashed: false, identity: 'grace@example.org' }, badge: `${H}/badge.json`, issuedOn: '2024-01-01T00:00:00Z', verification, ...extra };
}

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('OB 2.0 hosted assertions', () => {
  const base = { [`${H}/issuer.json`]: json(ISSUER), [`${H}/badge.json`]: json(BADGE) };

  it('regression: an assertion with its BadgeClass embedded showed no title or issuer when the issuer could not be read', async () => {
    const embedded = { ...BADGE, issuer: { ...ISSUER, id: 'urn:uuid:6f1c0a52-1e1b-4b7e-9a43-0c2b0d5d6e11' } };
    const a = assertion(`${H}/a/9`, { type: 'hosted' }, { badge: embedded });
    const report = await verify({ text: json(a) }, ctxOf({ [`${H}/a/9`]: json(a) }).ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(codes(report)).toEqual(['OB2_ISSUER_NO_ADDRESS']);
    // what the assertion says, shown as its claim: nothing in it was verified
    expect(report.summary).toMatchObject({ title: 'Data Skills', issuer: { name: 'Example University' }, notVerified: true });
    // a verified badge never carries the mark
    const ok = await verify({ text: json(assertion(`${H}/a/1`)) }, ctxOf({ ...base, [`${H}/a/1`]: json(assertion(`${H}/a/1`)) }).ctx);
    expect(ok.verdict).toBe('verified');
    expect(ok.summary.notVerified).toBeUndefined();
  });

  it('verifies a hosted assertion and matches its plain recipient', async () => {
    const a = assertion(`${H}/a/1`);
    const fx = ctxOf({ ...base, [`${H}/a/1`]: json(a) });
    const report = await verify({ text: json(a) }, { ...fx.ctx, recipient: { email: 'Grace@Example.org ' } });
    expect(report.verdict).toBe('verified');
    expect(report.recipient.outcome).toBe('match');
    expect(report.summary.achievement?.criteria).toBe('Pass the exam');
  });

  it('row 38: an assertion hosted outside the issuer allowedOrigins is refused', async () => {
    const a = assertion('https://elsewhere.example/a/1');
    const fx = ctxOf({ ...base, 'https://elsewhere.example/a/1': json(a) });
    const report = await verify({ text: json(a) }, fx.ctx);
    expect(report.verdict).toBe('failed');
    expect(codes(report)).toEqual(['OB2_HOSTED_ORIGIN_NOT_ALLOWED']);
    const allowing = { ...ISSUER, verification: { allowedOrigins: ['elsewhere.example'] } };
    const ok = await verify({ text: json(a) }, ctxOf({ ...base, [`${H}/issuer.json`]: json(allowing), 'https://elsewhere.example/a/1': json(a) }).ctx);
    expect(ok.verdict).toBe('verified');
    const asOrigin = { ...ISSUER, verification: { allowedOrigins: 'https://elsewhere.example' } };
    const ok2 = await verify({ text: json(a) }, ctxOf({ ...base, [`${H}/issuer.json`]: json(asOrigin), 'https://elsewhere.example/a/1': json(a) }).ctx);
    expect(ok2.verdict).toBe('verified');
  });

  it('HTTP 410 from the issuer, or revoked: true, means revoked', async () => {
    const a = assertion(`${H}/a/2`);
    const gone = await verify({ text: json(a) }, { ...ctxOf({ ...base, [`${H}/a/2`]: { status: 410, body: '' } }).ctx, recipient: { email: 'grace@example.org' } });
    expect(gone.verdict).toBe('revoked');
    // the given copy could not be checked against anything: its recipient is not read
    expect(gone.recipient.outcome).toBe('not-checked');
    expect(gone.summary.title).toBe('Data Skills');
    const flagged = await verify({ text: json(a) }, ctxOf({ ...base, [`${H}/a/2`]: json({ ...a, revoked: true }) }).ctx);
    expect(flagged.verdict).toBe('revoked');
  });

  it('uses the hosted copy as the truth when the given copy was altered', async () => {
    const hosted = assertion(`${H}/a/3`);
    const altered = { ...hosted, recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' } };
    const report = await verify({ text: json(altered) }, { ...ctxOf({ ...base, [`${H}/a/3`]: json(hosted) }).ctx, recipient: { email: 'mallory@example.org' } });
    expect(report.technical.hostedMismatch).toBe('OB2_HOSTED_MISMATCH');
    expect(report.recipient.outcome).toBe('mismatch');
  });

  it('an unreachable hosted copy is unverifiable, never verified', async () => {
    const report = await verify({ text: json(assertion(`${H}/a/4`)) }, ctxOf(base).ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(codes(report)).toEqual(['FETCH_HTTP_STATUS']);
  });

  it('a 1.x assertion is followed to its hosted 2.0 copy, or reported as unsupported', async () => {
    const legacy = { uid: 'x1', recipient: 'sha256$00', badge: `${H}/old-badge`, issuedOn: '2014-01-01', verify: { type: 'hosted', url: `${H}/a/5` } };
    const upgraded = await verify({ text: json(legacy) }, ctxOf({ ...base, [`${H}/a/5`]: json(assertion(`${H}/a/5`)) }).ctx);
    expect(upgraded.verdict).toBe('verified');
    const old = await verify({ text: json(legacy) }, ctxOf({ ...base, [`${H}/a/5`]: json(legacy) }).ctx);
    expect(old.verdict).toBe('unverifiable');
    expect(codes(old)).toEqual(['OB2_LEGACY_UNSUPPORTED']);
  });

  describe('OB 1.0 hosted badges, read as 2.0', () => {
    const v1 = (url: string, extra: Record<string, unknown> = {}) => ({
      uid: 'abc-1',
      recipient: { type: 'email', hashed: true, salt: 's', identity: 'sha256$' + createHash('sha256').update('grace@example.orgs').digest('hex') },
      badge: `${H}/v1/badge.json`,
      issuedOn: 1359217910,
      verify: { type: 'hosted', url },
      ...extra,
    });
    const v1Docs = {
      [`${H}/v1/badge.json`]: json({ name: 'Old Badge', description: 'from 2013', image: `${H}/v1/b.png`, criteria: `${H}/v1/c`, issuer: `${H}/v1/issuer.json` }),
      [`${H}/v1/issuer.json`]: json({ name: 'Old Issuer', url: H }),
    };

    it('upgrades a 1.0 hosted assertion with its badge class and issuer', async () => {
      const a = v1(`${H}/v1/a.json`);
      const r = await verify({ text: json(a) }, { ...ctxOf({ ...v1Docs, [`${H}/v1/a.json`]: json(a) }).ctx, recipient: { email: 'grace@example.org' } });
      expect(r.verdict).toBe('verified');
      expect(r.summary).toMatchObject({ title: 'Old Badge', validFrom: '2013-01-26T16:31:50.000Z', issuer: { name: 'Old Issuer' } });
      expect(r.recipient.outcome).toBe('match');
      expect(r.technical.upgradedFrom).toBe('1.x');
    });

    it('refuses what is ambiguous, and still applies the origin policy and revocation', async () => {
      const elsewhere = v1(`${H}/v1/a.json`);
      const moved = await verify({ text: json(elsewhere) }, ctxOf({ ...v1Docs, [`${H}/v1/a.json`]: json(v1(`${H}/v1/other.json`)) }).ctx);
      expect(codes(moved)).toEqual(['OB2_LEGACY_UNSUPPORTED']);
      const foreign = v1('https://mirror.example/a.json');
      const r = await verify({ text: json(foreign) }, ctxOf({ ...v1Docs, 'https://mirror.example/a.json': json(foreign) }).ctx);
      expect(codes(r)).toEqual(['OB2_HOSTED_ORIGIN_NOT_ALLOWED']);
      const revoked = v1(`${H}/v1/a.json`, { revoked: true });
      expect((await verify({ text: json(revoked) }, ctxOf({ ...v1Docs, [`${H}/v1/a.json`]: json(revoked) }).ctx)).verdict).toBe('revoked');
      const gone = await verify({ text: json(v1(`${H}/v1/a.json`)) }, ctxOf({ ...v1Docs, [`${H}/v1/a.json`]: { status: 410, body: '' } }).ctx);
      expect(gone.verdict).toBe('revoked');
    });
  });
});

describe('OB 2.0 signed assertions', () => {
  let pem: string;
  let sign: (payload: unknown, alg?: string) => Promise<string>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    pem = await exportSPKI(publicKey);
    sign = (payload, alg = 'RS256') => new CompactSign(new TextEncoder().encode(json(payload))).setProtectedHeader({ alg }).sign(privateKey);
  });
  const served = () => ({
    [`${H}/issuer.json`]: json(ISSUER),
    [`${H}/badge.json`]: json(BADGE),
    [`${H}/key.json`]: json({ '@context': 'https://w3id.org/openbadges/v2', type: 'CryptographicKey', id: `${H}/key.json`, owner: ISSUER.id, publicKeyPem: pem }),
    [`${H}/revoked.json`]: json({ type: 'RevocationList', id: `${H}/revoked.json`, revokedAssertions: ['urn:uuid:revoked-1', { id: 'urn:uuid:revoked-2', revocationReason: 'x' }] }),
  });
  const signedAssertion = (id: string, creator = `${H}/key.json`) => assertion(id, { type: 'signed', creator });

  it('verifies a signature by a key the issuer lists, and finds revoked ids in both list shapes', async () => {
    const ok = await verify({ text: await sign(signedAssertion('urn:uuid:fine')) }, ctxOf(served()).ctx);
    expect(ok.verdict).toBe('verified');
    for (const id of ['urn:uuid:revoked-1', 'urn:uuid:revoked-2']) {
      const r = await verify({ text: await sign(signedAssertion(id)) }, ctxOf(served()).ctx);
      expect(r.verdict).toBe('revoked');
    }
  });

  it('row 39: a key the issuer does not list is KEY_NOT_BOUND_TO_ISSUER', async () => {
    const otherKey = { ...JSON.parse(served()[`${H}/key.json`]!), id: `${H}/other-key.json` };
    const other = { ...served(), [`${H}/other-key.json`]: json(otherKey) };
    const r = await verify({ text: await sign(signedAssertion('urn:uuid:x', `${H}/other-key.json`)) }, ctxOf(other).ctx);
    expect(r.verdict).toBe('failed');
    expect(codes(r)).toEqual(['KEY_NOT_BOUND_TO_ISSUER']);
  });

  it('a changed payload fails the signature; an unlisted algorithm is refused', async () => {
    const jws = await sign(signedAssertion('urn:uuid:fine'));
    const [h, , s] = jws.split('.');
    const forged = Buffer.from(json({ ...signedAssertion('urn:uuid:fine'), issuedOn: '2024-02-01T00:00:00Z' })).toString('base64url');
    const r = await verify({ text: `${h}.${forged}.${s}` }, ctxOf(served()).ctx);
    expect(r.verdict).toBe('failed');
    expect(codes(r)).toEqual(['JWS_SIGNATURE_INVALID']);
    const hs = `${Buffer.from(json({ alg: 'HS256' })).toString('base64url')}.${jws.split('.')[1]}.${s}`;
    expect(codes(await verify({ text: hs }, ctxOf(served()).ctx))).toEqual(['JWS_ALG_NOT_ALLOWED']);
  });

  it('an unreachable revocation list leaves the status unknown: never verified', async () => {
    const noList = served();
    delete (noList as Record<string, string>)[`${H}/revoked.json`];
    const r = await verify({ text: await sign(signedAssertion('urn:uuid:fine')) }, ctxOf(noList).ctx);
    expect(r.verdict).toBe('unverifiable');
    expect(codes(r)).toEqual(['STATUS_RETRIEVAL_ERROR']);
  });
});
