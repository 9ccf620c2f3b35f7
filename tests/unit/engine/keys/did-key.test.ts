import { describe, expect, it } from 'vitest';
import { resolveDidKey } from '../../../../lib/engine/keys/did-key';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { toBase58 } from '../../../../lib/engine/util/bytes';

const MB = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const DID = `did:key:${MB}`;

describe('resolveDidKey', () => {
  it('resolves the DID and its fragment to the same key, controlled by the DID', () => {
    const bare = resolveDidKey(DID);
    const withFragment = resolveDidKey(`${DID}#${MB}`);
    expect(withFragment.publicKeyJwk).toEqual(bare.publicKeyJwk);
    expect(withFragment).toMatchObject({ id: `${DID}#${MB}`, controller: DID, source: 'did:key', relationships: { assertionMethod: true } });
    expect((withFragment.document as { id: string }).id).toBe(DID);
  });

  it('refuses a fragment that is not the key multibase', () => {
    const other = encodeEd25519Multikey(new Uint8Array(32).fill(7));
    expect(() => resolveDidKey(`${DID}#${other}`)).toThrow(expect.objectContaining({ code: 'KEY_NOT_FOUND' }));
  });

  // SECURITY.md attack 23
  it.each([
    ['malformed multibase', 'did:key:zz0OIl'],
    ['non-base58btc prefix', `did:key:u${MB.slice(1)}`],
    ['wrong multicodec', 'did:key:z' + toBase58(Uint8Array.from([0x12, 0x05, ...new Uint8Array(32)]))],
    ['33-byte Ed25519 key', 'did:key:z' + toBase58(Uint8Array.from([0xed, 0x01, ...new Uint8Array(33)]))],
  ])('row 23: %s → KEY_MALFORMED', (_name, did) => {
    expect(() => resolveDidKey(did)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });
});
