import { describe, expect, it } from 'vitest';
import { decodeEncodedList, decodeStatusList, encodeStatusList, inflateCapped, parseStatusIndex, readStatusBit } from '../../../../lib/engine/status/bitstring';
import { toBase64Url } from '../../../../lib/engine/util/bytes';
import { fixturesPresent, readFixtureText } from '../../../support/fixture-transport';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const setBits = (bits: Uint8Array): number[] => {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if (readStatusBit(bits, i)) out.push(i);
  return out;
};

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('status bitstring', () => {
  it('reads the most significant bit first (Bitstring Status List §Bitstring Encoding)', () => {
    const bits = Uint8Array.of(0b1000_0001, 0b0100_0000);
    expect(setBits(bits)).toEqual([0, 7, 9]);
  });

  it('round-trips an encoded list with and without the multibase prefix', async () => {
    const encoded = await encodeStatusList([3, 1000, 131_071]);
    expect(encoded.startsWith('u')).toBe(true);
    const bits = await decodeStatusList(encoded);
    expect(bits.length).toBe(16_384);
    expect(setBits(bits)).toEqual([3, 1000, 131_071]);
    // StatusList2021 writes plain base64url without the prefix
    expect(setBits(await decodeStatusList(encoded.slice(1)))).toEqual([3, 1000, 131_071]);
  });

  it('refuses an encodedList that is not GZIP', async () => {
    expect(await codeOf(() => decodeEncodedList('u' + toBase64Url(Uint8Array.of(1, 2, 3))))).toBe('STATUS_VERIFICATION_ERROR');
    const corrupt = await gzip(new Uint8Array(100));
    corrupt.fill(7, 10, 20);
    expect(await codeOf(inflateCapped(corrupt))).toBe('STATUS_VERIFICATION_ERROR');
  });

  it('row 32: stops inflating at the cap (a 17 MB list from a few KB)', async () => {
    const bomb = await gzip(new Uint8Array(17 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await codeOf(inflateCapped(bomb))).toBe('STATUS_LIST_TOO_LARGE');
    expect(await codeOf(inflateCapped(await gzip(new Uint8Array(2048)), 1024))).toBe('STATUS_LIST_TOO_LARGE');
  });

  it('row 33: accepts only non-negative integer indexes inside the list', async () => {
    expect(parseStatusIndex('8')).toBe(8);
    expect(parseStatusIndex(23)).toBe(23);
    for (const bad of ['-1', -1, '1.5', 1.5, 'abc', '', null, undefined, '1e3', ' 8', '99999999999999999']) {
      expect(await codeOf(() => parseStatusIndex(bad))).toBe('STATUS_RANGE');
    }
    expect(await codeOf(() => readStatusBit(new Uint8Array(2), 16))).toBe('STATUS_RANGE');
    expect(readStatusBit(new Uint8Array(2), 15)).toBe(false);
  });
});

describe.skipIf(!fixturesPresent)('status bitstring on shared fixture lists (../shared/fixtures)', () => {
  it('decodes the DCC list: bits 2, 6 and 8 are set', async () => {
    const list = JSON.parse(readFixtureText('dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj'));
    expect(setBits(await decodeStatusList(list.credentialSubject.encodedList))).toEqual([2, 6, 8]);
  });

  it('decodes the 1EdTech test list: only bit 23 is set', async () => {
    const list = JSON.parse(readFixtureText('1edtech-validator/ob30/bit-string-list/testlist'));
    expect(setBits(await decodeStatusList(list.credentialSubject.encodedList))).toEqual([23]);
  });
});
