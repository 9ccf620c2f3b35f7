import { describe, expect, it } from 'vitest';
import { extractFromSvg, unescapeXml } from '../../../../lib/engine/extract/svg';
import { fixturesPresent, readFixtureText } from '../../../support/fixture-transport';
import { thrownCode as codeOf } from '../../../support/codes';
import { fastestMs } from '../../../support/fastest';

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

/** A real baked SVG with its Open Badges namespace bound to another prefix (every `openbadges:` and `xmlns:openbadges`). */
const rebound = (text: string, prefix: string): string =>
  text.replaceAll('xmlns:openbadges=', `xmlns:${prefix}=`).replaceAll('<openbadges:', `<${prefix}:`).replaceAll('</openbadges:', `</${prefix}:`);

describe.skipIf(!fixturesPresent)('row 52: the Open Badges element is found by namespace, whatever its prefix (real fixtures)', () => {
  it.each([
    ['OB 3.0 JSON body as <ob:credential>', '1edtech-validator/ob30/simple-json.svg', 'ob'],
    ['OB 3.0 JWS in verify as <badge:credential>', '1edtech-validator/ob30/simple-jwt.svg', 'badge'],
    ['OB 2.0 assertion as <b:assertion>', 'mozilla-openbadges-bakery/baked.svg', 'b'],
    ['OB 2.0 hosted URL as <x-1.y:assertion>', 'mozilla-openbadges-bakery/no-json.svg', 'x-1.y'],
  ])('%s reads the same credential as the original', (_name, file, prefix) => {
    const original = readFixtureText(file);
    const text = rebound(original, prefix);
    expect(text).not.toContain('openbadges:');
    expect(extractFromSvg(text)).toBe(extractFromSvg(original));
  });

  it('a default namespace declared on the element itself: <credential xmlns="https://purl.imsglobal.org/ob/v3p0">', () => {
    const original = readFixtureText('1edtech-validator/ob30/simple-json.svg');
    const text = original
      .replace(' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"', '')
      .replace('<openbadges:credential>', '<credential xmlns="https://purl.imsglobal.org/ob/v3p0">')
      .replace('</openbadges:credential>', '</credential>');
    expect(text).not.toContain('openbadges');
    expect(extractFromSvg(text)).toBe(extractFromSvg(original));
  });
});

describe('row 52: namespace scoping', () => {
  const OB3 = 'https://purl.imsglobal.org/ob/v3p0';
  const plainSvg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;

  it('a prefix declared on an ancestor group applies inside it, and not after it closes', () => {
    expect(extractFromSvg(plainSvg(`<g xmlns:ob="${OB3}"><ob:credential>{}</ob:credential></g>`))).toBe('{}');
    expect(codeOf(() => extractFromSvg(plainSvg(`<g xmlns:ob="${OB3}"/><ob:credential>{}</ob:credential>`)))).toBe('IMAGE_NO_CREDENTIAL');
    expect(codeOf(() => extractFromSvg(plainSvg(`<g xmlns:ob="${OB3}"></g><ob:credential>{}</ob:credential>`)))).toBe('IMAGE_NO_CREDENTIAL');
  });

  it('an element of another namespace named credential is not read, even with the openbadges prefix', () => {
    expect(codeOf(() => extractFromSvg(plainSvg('<credential>{}</credential>')))).toBe('IMAGE_NO_CREDENTIAL');
    expect(codeOf(() => extractFromSvg(plainSvg('<ob:credential xmlns:ob="https://evil.example/ns">{}</ob:credential>')))).toBe('IMAGE_NO_CREDENTIAL');
    expect(codeOf(() => extractFromSvg(svg('<g xmlns:openbadges="https://evil.example/ns"><openbadges:credential>{}</openbadges:credential></g>')))).toBe('IMAGE_NO_CREDENTIAL');
  });

  it('the openbadges prefix is still read when a file forgets to declare it', () => {
    expect(extractFromSvg('<svg><openbadges:assertion verify="https://x.example/a"/></svg>')).toBe('https://x.example/a');
  });

  it('an element inside a comment or a CDATA section elsewhere is not an element', () => {
    const commented = svg('<!-- <openbadges:credential>{"old":1}</openbadges:credential> --><openbadges:credential>{}</openbadges:credential>');
    expect(extractFromSvg(commented)).toBe('{}');
    const styled = svg('<style><![CDATA[ <openbadges:assertion>x</openbadges:assertion> ]]></style><openbadges:credential>{}</openbadges:credential>');
    expect(extractFromSvg(styled)).toBe('{}');
  });

  it('a > inside a quoted attribute value does not end the tag', () => {
    expect(extractFromSvg(svg('<openbadges:credential data-x="a>b" verify=\'https://x.example/a\'/>'))).toBe('https://x.example/a');
  });
});

describe('row 51: two credential elements in one SVG', () => {
  it.each([
    ['two openbadges:credential', '<openbadges:credential>{}</openbadges:credential><openbadges:credential>{}</openbadges:credential>'],
    ['a credential and an assertion', '<openbadges:credential>{}</openbadges:credential><openbadges:assertion verify="https://x.example/a"/>'],
    ['the same namespace under two prefixes', '<openbadges:credential>{}</openbadges:credential><g xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential>{}</ob:credential></g>'],
    ['an OB 2.0 and an OB 3.0 namespace', '<openbadges:credential>{}</openbadges:credential><b:assertion xmlns:b="http://openbadges.org" verify="https://x.example/a"/>'],
  ])('%s → IMAGE_MALFORMED', (_name, inner) => {
    expect(codeOf(() => extractFromSvg(svg(inner)))).toBe('IMAGE_MALFORMED');
  });
});

describe('row 49: the scanner is linear in the size of the file', () => {
  it.each([
    // The regression: a lazy CDATA regex retried from every opener took 0.9 s for 288 KB (quadratic).
    ['unclosed CDATA openers in the body', (n: number) => svg(`<openbadges:credential>${'<![CDATA[ '.repeat(n)}</openbadges:credential>`)],
    ['nested groups each declaring namespaces', (n: number) => svg(`${'<g xmlns:a="urn:a" xmlns:b="urn:b">'.repeat(n)}${'</g>'.repeat(n)}<openbadges:credential>{}</openbadges:credential>`)],
    ['one start tag with many attributes', (n: number) => svg(`<openbadges:credential ${'verify= x="1" '.repeat(n)}>{}</openbadges:credential>`)],
    ['entity-like text in the body', (n: number) => svg(`<openbadges:credential>${'&aaaaaaaaaaaa &#x41; '.repeat(n)}</openbadges:credential>`)],
    ['open angle brackets with no tag end', (n: number) => svg(`<text>${'<a"'.repeat(n)}</text>`)],
  ])('%s: 16 times the input costs far less than 16² times the work', (_name, make) => {
    const run = (text: string) => () => {
      try {
        extractFromSvg(text);
      } catch {
        // only the time matters here; the codes are asserted elsewhere
      }
    };
    // large enough that the small input takes milliseconds, not the timer's resolution
    const small = make(24_000);
    const large = make(384_000);
    expect(large.length).toBeGreaterThan(15 * small.length);
    const ratio = fastestMs(run(large), 7) / Math.max(fastestMs(run(small), 7), 1);
    // Linear work gives about 16 and quadratic about 256; the factor leaves room for a busy machine and its GC.
    expect(ratio).toBeLessThan(100);
  });
});
