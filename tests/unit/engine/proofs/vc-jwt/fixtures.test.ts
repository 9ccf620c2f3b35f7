/**
 * 1EdTech validator OB 3.0 VC-JWT fixtures (../shared/fixtures/1edtech-validator/ob30).
 * Their header carries only a `jwk` (or no key hint at all): the signature can
 * be checked, but binding needs the issuer's JWKS, so without it the result is
 * unverifiable (INDEX.json notes), and with a JWKS it depends on its content.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { extractFromPng } from '../../../../../lib/engine/extract/png';
import { extractFromSvg } from '../../../../../lib/engine/extract/svg';
import { verifyVcJwt } from '../../../../../lib/engine/proofs/vc-jwt/verify';
import { deriveVerdict } from '../../../../../lib/engine/verdict';
import { fakeWeb } from '../../keys/fake-web';
import { makeSigner } from '../../keys/jwt-signer';
import { FIXTURES } from '../../../../support/fixtures';

const OB30 = path.join(FIXTURES, '1edtech-validator/ob30');
const fixturesPresent = existsSync(OB30);
const verdictOf = (checks: Parameters<typeof deriveVerdict>[0]) => deriveVerdict(checks, ['proof', 'issuer-binding', 'claims']);

/** The JWKS location for the token's issuer (VC 1.1 `vc.issuer` or VC 2.0 `issuer`, else `iss`). */
const jwksUrlOf = (token: string): string => {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  const issuer = (payload.vc ?? payload).issuer ?? payload.iss;
  return `${new URL(typeof issuer === 'string' ? issuer : issuer.id).origin}/.well-known/jwks.json`;
};

const tokenOf = (file: string): string => {
  const bytes = readFileSync(path.join(OB30, file));
  if (file.endsWith('.png')) return extractFromPng(new Uint8Array(bytes)).trim();
  if (file.endsWith('.svg')) return extractFromSvg(bytes.toString('utf8')).trim();
  return bytes.toString('utf8').trim();
};

describe.skipIf(!fixturesPresent)('1edtech-validator ob30 VC-JWT fixtures (../shared/fixtures)', () => {
  const HEADER_JWK = ['simple-jwt.png', 'simple-jwt_v1.png', 'simple-jwt.svg', 'simple-jwt_v1.svg'];

  it.each(HEADER_JWK)('%s: signature verifies with the header jwk, binding cannot be checked → unverifiable', async (file) => {
    const { ctx, requests } = fakeWeb();
    const token = tokenOf(file);
    const out = await verifyVcJwt(token, ctx);
    expect(out.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'pass' });
    expect(out.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'error', code: 'FETCH_HTTP_STATUS' });
    expect(requests).toEqual([jwksUrlOf(token)]);
    expect(verdictOf(out.checks)).toBe('unverifiable');
  });

  it.each(HEADER_JWK)('%s: binds once the issuer JWKS publishes that key, fails when it publishes another', async (file) => {
    const token = tokenOf(file);
    const headerJwk = decodeProtectedHeader(token).jwk!;
    const bound = await verifyVcJwt(token, fakeWeb({ [jwksUrlOf(token)]: { keys: [headerJwk] } }).ctx);
    expect(bound.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'pass' });
    const other = await makeSigner('RS256');
    const unbound = await verifyVcJwt(token, fakeWeb({ [jwksUrlOf(token)]: { keys: [other.publicJwk] } }).ctx);
    expect(unbound.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(verdictOf(unbound.checks)).toBe('failed');
  });

  it('simple.jwt (no kid, no jwk): no key without the issuer JWKS → unverifiable, never verified', async () => {
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(tokenOf('simple.jwt'), ctx);
    expect(out.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'error' });
    expect(out.credential).toBeUndefined();
    expect(requests).toEqual([jwksUrlOf(tokenOf('simple.jwt'))]);
    expect(verdictOf(out.checks)).toBe('unverifiable');
  });

  it('simple.jwt with an unrelated JWKS → the signature does not verify', async () => {
    const token = tokenOf('simple.jwt');
    const other = await makeSigner('RS256');
    const out = await verifyVcJwt(token, fakeWeb({ [jwksUrlOf(token)]: { keys: [other.publicJwk] } }).ctx);
    expect(out.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
  });
});
