import { describe, expect, it } from 'vitest';
import { extractFromSvg, unescapeXml } from '../../../lib/extract/svg';
import { fixturesPresent, readFixtureText } from '../../support/fixture-transport';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">${inner}</svg>`;

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('extractFromSvg', () => {
  it('takes a JWS from the verify attribute', () => {
    expect(extractFromSvg(svg('<openbadges:credential verify="eyJhbGciOiJFUzI1NiJ9.eyJ9.c2ln"></openbadges:credential>'))).toBe('eyJhbGciOiJFUzI1NiJ9.eyJ9.c2ln');
  });

  it('takes JSON from a CDATA body', () => {
    expect(extractFromSvg(svg('<openbadges:credential><![CDATA[ {"a":"<b>"} ]]></openbadges:credential>'))).toBe('{"a":"<b>"}');
  });

  it('unescapes a plain text body', () => {
    expect(extractFromSvg(svg('<openbadges:credential>{&quot;a&quot;:&#49;}</openbadges:credential>'))).toBe('{"a":1}');
  });

  it('falls back to an OB 2.0 hosted URL when there is no body', () => {
    expect(extractFromSvg(svg('<openbadges:assertion verify="https://x.example/a?b=1&amp;c=2"/>'))).toBe('https://x.example/a?b=1&c=2');
  });

  it('row 30: refuses any DOCTYPE or ENTITY before doing anything else', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>${svg('<openbadges:credential>&lol2;</openbadges:credential>')}`;
    expect(codeOf(() => extractFromSvg(lol))).toBe('IMAGE_SVG_DOCTYPE_REJECTED');
    expect(codeOf(() => extractFromSvg(svg('<!ENTITY x SYSTEM "file:///etc/passwd">')))).toBe('IMAGE_SVG_DOCTYPE_REJECTED');
  });

  it('refuses two credential elements, and reports none when absent', () => {
    const two = svg('<openbadges:credential>{}</openbadges:credential><openbadges:assertion>{}</openbadges:assertion>');
    expect(codeOf(() => extractFromSvg(two))).toBe('IMAGE_MALFORMED');
    expect(codeOf(() => extractFromSvg(svg('<rect/>')))).toBe('IMAGE_NO_CREDENTIAL');
  });

  it('refuses markup inside the element and an unclosed element', () => {
    expect(codeOf(() => extractFromSvg(svg('<openbadges:credential><x/></openbadges:credential>')))).toBe('IMAGE_MALFORMED');
    expect(codeOf(() => extractFromSvg('<svg><openbadges:credential>{}'))).toBe('IMAGE_MALFORMED');
  });

  it('unescapes only the predefined entities and character references', () => {
    expect(unescapeXml('&lt;&gt;&amp;&quot;&apos;&#x41;&#66;&nbsp;&lol;')).toBe(`<>&"'AB&nbsp;&lol;`);
  });
});

describe.skipIf(!fixturesPresent)('extractFromSvg on shared fixtures (../shared/fixtures)', () => {
  it('finds the credentials in baked fixtures', () => {
    expect(extractFromSvg(readFixtureText('1edtech-validator/ob30/simple-json.svg'))).toMatch(/^\{/);
    expect(extractFromSvg(readFixtureText('1edtech-validator/ob30/simple-jwt.svg'))).toMatch(/^eyJ/);
    expect(extractFromSvg(readFixtureText('mozilla-openbadges-bakery/baked.svg'))).toBe('{"verify":{"url":"http://example.org"}}');
    expect(extractFromSvg(readFixtureText('mozilla-openbadges-bakery/no-json.svg'))).toBe('http://example.org');
    expect(extractFromSvg(readFixtureText('concentricsky-openbadges-bakery/baked_example.svg'))).toMatch(/^\{/);
  });

  it('reports no credential in an unbaked fixture', () => {
    expect(codeOf(() => extractFromSvg(readFixtureText('concentricsky-openbadges-bakery/unbaked_example.svg')))).toBe('IMAGE_NO_CREDENTIAL');
  });
});

describe('extractFromSvg DTD handling', () => {
  it('tolerates the plain SVG 1.1 public DOCTYPE but no subset, SYSTEM id or second DOCTYPE', () => {
    const pub = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">';
    expect(extractFromSvg(pub + svg('<openbadges:credential>{}</openbadges:credential>'))).toBe('{}');
    expect(codeOf(() => extractFromSvg('<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">' + svg('')))).toBe('IMAGE_SVG_DOCTYPE_REJECTED');
    expect(codeOf(() => extractFromSvg('<!DOCTYPE svg [ <!-- x --> ]>' + svg('')))).toBe('IMAGE_SVG_DOCTYPE_REJECTED');
    expect(codeOf(() => extractFromSvg(pub + pub + svg('')))).toBe('IMAGE_SVG_DOCTYPE_REJECTED');
  });
});
