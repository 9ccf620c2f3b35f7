import { describe, expect, it } from 'vitest';
import { decodeEntities, findInHtml, MAX_HTML_CHARS } from '../../../../lib/engine/extract/html';

const PAGE = 'https://credentials.university.example/c/7f3a';

describe('findInHtml: what a page behind a credential link offers', () => {
  it('a Credly badge page: its canonical badge URL and image from Open Graph tags (the shape public scrapers record)', () => {
    const html =
      '<html><head><meta property="og:title" content="AI Fundamentals was issued by Example Corp to Ada Lovelace.">' +
      '<meta property="og:image" content="https://images.credly.com/images/26c21273/linkedin_thumb_image.png">' +
      '<meta property="og:url" content="https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60"></head><body></body></html>';
    const found = findInHtml(html, 'https://bit.ly/3xYz');
    expect(found.canonical).toBe('https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60');
    expect(found.images).toEqual(['https://images.credly.com/images/26c21273/linkedin_thumb_image.png']);
    expect(found.jsonLd).toEqual([]);
  });

  it('JSON-LD script bodies, whatever the attribute quoting and case', () => {
    const html = `<script type='application/ld+json'>{"@context":"https://www.w3.org/ns/credentials/v2","type":["VerifiableCredential"]}</script>
      <SCRIPT TYPE="application/ld+json" nonce="x">{"@type":"Organization"}</SCRIPT><script>var x = 1</script>`;
    const found = findInHtml(html, PAGE);
    expect(found.jsonLd).toHaveLength(2);
    expect(JSON.parse(found.jsonLd[0]!).type).toEqual(['VerifiableCredential']);
  });

  it('alternate links to credential media types, the most specific first, resolved against the page (and its <base>)', () => {
    const html = `<head><base href="https://cdn.university.example/c/"><link rel="alternate" type="application/json" href="7f3a.json">
      <link rel="alternate" type="application/vc+ld+json; charset=utf-8" href="/api/7f3a">
      <link rel="alternate" type="text/html" href="other.html"><link rel="stylesheet" href="x.css"></head>`;
    expect(findInHtml(html, PAGE).alternates).toEqual(['https://cdn.university.example/api/7f3a', 'https://cdn.university.example/c/7f3a.json']);
  });

  it('a canonical link, entities in attributes decoded', () => {
    const found = findInHtml('<link rel="canonical" href="https://badges.example/a?x=1&amp;y=2">', PAGE);
    expect(found.canonical).toBe('https://badges.example/a?x=1&y=2');
  });

  it('a compact JWS printed on the page', () => {
    const jws = `eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19fQ.${'A'.repeat(86)}`;
    expect(findInHtml(`<pre>${jws}</pre>`, PAGE).jws).toEqual([jws]);
  });

  it('refuses other schemes and keeps lists short', () => {
    const images = Array.from({ length: 20 }, (_, i) => `<meta property="og:image" content="https://img.example/${i}.png">`).join('');
    const found = findInHtml(`<meta property="og:url" content="javascript:alert(1)">${images}`, PAGE);
    expect(found.canonical).toBeUndefined();
    expect(found.images).toHaveLength(8);
  });

  it('reads at most MAX_HTML_CHARS, in time linear in the input (no backtracking on hostile markup)', () => {
    const hostile = `<meta ${'a="'.repeat(200_000)}`;
    const started = performance.now();
    findInHtml(hostile + '<'.repeat(MAX_HTML_CHARS), PAGE);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('decodes numeric and named character references', () => {
    expect(decodeEntities('a&#x2F;b&#47;c&amp;d&unknown;')).toBe('a/b/c&d&unknown;');
  });
});
