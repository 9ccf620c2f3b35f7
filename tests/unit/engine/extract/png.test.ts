import { describe, expect, it } from 'vitest';
import { extractFromPng, isPng, readPngChunks } from '../../../../lib/engine/extract/png';
import { LIMITS } from '../../../../lib/engine/limits';
import { chunk, concat, iTXt, makePng, tEXt } from '../../../support/bake';
import { fixturesPresent, readFixture } from '../../../support/fixture-transport';
import { thrownCode as codeOf } from '../../../support/codes';
import { fastestMs } from '../../../support/fastest';

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('extractFromPng', () => {
  it('reads an OB 3.0 openbadgecredential iTXt chunk', () => {
    const png = makePng(iTXt('openbadgecredential', '{"a":1}'));
    expect(isPng(png)).toBe(true);
    expect(extractFromPng(png)).toBe('{"a":1}');
  });

  it('reads an OB 2.0 openbadges iTXt chunk', () => {
    expect(extractFromPng(makePng(iTXt('openbadges', 'eyJ.x.y')))).toBe('eyJ.x.y');
  });

  it('row 51: refuses an OB 2.0 and an OB 3.0 credential chunk in one image, in either order, instead of choosing one', () => {
    expect(codeOf(() => extractFromPng(makePng(iTXt('openbadges', 'old'), iTXt('openbadgecredential', 'new'))))).toBe('IMAGE_MALFORMED');
    expect(codeOf(() => extractFromPng(makePng(iTXt('openbadgecredential', 'new'), iTXt('openbadges', 'old'))))).toBe('IMAGE_MALFORMED');
    expect(codeOf(() => extractFromPng(makePng(tEXt('openbadges', 'https://issuer.example/a.json'), iTXt('openbadgecredential', 'new'))))).toBe('IMAGE_MALFORMED');
    expect(codeOf(() => extractFromPng(makePng(tEXt('openbadges', 'https://a.example/1'), tEXt('openbadges', 'https://a.example/2'))))).toBe('IMAGE_MALFORMED');
  });

  it('a tEXt chunk named openbadgecredential is not a credential (OB 3.0 bakes into iTXt only) and does not count as a second one', () => {
    expect(extractFromPng(makePng(tEXt('openbadgecredential', 'x'), iTXt('openbadgecredential', 'new')))).toBe('new');
  });

  it('reads the hosted URL of a pre-2.0 tEXt chunk', () => {
    expect(extractFromPng(makePng(tEXt('openbadges', 'https://issuer.example/a.json')))).toBe('https://issuer.example/a.json');
  });

  it('ignores unrelated text chunks', () => {
    expect(codeOf(() => extractFromPng(makePng(iTXt('Comment', 'hello'), tEXt('Software', 'x'))))).toBe('IMAGE_NO_CREDENTIAL');
  });

  it('row 28: refuses a compressed credential chunk without inflating it', () => {
    expect(codeOf(() => extractFromPng(makePng(iTXt('openbadgecredential', 'x\u0000', true))))).toBe('IMAGE_COMPRESSED_ITXT');
    const zTXt = chunk('zTXt', Uint8Array.from([...new TextEncoder().encode('openbadges'), 0, 0, 0x78, 0x9c]));
    expect(codeOf(() => extractFromPng(makePng(zTXt)))).toBe('IMAGE_COMPRESSED_ITXT');
  });

  it('row 29: refuses two chunks with the same keyword', () => {
    const png = makePng(iTXt('openbadgecredential', '{}'), iTXt('openbadgecredential', '{}'));
    expect(codeOf(() => extractFromPng(png))).toBe('IMAGE_MALFORMED');
  });

  it('row 29: refuses a length field of 2^31 or one beyond the file', () => {
    const huge = makePng(chunk('iTXt', new Uint8Array(4), 0x80000000));
    expect(codeOf(() => readPngChunks(huge))).toBe('IMAGE_MALFORMED');
    const past = makePng(chunk('tEXt', new Uint8Array(4), 5000));
    expect(codeOf(() => extractFromPng(past))).toBe('IMAGE_MALFORMED');
  });

  it('refuses a credential text above the chunk cap', () => {
    const big = makePng(iTXt('openbadgecredential', 'x'.repeat(LIMITS.pngTextChunkBytes + 1)));
    expect(codeOf(() => extractFromPng(big))).toBe('IMAGE_MALFORMED');
  });

  it('refuses a file with no IEND and stops at IEND', () => {
    const png = makePng();
    expect(codeOf(() => readPngChunks(png.subarray(0, png.length - 12)))).toBe('IMAGE_MALFORMED');
    const trailing = concat(png, iTXt('openbadgecredential', 'after-end'));
    expect(codeOf(() => extractFromPng(trailing))).toBe('IMAGE_NO_CREDENTIAL');
  });
});

describe.skipIf(!fixturesPresent)('extractFromPng on shared fixtures (../shared/fixtures)', () => {
  it('finds the credentials in baked fixtures', () => {
    expect(extractFromPng(readFixture('1edtech-validator/ob30/simple-json.png'))).toMatch(/^\{/);
    expect(extractFromPng(readFixture('1edtech-validator/ob30/simple-jwt.png'))).toMatch(/^ey/);
    expect(extractFromPng(readFixture('1edtech-validator/ob20/simple-badge.png'))).toMatch(/"Assertion"/);
    expect(extractFromPng(readFixture('ob2-validator-core/baked_heart.png')).length).toBeGreaterThan(10);
    expect(extractFromPng(readFixture('concentricsky-openbadges-bakery/baked_heart.png'))).toMatch(/example\.org/);
  });

  it('reports no credential in unbaked fixtures', () => {
    expect(codeOf(() => extractFromPng(readFixture('mozilla-openbadges-bakery/unbaked.png')))).toBe('IMAGE_NO_CREDENTIAL');
    expect(codeOf(() => extractFromPng(readFixture('ob2-validator-core/public_domain_heart.png')))).toBe('IMAGE_NO_CREDENTIAL');
  });
});

describe('row 49: the chunk reader is linear in the size of the file', () => {
  /** `n` copies of one chunk as a single buffer, then the credential chunk. */
  function manyChunks(n: number, one: Uint8Array): Uint8Array {
    const all = new Uint8Array(one.length * n);
    for (let i = 0; i < n; i++) all.set(one, i * one.length);
    return makePng(all, iTXt('openbadgecredential', '{}'));
  }

  it.each([
    ['empty chunks of an unknown type', chunk('abCd', new Uint8Array(0))],
    ['text chunks with other keywords', tEXt('Comment', 'x'.repeat(20))],
    ['iTXt chunks with other keywords', iTXt('Description', 'x'.repeat(20))],
  ])('%s: 16 times the chunks costs far less than 16² times the work', (_name, one) => {
    const run = (png: Uint8Array) => () => {
      try {
        extractFromPng(png);
      } catch {
        // only the time matters here; the codes are asserted elsewhere
      }
    };
    const ratio = fastestMs(run(manyChunks(160_000, one)), 7) / Math.max(fastestMs(run(manyChunks(10_000, one)), 7), 1);
    // Linear work gives about 16 and quadratic about 256; the factor leaves room for a busy machine and its GC.
    expect(ratio).toBeLessThan(100);
  });
});
