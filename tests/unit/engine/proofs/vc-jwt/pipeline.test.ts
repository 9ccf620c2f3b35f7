/** VC-JWT through the whole pipeline: the verdict a recruiter sees. */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../../../lib/engine/pipeline';
import { fakeWeb } from '../../keys/fake-web';
import { credentialV2, didKeyOf, makeSigner } from '../../keys/jwt-signer';

describe('VC-JWT end to end', () => {
  it('a did:key-signed OB 3.0 credential is verified, and its summary comes from the signed payload', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const { ctx, requests } = fakeWeb();
    const report = await verify({ text: await signer.sign(credentialV2(did), { kid: vm }) }, ctx);
    expect(report.format).toBe('vc-jwt');
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.summary.issuer?.id).toBe(did);
    expect(requests).toHaveLength(0);
  });

  it('a token whose exp has passed is expired even when the credential states no validUntil', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await signer.sign(credentialV2(did, { exp: Date.parse('2025-06-01T00:00:00Z') / 1000 }), { kid: vm });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(report.verdict).toBe('expired');
  });

  it('a forged token is failed and carries no credential', async () => {
    const signer = await makeSigner('EdDSA');
    const attacker = await makeSigner('EdDSA');
    const { did } = didKeyOf(signer);
    const report = await verify({ text: await attacker.sign(credentialV2(did), { kid: didKeyOf(signer).vm }) }, fakeWeb().ctx);
    expect(report.verdict).toBe('failed');
    expect(report.credential).toBeUndefined();
  });
});
