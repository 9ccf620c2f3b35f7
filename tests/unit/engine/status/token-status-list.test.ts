/**
 * IETF Token Status List (lib/engine/status/token-status-list.ts) against the
 * draft's own examples (tests/vectors/ietf-sd-jwt/token-status-list.json): the
 * §4.1 encodings decode to the published statuses, and the published Status
 * List Token is read only when its key is the credential issuer's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeJws } from '../../../../lib/engine/proofs/vc-jwt/jws';
import { checkTokenStatus, statusAt } from '../../../../lib/engine/status/token-status-list';
import { fromBase64 } from '../../../../lib/engine/util/bytes';
import { repoPath } from '../../../support/fixtures';
import { spyNet } from '../../attacks/harness';

const vectors = JSON.parse(readFileSync(repoPath('tests/vectors/ietf-sd-jwt/token-status-list.json'), 'utf8')) as {
  statusListKey: JsonWebKey;
  statusListToken: string;
  statusListUri: string;
  encodings: { bits: number; bytes: number[]; lst: string; statuses: number[] }[];
};
const served = () => spyNet({ [vectors.statusListUri]: () => new Response(vectors.statusListToken, { status: 200, headers: { 'content-type': 'application/statuslist+jwt' } }) });
const issuerKeys = async () => [{ jwk: vectors.statusListKey }];
const reference = (idx: unknown, uri = vectors.statusListUri) => ({ status_list: { idx, uri } });

async function inflate(lst: string): Promise<Uint8Array> {
  const stream = new Blob([fromBase64(lst)! as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('Token Status List encodings (draft §4.1)', () => {
  it.each(vectors.encodings.map((e) => [`${e.bits}-bit`, e] as const))('%s: lst inflates to the published bytes, read least significant bits first', async (_, encoding) => {
    const bytes = await inflate(encoding.lst);
    expect([...bytes]).toEqual(encoding.bytes);
    expect(encoding.statuses.map((_, i) => statusAt(bytes, i, encoding.bits))).toEqual(encoding.statuses);
  });

  it('an index past the list is STATUS_RANGE, never "valid"', () => {
    expect(() => statusAt(Uint8Array.of(0xb9, 0xa3), 16, 1)).toThrow(expect.objectContaining({ code: 'STATUS_RANGE' }));
  });
});

describe('the draft Status List Token read for a credential', () => {
  it('is a statuslist+jwt signed by key 12', () => {
    const token = decodeJws(vectors.statusListToken);
    expect(token.header).toMatchObject({ typ: 'statuslist+jwt', kid: '12' });
  });

  it.each([
    [0, 'fail', 'CRED_REVOKED'],
    [1, 'pass', 'OK'],
    [3, 'fail', 'CRED_REVOKED'],
    [10, 'pass', 'OK'],
  ])('index %i → %s %s', async (idx, status, code) => {
    const { ctx, requests } = served();
    expect(await checkTokenStatus(reference(idx), issuerKeys, ctx)).toMatchObject({ id: 'status', status, code });
    expect(requests).toEqual([vectors.statusListUri]);
  });

  it("a list signed by a key that is not the issuer's is not evidence: STATUS_VERIFICATION_ERROR, never revoked or valid", async () => {
    const other = { kty: 'EC', crv: 'P-256', x: 'b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ', y: 'Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8' };
    const check = await checkTokenStatus(reference(0), async () => [{ jwk: other }], served().ctx);
    expect(check).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
  });

  it('a list fetched for another URI (its sub names the address it speaks for) is not evidence', async () => {
    const elsewhere = 'https://example.com/statuslists/2';
    const { ctx } = spyNet({ [elsewhere]: vectors.statusListToken });
    expect(await checkTokenStatus(reference(0, elsewhere), issuerKeys, ctx)).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
  });

  it('an unreachable list is STATUS_RETRIEVAL_ERROR (status unknown)', async () => {
    expect(await checkTokenStatus(reference(0), issuerKeys, spyNet().ctx)).toMatchObject({ status: 'error', code: 'STATUS_RETRIEVAL_ERROR' });
  });

  it('no status claim: not applicable; a status of another mechanism: STATUS_UNSUPPORTED', async () => {
    expect(await checkTokenStatus(undefined, issuerKeys, spyNet().ctx)).toMatchObject({ status: 'skip', code: 'NOT_APPLICABLE' });
    expect(await checkTokenStatus({ identifiers: {} }, issuerKeys, spyNet().ctx)).toMatchObject({ status: 'error', code: 'STATUS_UNSUPPORTED' });
  });

  it.each([[-1], ['0x1'], [1.5]])('idx %j is STATUS_RANGE before anything is fetched', async (idx) => {
    const { ctx, requests } = served();
    expect(await checkTokenStatus(reference(idx), issuerKeys, ctx)).toMatchObject({ code: 'STATUS_RANGE' });
    expect(requests).toEqual([]);
  });
});
