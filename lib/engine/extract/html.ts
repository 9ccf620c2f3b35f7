/**
 * What a web page behind a credential link offers, read without running it
 * and without a DOM (the MV3 service worker has none): the places where an
 * issuer's page can carry or point at the machine-readable credential.
 * - `<script type="application/ld+json">` bodies (a credential embedded in the page);
 * - `<link rel="alternate">` to a credential media type (the page's own pointer);
 * - the canonical address (`<link rel="canonical">`, `og:url`), which names a
 *   platform's badge page when the link went through a shortener or a custom domain;
 * - compact JWS tokens in the text (a VC-JWT printed on the page);
 * - the page's image (`og:image`, `twitter:image`), which may be a baked badge.
 * Every scan is one pass of simple, non-backtracking patterns over at most
 * MAX_HTML_CHARS, and every list is capped (SECURITY.md row 49). Nothing here
 * is trusted: each finding is verified like any other input.
 */

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>])/i;

/** True when `text` is a web page (HTML), not a credential document such as EDC XML. */
export const isHtmlText = (text: string): boolean => HTML_START.test(text.slice(0, 4096));

/** Pages larger than this are read only up to here (a certificate page is a few hundred KB at most). */
export const MAX_HTML_CHARS = 2_000_000;
const MAX_FINDINGS = 8;

/** Media types under which a page may link its credential (VC JOSE-COSE §6; VC 2.0 §6.3; OB 3.0). */
export const CREDENTIAL_MEDIA_TYPES = [
  'application/vc+ld+json',
  'application/vc+jwt',
  'application/vc',
  'application/ld+json',
  'application/jwt',
  'application/json',
];

export interface HtmlFindings {
  /** bodies of JSON-LD script elements, in page order */
  jsonLd: string[];
  /** absolute https URLs of alternate links with a credential media type, the most specific type first */
  alternates: string[];
  /** the page's canonical URL, when it gives one (absolute) */
  canonical?: string;
  /** compact JWS strings found in the page text */
  jws: string[];
  /** absolute URLs of the page's declared image(s) */
  images: string[];
}

const TAG = /<(script|link|meta)\b([^>]{0,4000})>/gi;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]{0,60})\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'=<>`]{1,4000}))/g;
const JWS = /eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{16,400000}\.[A-Za-z0-9_-]{16,2000}/g;

/** Attributes of one tag's inner text, names lower-cased, entities in values decoded. */
function attributesOf(inner: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The character references an attribute value may carry (HTML §13.5), for URLs and type names. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** An absolute https URL for `href` against `base`, or undefined (http is upgraded by the fetcher, other schemes refused). */
function absoluteUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const push = (list: string[], value: string | undefined) => {
  if (value !== undefined && list.length < MAX_FINDINGS && !list.includes(value)) list.push(value);
};

/**
 * Reads `html` (the page at `pageUrl`, after redirects) for credentials and
 * pointers to them. Never throws.
 * @example findInHtml('<link rel="alternate" type="application/vc+ld+json" href="/c/1.json">', 'https://u.example/c/1').alternates // ['https://u.example/c/1.json']
 */
export function findInHtml(html: string, pageUrl: string): HtmlFindings {
  const text = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  // a <base href> changes how the page's relative links resolve (HTML §4.2.3)
  const baseTag = /<base\b([^>]{0,2000})>/i.exec(text);
  const baseHref = baseTag ? attributesOf(baseTag[1]!).get('href') : undefined;
  const base = (baseHref && absoluteUrl(baseHref, pageUrl)) || pageUrl;
  const findings: HtmlFindings = { jsonLd: [], alternates: [], jws: [], images: [] };
  const alternates: [number, string][] = [];
  const lower = text.toLowerCase();
  for (const m of text.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const attributes = attributesOf(m[2]!);
    if (tag === 'script') {
      if ((attributes.get('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
      const start = m.index! + m[0].length;
      const end = lower.indexOf('</script', start);
      if (end > start && findings.jsonLd.length < MAX_FINDINGS) findings.jsonLd.push(text.slice(start, end).trim());
    } else if (tag === 'link') {
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attributes.get('href');
      if (href === undefined) continue;
      if (rel.includes('alternate')) {
        const rank = CREDENTIAL_MEDIA_TYPES.indexOf((attributes.get('type') ?? '').split(';')[0]!.trim().toLowerCase());
        const url = absoluteUrl(href, base);
        if (rank >= 0 && url) alternates.push([rank, url]);
      } else if (rel.includes('canonical')) {
        findings.canonical ??= absoluteUrl(href, base);
      }
    } else {
      const property = (attributes.get('property') ?? attributes.get('name') ?? '').toLowerCase();
      const content = attributes.get('content');
      if (content === undefined) continue;
      if (property === 'og:url') findings.canonical ??= absoluteUrl(content, base);
      else if (IMAGE_PROPERTIES.has(property)) push(findings.images, absoluteUrl(content, base));
    }
  }
  for (const [, url] of alternates.sort((a, b) => a[0] - b[0])) push(findings.alternates, url);
  for (const jws of text.matchAll(JWS)) push(findings.jws, jws[0]);
  return findings;
}

const IMAGE_PROPERTIES = new Set(['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']);
