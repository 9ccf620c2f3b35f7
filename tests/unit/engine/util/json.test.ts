import { describe, expect, it } from 'vitest';
import { VerifierError } from '../../../../lib/engine/errors';
import { countJsonNodes, parseJsonCapped } from '../../../../lib/engine/util/json';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof VerifierError ? e.code : 'other';
  }
  return undefined;
};

describe('parseJsonCapped (SECURITY.md attack 27)', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonCapped('{"a":[1,{"b":"}"}]}')).toEqual({ a: [1, { b: '}' }] });
  });

  it('refuses nesting 100,000 deep before JSON.parse sees it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(codeOf(() => parseJsonCapped(deep, { chars: 1e7, depth: 64, keys: 50_000 }))).toBe('INPUT_TOO_DEEP');
  });

  it('refuses a million keys', () => {
    const many = '{' + Array.from({ length: 60_001 }, (_, i) => `"k${i}":1`).join(',') + '}';
    expect(codeOf(() => parseJsonCapped(many))).toBe('INPUT_TOO_LARGE');
  });

  it('does not count brackets or colons inside strings', () => {
    expect(parseJsonCapped(JSON.stringify({ s: '[[[[::::{{{{' }), { chars: 100, depth: 2, keys: 1 })).toEqual({ s: '[[[[::::{{{{' });
  });

  it('reports bad JSON as INPUT_UNPARSEABLE, never a SyntaxError', () => {
    expect(codeOf(() => parseJsonCapped('{"a":'))).toBe('INPUT_UNPARSEABLE');
  });
});

describe('countJsonNodes (SECURITY.md row 49)', () => {
  it('counts every value: objects, arrays and scalars, keys not included', () => {
    expect(countJsonNodes(null, 100)).toBe(1);
    expect(countJsonNodes({ a: [1, 'x', null, true], b: {} }, 100)).toBe(7);
    expect(countJsonNodes(JSON.parse('{"__proto__": [1, 2]}'), 100)).toBe(4);
  });

  it('stops just past the cap, so a huge document costs no more than the cap', () => {
    expect(countJsonNodes(Array.from({ length: 1_000_000 }, () => ({})), 10)).toBe(11);
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(countJsonNodes(deep, 1_000_000)).toBe(100_001);
  });
});
