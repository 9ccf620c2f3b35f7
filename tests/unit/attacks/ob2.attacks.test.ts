/**
 * SECURITY.md attack table, Open Badges 2.0 rows 38–39, through verify(), following
 * 1EdTech openbadges-validator-core tasks/verification.py (hosted origin
 * policy) and tasks/crypto.py (the creator key must be the issuer's).
 */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
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
