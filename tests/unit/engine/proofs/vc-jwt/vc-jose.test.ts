/**
 * VC-JOSE-COSE (§3.1.1, `typ: vc+jwt`): the payload is the credential, only
 * `iss` speaks about it, `exp`/`nbf` bound the signature, explicit typing keeps
 * other tokens out. Tokens signed in the test with jose.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../../../lib/engine/pipeline';
import type { Report } from '../../../../../lib/engine/report';
import { fakeWeb } from '../../keys/fake-web';
import { credentialV2, didKeyOf, makeSigner } from '../../keys/jwt-signer';

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);

async function issued(extra: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const signer = await makeSigner('EdDSA');
  const { did, vm } = didKeyOf(signer);
  return { did, token: await signer.sign(credentialV2(did, extra), { typ: 'vc+jwt', cty: 'vc', kid: vm, ...header }) };
}

describe('VC-JOSE-COSE vc+jwt', () => {
  it('a vc+jwt credential is verified, and the summary is its payload', async () => {
    const { did, token } = await issued({ iss: undefined });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({ title: 'Data Literacy', issuer: { id: did } });
    expect(report.technical).toMatchObject({ jwsTyp: 'vc+jwt' });
  });

  it.each(['application/vc+jwt', 'vc+ld+json+jwt', 'VC+JWT'])('typ %s is a VC-JOSE credential', async (typ) => {
    expect((await verify({ text: (await issued({}, { typ })).token }, fakeWeb().ctx)).verdict).toBe('verified');
  });

  it('only iss is mirrored: sub and jti that differ from the credential do not matter', async () => {
    const { token } = await issued({ sub: 'did:example:someone-else', jti: 'urn:uuid:other' });
    expect((await verify({ text: token }, fakeWeb().ctx)).verdict).toBe('verified');
  });

  it('iss naming another issuer: JWT_CLAIM_MISMATCH, failed', async () => {
    const { token } = await issued({ iss: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(check(report, 'claims')).toMatchObject({ status: 'fail', code: 'JWT_CLAIM_MISMATCH', detail: { claim: 'iss' } });
    expect(report.verdict).toBe('failed');
  });

  it('a vc or vp claim in a vc+jwt payload: JWS_INVALID (the W3C suite case 15)', async () => {
    for (const extra of [{ vc: 'oops' }, { vp: {} }]) {
      const report = await verify({ text: (await issued(extra)).token }, fakeWeb().ctx);
      expect(check(report, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_INVALID' });
    }
  });

  it.each([['kb+jwt'], ['statuslist+jwt'], ['vp+jwt'], ['bad+typ'], ['dc+sd-jwt']])('a credential typed %s is refused as another kind of token (JWS_INVALID), nothing fetched', async (typ) => {
    const { ctx, requests } = fakeWeb();
    const report = await verify({ text: (await issued({}, { typ })).token }, ctx);
    expect(report.checks.some((c) => c.code === 'JWS_INVALID')).toBe(true);
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });

  it('a vc+jwt whose content type is not a credential is JWS_INVALID', async () => {
    expect(check(await verify({ text: (await issued({}, { cty: 'vp' })).token }, fakeWeb().ctx), 'proof')).toMatchObject({ code: 'JWS_INVALID' });
  });

  it('exp ends the signature: past exp is expired even before validUntil, and exp is not shown as validUntil', async () => {
    const { token } = await issued({ validUntil: '2031-01-01T00:00:00Z', exp: seconds('2025-06-01T00:00:00Z') });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(check(report, 'validity')).toMatchObject({ code: 'CRED_EXPIRED', detail: { validUntil: '2025-06-01T00:00:00Z' } });
    expect(report.verdict).toBe('expired');
    expect(report.summary.validUntil).toBe('2031-01-01T00:00:00Z');
  });

  it('an exp that differs from validUntil is no mismatch (they mean different things)', async () => {
    const { token } = await issued({ validUntil: '2031-01-01T00:00:00Z', exp: seconds('2032-01-01T00:00:00Z') });
    expect((await verify({ text: token }, fakeWeb().ctx)).verdict).toBe('verified');
  });

  it('nbf ahead: not yet valid; a non-numeric exp: JWT_CLAIM_MISMATCH', async () => {
    const early = await verify({ text: (await issued({ nbf: seconds('2027-01-01T00:00:00Z') })).token }, fakeWeb().ctx);
    expect(check(early, 'validity')).toMatchObject({ code: 'CRED_NOT_YET_VALID' });
    const text = await verify({ text: (await issued({ exp: '2030-01-01' })).token }, fakeWeb().ctx);
    expect(check(text, 'claims')).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', detail: { claim: 'exp' } });
  });

  it('an untyped VC 2.0 token keeps the OB 3.0 rules: exp fills validUntil, sub must agree', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await signer.sign(credentialV2(did, { sub: 'did:example:someone-else' }), { kid: vm });
    expect(check(await verify({ text: token }, fakeWeb().ctx), 'claims')).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', detail: { claim: 'sub' } });
  });
});

describe('bug: a VC-JWT whose signing key could not be found had an empty summary', () => {
  it('the summary comes from the token payload; the verdict stays unverifiable and no credential is handed on', async () => {
    const signer = await makeSigner('ES256');
    const issuer = 'https://university.example/issuers/1';
    const token = await signer.sign({ vc: credentialV2(issuer), iss: issuer });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(report.summary).toMatchObject({ title: 'Data Literacy', issuer: { id: issuer, name: 'Example University' } });
    expect(report.credential).toBeUndefined();
  });
});
