import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeJcs } from '../../../../../lib/engine/proofs/data-integrity/jcs';
import { FIXTURES } from '../../../../support/fixtures';

const fixtures = FIXTURES;
const present = existsSync(fixtures);

describe('RFC 8785 JSON canonicalization', () => {
  it('sorts keys by UTF-16 code units, recursively, with no whitespace', () => {
    expect(canonicalizeJcs({ b: [3, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[3,{"c":null,"d":1}]}');
    // RFC 8785 §3.2.3 example: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) by code unit, and after "\r"
    expect(canonicalizeJcs({ '😀': 1, '€': 2, '\r': 3, '1': 4 })).toBe('{"\\r":3,"1":4,"€":2,"😀":1}');
  });

  it('serialises numbers as ECMAScript does (RFC 8785 §3.2.2.3 examples)', () => {
    expect(canonicalizeJcs([1e21, 1e-7, -0, 0.000001, 333333333.33333329, 1e300, 9007199254740992]))
      .toBe('[1e+21,1e-7,0,0.000001,333333333.3333333,1e+300,9007199254740992]');
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalizeJcs('\u0000\u001f"\\/\u2028é')).toBe('"\\u0000\\u001f\\"\\\\/\u2028é"');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a lone surrogate', '\ud800'],
    ['a function', () => 1],
    ['a bigint', 1n],
  ])('refuses %s with DI_CANONICALIZATION_FAILED', (_name, value) => {
    expect(() => canonicalizeJcs(value)).toThrow(expect.objectContaining({ code: 'DI_CANONICALIZATION_FAILED' }));
  });

  it('is a fixed point: parsing the output and canonicalising again gives the same text', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const once = canonicalizeJcs(value);
      expect(canonicalizeJcs(JSON.parse(once))).toBe(once);
    }), { numRuns: 200 });
  });
});

describe.skipIf(!present)('W3C vc-di-eddsa eddsa-jcs-2022 vector', () => {
  it('reproduces canonDocJCS.txt and proofCanonJCS.txt exactly', () => {
    const signed = JSON.parse(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json'), 'utf8'));
    const { proof, ...doc } = signed;
    const { proofValue: _v, ...options } = proof;
    expect(canonicalizeJcs(doc)).toBe(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt'), 'utf8'));
    expect(canonicalizeJcs({ ...options, '@context': doc['@context'] })).toBe(
      readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt'), 'utf8'),
    );
  });
});
