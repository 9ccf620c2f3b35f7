/**
 * SECURITY.md attack table, Open Badges 2.0 rows 38–39 and 44, through verify(),
 * following 1EdTech openbadges-validator-core tasks/verification.py (hosted
 * origin policy) and tasks/crypto.py (the creator key must be the issuer's).
 * Row 44: a document speaks only for the address it came from, so an Issuer
 * embedded by the forger, or served from the forger's host under the real
 * issuer's id, authorises nothing.
 */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeIssuer } from '../../../lib/trust/issuer';
import type { TrustEntry } from '../../../lib/trust/types';
import { expectCode, spyNet, verifyJson, verifyRow } from './harness';

const H = 'https://badges.example';
const CTX = 'https://w3id.org/openbadges/v2';
const NOW = Date.parse('2025-06-01T00:00:00Z');
const ISSUER = { '@context': CTX, type: 'Issuer', id: `${H}/issuer.json`, name: 'Example University', url: H, publicKey: `${H}/key.json` };
const BADGE = { '@context': CTX, type: 'BadgeClass', id: `${H}/badge.json`, name: 'Data Skills', description: 'd', image: `${H}/b.png`, criteria: { narrative: 'Pass' }, issuer: ISSUER.id };

const assertion = (id: string, verification: Record<string, unknown> = { type: 'hosted' }) => ({
  '@context': CTX, type: 'Assertion', id, recipient: { type: 'email', hashed: false, identity: 'grace@example.org' },
  badge: BADGE.id, issuedOn: '2024-01-01T00:00:00Z', verification,
});
const keyDoc = (id: string, pem: string) => ({ '@context': CTX, type: 'CryptographicKey', id, owner: ISSUER.id, publicKeyPem: pem });

describe('SECURITY.md attack table — Open Badges 2.0', () => {
  const base = { [ISSUER.id]: ISSUER, [BADGE.id]: BADGE };

  it('row 38: a hosted assertion served from an origin not in verification.allowedOrigins → OB2_HOSTED_ORIGIN_NOT_ALLOWED, failed', async () => {
    const foreign = assertion('https://elsewhere.example/a/1');
    const { ctx } = spyNet({ ...base, [foreign.id]: foreign }, { now: NOW });
    const report = await verifyJson(foreign, ctx);
    expectCode(report, 'OB2_HOSTED_ORIGIN_NOT_ALLOWED');
    expect(report.verdict).toBe('failed');
    // control: the same assertion on the issuer's own origin verifies
    const own = assertion(`${H}/a/1`);
    expect((await verifyJson(own, spyNet({ ...base, [own.id]: own }, { now: NOW }).ctx)).verdict).toBe('verified');
  });

  it('row 38: an allowedOrigins list that names another origin still refuses a look-alike host', async () => {
    const issuer = { ...ISSUER, verification: { allowedOrigins: ['badges.example'] } };
    const lookalike = assertion('https://badges.example.evil.example/a/1');
    const { ctx } = spyNet({ ...base, [ISSUER.id]: issuer, [lookalike.id]: lookalike }, { now: NOW });
    const report = await verifyJson(lookalike, ctx);
    expectCode(report, 'OB2_HOSTED_ORIGIN_NOT_ALLOWED');
    expect(report.verdict).toBe('failed');
  });

  describe('row 39: signed assertions', () => {
    let issuerPem: string;
    let attackerPem: string;
    let signAsIssuer: (payload: unknown) => Promise<string>;
    let signAsAttacker: (payload: unknown) => Promise<string>;
    beforeAll(async () => {
      const issuerKeys = await generateKeyPair('RS256');
      const attackerKeys = await generateKeyPair('RS256');
      issuerPem = await exportSPKI(issuerKeys.publicKey);
      attackerPem = await exportSPKI(attackerKeys.publicKey);
      const signer = (key: CryptoKey) => (payload: unknown) =>
        new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(key);
      signAsIssuer = signer(issuerKeys.privateKey as CryptoKey);
      signAsAttacker = signer(attackerKeys.privateKey as CryptoKey);
    });

    it('control: signed with the key the issuer lists → verified', async () => {
      const { ctx } = spyNet({ ...base, [`${H}/key.json`]: keyDoc(`${H}/key.json`, issuerPem) }, { now: NOW });
      const report = await verifyRow({ text: await signAsIssuer(assertion('urn:uuid:ok', { type: 'signed', creator: `${H}/key.json` })) }, ctx);
      expect(report.verdict).toBe('verified');
    });

    it('verification.creator is a key (claiming the issuer as owner) that the issuer publicKey does not list → KEY_NOT_BOUND_TO_ISSUER, failed', async () => {
      const creator = `${H}/attacker-key.json`;
      const { ctx } = spyNet({ ...base, [`${H}/key.json`]: keyDoc(`${H}/key.json`, issuerPem), [creator]: keyDoc(creator, attackerPem) }, { now: NOW });
      const report = await verifyRow({ text: await signAsAttacker(assertion('urn:uuid:forged', { type: 'signed', creator })) }, ctx);
      expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
      expect(report.verdict).toBe('failed');
    });
  });
});

describe('SECURITY.md attack table — row 44: Open Badges 2.0 documents speak only for their own address', () => {
  const U = 'https://university.example';
  const E = 'https://evil.example';
  const REAL_ISSUER = { '@context': CTX, type: 'Issuer', id: `${U}/issuer`, name: 'Example University', url: U, publicKey: `${U}/key.json`, revocationList: `${U}/revoked.json` };
  const REAL_BADGE = { '@context': CTX, type: 'BadgeClass', id: `${U}/badge`, name: 'Data Skills', description: 'd', image: `${U}/b.png`, criteria: { narrative: 'Pass' }, issuer: REAL_ISSUER.id };
  const REVOKED = { '@context': CTX, type: 'RevocationList', id: `${U}/revoked.json`, revokedAssertions: ['urn:uuid:withdrawn'] };
  /** An assertion whose BadgeClass, and the Issuer inside it, are embedded rather than linked. */
  const embedding = (id: string, issuer: Record<string, unknown>, verification: Record<string, unknown> = { type: 'hosted' }) => ({
    ...assertion(id, verification),
    badge: { ...REAL_BADGE, issuer },
  });
  const fromHost = (requests: string[], origin: string) => requests.filter((u) => u.startsWith(`${origin}/`));

  let universityPem: string;
  let forgerPem: string;
  let signAsUniversity: (payload: unknown) => Promise<string>;
  let signAsForger: (payload: unknown) => Promise<string>;
  beforeAll(async () => {
    const university = await generateKeyPair('RS256');
    const forger = await generateKeyPair('RS256');
    universityPem = await exportSPKI(university.publicKey);
    forgerPem = await exportSPKI(forger.publicKey);
    const signer = (key: CryptoKey) => (payload: unknown) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(key);
    signAsUniversity = signer(university.privateKey as CryptoKey);
    signAsForger = signer(forger.privateKey as CryptoKey);
  });
  const universityWorld = () => ({
    [REAL_ISSUER.id]: REAL_ISSUER,
    [REAL_BADGE.id]: REAL_BADGE,
    [`${U}/key.json`]: { '@context': CTX, type: 'CryptographicKey', id: `${U}/key.json`, owner: REAL_ISSUER.id, publicKeyPem: universityPem },
    [REVOKED.id]: REVOKED,
  });
  const forgerKey = () => ({ '@context': CTX, type: 'CryptographicKey', id: `${E}/key.json`, owner: REAL_ISSUER.id, publicKeyPem: forgerPem });

  it('control: an embedded copy of the issuer is read from its id; the fetched name is shown, not the embedded one', async () => {
    const payload = embedding('urn:uuid:genuine', { ...REAL_ISSUER, name: 'Totally Real University' }, { type: 'signed', creator: `${U}/key.json` });
    const { ctx, requests } = spyNet(universityWorld(), { now: NOW });
    const report = await verifyRow({ text: await signAsUniversity(payload) }, ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary.issuer?.name).toBe('Example University');
    expect(requests).toContain(REAL_ISSUER.id);
  });

  it('signed: an embedded Issuer listing the forger\'s publicKey → KEY_NOT_BOUND_TO_ISSUER, failed, the forger\'s key never fetched', async () => {
    const payload = embedding('urn:uuid:forged', { ...REAL_ISSUER, publicKey: `${E}/key.json` }, { type: 'signed', creator: `${E}/key.json` });
    const { ctx, requests } = spyNet({ ...universityWorld(), [`${E}/key.json`]: forgerKey() }, { now: NOW });
    const report = await verifyRow({ text: await signAsForger(payload) }, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(report.verdict).toBe('failed');
    expect(fromHost(requests, E)).toEqual([]);
  });

  it('hosted: an embedded Issuer whose allowedOrigins name the forger\'s host → OB2_HOSTED_ORIGIN_NOT_ALLOWED, failed', async () => {
    const forged = embedding(`${E}/a/1`, { ...REAL_ISSUER, verification: { allowedOrigins: ['evil.example'], startsWith: [`${E}/a/`] } });
    const { ctx, requests } = spyNet({ ...universityWorld(), [forged.id]: forged }, { now: NOW });
    const report = await verifyJson(forged, ctx);
    expectCode(report, 'OB2_HOSTED_ORIGIN_NOT_ALLOWED');
    expect(report.verdict).toBe('failed');
    // the forged assertion itself is fetched at its own id, and nothing else from the forger's host
    expect(fromHost(requests, E)).toEqual([forged.id]);
  });

  it('an embedded BadgeClass whose Issuer pretends to be the university without an address of its own → OB2_ISSUER_NO_ADDRESS, unverifiable, its name only as the document\'s unconfirmed claim', async () => {
    const { id: _none, ...nameOnly } = REAL_ISSUER;
    for (const claimed of [{ ...nameOnly, id: 'urn:uuid:example-university' }, nameOnly]) {
      const forged = embedding(`${E}/a/2`, { ...claimed, verification: { allowedOrigins: ['evil.example'] } });
      const { ctx, requests } = spyNet({ [forged.id]: forged }, { now: NOW });
      const report = await verifyJson(forged, ctx);
      expect(expectCode(report, 'OB2_ISSUER_NO_ADDRESS').status).toBe('error');
      expect(report.verdict).toBe('unverifiable');
      // the recruiter sees what the document claims, marked as such (summary.notVerified), never as its signer or a trusted issuer
      expect(report.summary.notVerified).toBe(true);
      const panel = describeIssuer(report, [{ issuerId: REAL_ISSUER.id, source: 'you', addedAt: '2025-01-01T00:00:00Z' } as TrustEntry]);
      expect(panel.signer).toBeUndefined();
      expect(panel.trusted).toBe(false);
      expect(requests).toEqual([forged.id]);
    }
  });

  it('an Issuer served at the forger\'s address whose id says it is the university → OB2_DOCUMENT_MISMATCH, failed', async () => {
    const copy = { ...REAL_ISSUER, publicKey: `${E}/key.json`, verification: { allowedOrigins: ['evil.example'] } };
    const hosted = embedding(`${E}/a/3`, `${E}/issuer.json` as unknown as Record<string, unknown>);
    const signed = embedding('urn:uuid:forged-copy', `${E}/issuer.json` as unknown as Record<string, unknown>, { type: 'signed', creator: `${E}/key.json` });
    const world = { ...universityWorld(), [`${E}/issuer.json`]: copy, [`${E}/key.json`]: forgerKey(), [hosted.id]: hosted };
    const viaHost = spyNet(world, { now: NOW });
    const hostedReport = await verifyJson(hosted, viaHost.ctx);
    const viaSignature = spyNet(world, { now: NOW });
    const signedReport = await verifyRow({ text: await signAsForger(signed) }, viaSignature.ctx);
    for (const report of [hostedReport, signedReport]) {
      expect(expectCode(report, 'OB2_DOCUMENT_MISMATCH').detail).toMatchObject({ url: `${E}/issuer.json`, found: REAL_ISSUER.id });
      expect(report.verdict).toBe('failed');
      expect(report.summary.issuer?.name).toBeUndefined();
    }
    // the signed badge is refused before its key is fetched
    expect(viaSignature.requests).toEqual([`${E}/issuer.json`]);
  });

  it('a BadgeClass fetched from a URL whose body names another id → OB2_DOCUMENT_MISMATCH, failed', async () => {
    const hosted = { ...assertion(`${U}/a/4`), badge: `${U}/badges/copy` };
    const { ctx } = spyNet({ ...universityWorld(), [hosted.id]: hosted, [`${U}/badges/copy`]: REAL_BADGE }, { now: NOW });
    const report = await verifyJson(hosted, ctx);
    expect(expectCode(report, 'OB2_DOCUMENT_MISMATCH').detail).toMatchObject({ url: `${U}/badges/copy`, found: REAL_BADGE.id });
    expect(report.verdict).toBe('failed');
    // control: the same badge class at its own address verifies
    const own = { ...hosted, id: `${U}/a/5`, badge: REAL_BADGE.id };
    expect((await verifyJson(own, spyNet({ ...universityWorld(), [own.id]: own }, { now: NOW }).ctx)).verdict).toBe('verified');
  });

  it('the revocation list is the fetched issuer\'s: an embedded Issuer naming an empty list on the forger\'s host does not un-revoke', async () => {
    const payload = embedding('urn:uuid:withdrawn', { ...REAL_ISSUER, revocationList: `${E}/empty.json` }, { type: 'signed', creator: `${U}/key.json` });
    const empty = { '@context': CTX, type: 'RevocationList', id: `${E}/empty.json`, revokedAssertions: [] };
    const { ctx, requests } = spyNet({ ...universityWorld(), [empty.id]: empty }, { now: NOW });
    const report = await verifyRow({ text: await signAsUniversity(payload) }, ctx);
    expectCode(report, 'CRED_REVOKED');
    expect(report.verdict).toBe('revoked');
    expect(fromHost(requests, E)).toEqual([]);
  });

  it('a revocation list whose id names another address is not the issuer\'s list → STATUS_VERIFICATION_ERROR, unverifiable', async () => {
    const payload = assertion('urn:uuid:withdrawn', { type: 'signed', creator: `${U}/key.json` });
    const moved = { ...REVOKED, id: `${E}/revoked.json`, revokedAssertions: [] };
    const { ctx } = spyNet({ ...universityWorld(), [REAL_BADGE.id]: REAL_BADGE, [REVOKED.id]: moved }, { now: NOW });
    const report = await verifyRow({ text: await signAsUniversity({ ...payload, badge: REAL_BADGE.id }) }, ctx);
    expect(expectCode(report, 'STATUS_VERIFICATION_ERROR').status).toBe('error');
    expect(report.verdict).toBe('unverifiable');
  });
});
