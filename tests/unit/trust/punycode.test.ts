/** RFC 3492 decoding, checked against Node's own IDNA decoder (node:url domainToUnicode). */
import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '../../../lib/trust/punycode';

describe('decodePunycode', () => {
  it('decodes the RFC 3492 §7.1 sample (A) Arabic (Egyptian)', () => {
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F');
  });

  it.each(['', 'a', '-', 'zz', 'a b', '9999999999a'])('refuses %j, which is no Unicode label', (input) => {
    expect(decodePunycode(input)).toBeUndefined();
  });
});

describe('hostToUnicode', () => {
  it.each([
    'xn--80ak6aa92e.com', 'xn--pple-43d.com', 'xn--exmple-cua.com', 'xn--mnchen-3ya.de', 'xn--fiqs8s', 'xn--3e0b707e.kr',
    'XN--BCHER-KVA.example', 'example.com', 'xn--ls8h.la',
  ])('%s decodes as node:url does', (host) => {
    expect(hostToUnicode(host)).toBe(domainToUnicode(host));
  });

  it('shows a Cyrillic look-alike for what it is', () => {
    expect(hostToUnicode('xn--pple-43d.com')).toBe('\u0430pple.com');
  });

  it('is undefined when a label is not punycode', () => {
    expect(hostToUnicode('xn--zz.com')).toBeUndefined();
  });
});
