/**
 * RFC 9901 and SD-JWT VC draft examples (tests/vectors/ietf-sd-jwt): every
 * published presentation is processed into exactly the payload the document
 * shows, its key binding JWT verifies with the example's `cnf` key, and the
 * whole SD-JWT VCs verify through verify() once the issuer's published key
 * is served as its JWT VC Issuer Metadata.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDisclosures, hashOf, processPayload } from '../../../../../lib/engine/formats/sd-jwt/disclosures';
import { checkKeyBinding } from '../../../../../lib/engine/formats/sd-jwt/key-binding';
import { compactFromJson, splitSdJwt } from '../../../../../lib/engine/formats/sd-jwt/serialization';
import { decodeJws, signatureVerifies } from '../../../../../lib/engine/proofs/vc-jwt/jws';
import { repoPath } from '../../../../support/fixtures';
import { spyNet, verifyRow } from '../../../attacks/harness';

interface Example { name: string; sdJwt: string; keyBinding: boolean; processed?: Record<string, unknown>; iss?: string }
const rfc = JSON.parse(readFileSync(repoPath('tests/vectors/ietf-sd-jwt/rfc9901-examples.json'), 'utf8')) as {
  issuerKey: JsonWebKey;
  examples: Example[];
  jsonSerialization: { name: string; json: Record<string, unknown>; keyBinding: boolean }[];
};
const vc = JSON.parse(readFileSync(repoPath('tests/vectors/ietf-sd-jwt/sd-jwt-vc-examples.json'), 'utf8')) as { issuerMetadata: Record<string, unknown>; examples: Example[] };

/** Right/total per document, printed once: the interoperability score of this reader. */
const tally = new Map<string, { right: number; total: number }>();
const count = (doc: string, right: boolean) => {
  const t = tally.get(doc) ?? { right: 0, total: 0 };
  tally.set(doc, { right: t.right + (right ? 1 : 0), total: t.total + 1 });
};
afterAll(() => {
  for (const [doc, t] of tally) console.info(`interop ${doc}: ${t.right}/${t.total} examples read as published`);
});

async function processed(sdJwt: string) {
  const parts = splitSdJwt(sdJwt);
  const token = decodeJws(parts.issuerJwt);
  const signed = token.payload as Record<string, unknown>;
  const hash = hashOf(signed._sd_alg);
  return { parts, token, signed, hash, result: processPayload(signed, await decodeDisclosures(parts.disclosures, hash)) };
}

describe('RFC 9901 examples: disclosures, processed payloads, key binding', () => {
  it.each(rfc.examples.map((e) => [e.name, e] as const))('%s', async (_, example) => {
    const { parts, token, signed, hash, result } = await processed(example.sdJwt);
    const signatureHolds = await signatureVerifies(token, rfc.issuerKey);
    expect(signatureHolds).toBe(true);
    if (example.processed) expect(result.payload).toEqual(example.processed);
    expect(result.disclosed.length).toBe(parts.disclosures.length);
    let kbHolds = true;
    if (example.keyBinding) {
      // the KB-JWTs were made in May 2025; "now" is after that
      const kb = await checkKeyBinding(parts.kbJwt, signed.cnf, parts.presented, hash, spyNet().ctx);
      expect(kb.check).toMatchObject({ id: 'key-binding', status: 'pass' });
      expect(kb.technical).toMatchObject({ keyBindingAudience: 'https://verifier.example.org', keyBindingNonce: '1234567890' });
      kbHolds = kb.check.status === 'pass';
    }
    count('RFC 9901 (SD-JWT)', signatureHolds && kbHolds && (!example.processed || JSON.stringify(result.payload) === JSON.stringify(example.processed)));
  });
});

describe('RFC 9901 §8: the JWS JSON Serialization', () => {
  it.each(rfc.jsonSerialization.map((e) => [e.name, e] as const))('%s: read as its compact form, signature, disclosures and key binding hold', async (_, example) => {
    const { parts, token, signed, hash, result } = await processed(compactFromJson(example.json));
    expect(await signatureVerifies(token, rfc.issuerKey)).toBe(true);
    expect(result.disclosed.length).toBe(parts.disclosures.length);
    const kb = await checkKeyBinding(parts.kbJwt, signed.cnf, parts.presented, hash, spyNet().ctx);
    expect(kb.check.status).toBe(example.keyBinding ? 'pass' : 'skip');
    count('RFC 9901 (SD-JWT)', kb.check.status !== 'fail');
  });

  it('through verify() it is an SD-JWT, never taken for a JAdES seal: no vct, so unverifiable, not failed', async () => {
    const report = await verifyRow({ text: JSON.stringify(rfc.jsonSerialization[2]!.json) }, spyNet().ctx);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.checks.find((c) => c.id === 'structure')).toMatchObject({ status: 'error', code: 'INPUT_UNSUPPORTED_FORMAT' });
    expect(report.verdict).toBe('unverifiable');
  });
});

describe('SD-JWT VC draft examples through verify(), with the issuer metadata of Figure 14 served', () => {
  // the draft's key binding JWTs were made on 21 August 2026
  const AFTER_THE_DRAFT = { now: Date.parse('2026-09-01T00:00:00Z') };
  const metadataFor = (iss: string) => {
    const url = new URL(iss);
    return { [`${url.origin}/.well-known/jwt-vc-issuer${url.pathname.replace(/\/$/, '')}`]: { ...vc.issuerMetadata, issuer: iss } };
  };

  it.each(vc.examples.map((e) => [e.name, e] as const))('%s: verified, and only what was disclosed is read', async (_, example) => {
    const { ctx, requests } = spyNet(metadataFor(example.iss!), AFTER_THE_DRAFT);
    const report = await verifyRow({ text: example.sdJwt }, ctx);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'error')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.checks.find((c) => c.id === 'key-binding')?.status).toBe(example.keyBinding ? 'pass' : 'skip');
    if (example.processed) expect(report.credential).toEqual(example.processed);
    expect(requests).toEqual(Object.keys(metadataFor(example.iss!)));
    count('draft-ietf-oauth-sd-jwt-vc', report.verdict === 'verified');
  });

  it('Figure 10: a claim the holder did not disclose is neither in the credential nor in the summary', async () => {
    const example = vc.examples.find((e) => e.name.startsWith('Figure 10'))!;
    const report = await verifyRow({ text: example.sdJwt }, spyNet(metadataFor(example.iss!), AFTER_THE_DRAFT).ctx);
    const shown = JSON.stringify([report.credential, report.summary]);
    for (const hidden of ['John', 'Doe', 'johndoe@example.com', '1940-01-01']) expect(shown).not.toContain(hidden);
    expect(report.technical).toMatchObject({ disclosedClaims: ['is_over_65', 'address'] });
  });

  it('the RFC 9901 A.3 PID presentation verifies as an SD-JWT VC with the same key published by its issuer', async () => {
    const example = rfc.examples.find((e) => e.name.startsWith('A.3 SD-JWT VC (PID) SD-JWT+KB'))!;
    const iss = 'https://pid-issuer.bund.de.example';
    const report = await verifyRow({ text: example.sdJwt }, spyNet({ [`${iss}/.well-known/jwt-vc-issuer`]: { issuer: iss, jwks: { keys: [rfc.issuerKey] } } }).ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({ title: 'urn:eudi:pid:de:1', issuer: { id: iss } });
    count('RFC 9901 (SD-JWT)', report.verdict === 'verified');
  });
});
