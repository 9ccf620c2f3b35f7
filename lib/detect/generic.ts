/**
 * Detectors that work on any page: JSON-LD credentials, links to credential
 * JSON or known platforms, Credly embeds, compact JWS strings, and badge
 * images that may be baked. Pure DOM reading with size bounds: no fetch, no
 * verification. Every value is a *candidate* the background will judge.
 */
import { isElement } from './linkedin';
import { absoluteHttpUrl as absolute } from './links';
import { CREDLY_BADGE_ID, looksLikeCredentialUrl, matchPlatform, MAYBE_CREDENTIAL_LINK, unwrapRedirect } from './platforms';
import { OWN_NODE_ATTRIBUTE, type Candidate } from './types';

/** A candidate and the element to mark (none for JSON-LD, which is invisible). */
export interface Found {
  candidate: Candidate;
  anchor?: Element;
}

/** Bounds that keep one scan cheap on large pages. */
const MAX_CANDIDATE_CHARS = 256 * 1024;
const MAX_URL_CHARS = 4096;
const MAX_TEXT_NODES = 20_000;
const MAX_TEXT_NODE_CHARS = 300_000;
const JWS_PATTERN = /eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{16,200000}\.[A-Za-z0-9_-]{16,2000}/g;
const CREDENTIAL_TYPES = /^(?:VerifiableCredential|OpenBadgeCredential|AchievementCredential|Assertion|EuropeanDigitalCredential)$/;
const CREDENTIAL_CONTEXT = /w3id\.org\/openbadges|www\.w3\.org\/(?:ns\/credentials|2018\/credentials)|purl\.imsglobal\.org\/spec\/ob/;
const BADGE_WORDS = /badge|credential|certif|assertion|baked|open-?badges?/i;

const BADGE_IMAGE_SELECTOR = 'img[src*=".png" i], img[src*=".svg" i], img[src^="data:image/png" i], img[src^="data:image/svg" i], object[data]';
/**
 * Attributes a page puts a token in; other attributes are not searched. Each selector part costs a
 * native pass over the page (about a millisecond per 7,000 elements), so the list stays short.
 */
const JWS_ATTRIBUTE_SELECTOR = '[href*="eyJ"], [src*="eyJ"], [value*="eyJ"], [content*="eyJ"], [data-jwt], [data-vc], [data-credential]';

const isOwn = (el: Element): boolean => el.closest(`[${OWN_NODE_ATTRIBUTE}]`) !== null;
const all = (root: Document | Element, selector: string): Element[] => {
  const list = Array.from(root.querySelectorAll(selector));
  return isElement(root) && root.matches(selector) ? [root, ...list] : list;
};

/** `<script type="application/ld+json">` blocks holding a VC or an OB 2.0 assertion (one candidate each). */
export function detectJsonLd(root: Document | Element): Found[] {
  const out: Found[] = [];
  for (const script of all(root, 'script[type="application/ld+json"]')) {
    const text = (script.textContent ?? '').trim();
    if (!text || text.length > MAX_CANDIDATE_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    if (looksLikeCredential(parsed)) out.push({ candidate: { kind: 'json', value: text } });
    else for (const item of graphItems(parsed)) if (looksLikeCredential(item)) out.push({ candidate: { kind: 'json', value: JSON.stringify(item) } });
  }
  return out;
}

function graphItems(parsed: unknown): unknown[] {
  if (Array.isArray(parsed)) return parsed.slice(0, 50);
  const graph = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['@graph'] : undefined;
  return Array.isArray(graph) ? graph.slice(0, 50) : [];
}

/** A VC (VCDM 1.1/2.0, OB 3.0), an OB 2.0 assertion, or an EDC: by `type` or `@context`, not schema.org. */
export function looksLikeCredential(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  const types = ([] as unknown[]).concat(o.type ?? [], o['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && CREDENTIAL_TYPES.test(t))) return true;
  const contexts = ([] as unknown[]).concat(o['@context'] ?? []);
  return contexts.some((c) => typeof c === 'string' && CREDENTIAL_CONTEXT.test(c)) && ('credentialSubject' in o || 'recipient' in o);
}

/** Links and iframes to known platforms or credential-shaped URLs; Credly `data-share-badge-id` embeds. */
export function detectLinks(root: Document | Element, pageUrl: string): Found[] {
  const out: Found[] = [];
  for (const el of all(root, 'a[href], iframe[src]')) {
    const raw = el.getAttribute(el.tagName.toLowerCase() === 'a' ? 'href' : 'src') ?? '';
    // most links of a page end here, unparsed; over-long ones would make the background refuse the whole batch
    if (raw.length > MAX_URL_CHARS || !MAYBE_CREDENTIAL_LINK.test(raw)) continue;
    const href = absolute(raw, pageUrl);
    if (!href) continue;
    const target = unwrapRedirect(href);
    const platform = matchPlatform(target);
    if ((platform || looksLikeCredentialUrl(target)) && !isOwn(el))
      out.push({ candidate: { kind: 'link', value: target, ...(platform ? { platform: platform.platform.id } : {}) }, anchor: el });
  }
  for (const el of all(root, '[data-share-badge-id]')) {
    const id = (el.getAttribute('data-share-badge-id') ?? '').trim();
    if (CREDLY_BADGE_ID.test(id) && !isOwn(el)) out.push({ candidate: { kind: 'embed', value: id.toLowerCase(), platform: 'credly' }, anchor: el });
  }
  return out;
}

/** Compact JWS strings (VC-JWT, signed OB 2.0) in text nodes and attribute values, bounded. */
export function detectJws(root: Document | Element): Found[] {
  const out: Found[] = [];
  const doc = isElement(root) ? root.ownerDocument : root;
  for (const node of nodesMentioningJws(doc, root)) {
    if (node.nodeType === 2 /* ATTRIBUTE_NODE */) {
      const attr = node as Attr;
      const el = attr.ownerElement;
      if (!el || attr.value.length < 60 || attr.value.length > MAX_TEXT_NODE_CHARS || isOwn(el)) continue;
      for (const jws of jwsIn(attr.value)) out.push({ candidate: { kind: 'jws', value: jws }, anchor: el });
      continue;
    }
    const text = node.nodeValue ?? '';
    const parent = node.parentElement;
    if (text.length > MAX_TEXT_NODE_CHARS || !parent || isOwn(parent)) continue;
    if (/^(?:SCRIPT|STYLE)$/i.test(parent.tagName) && parent.getAttribute('type') !== 'application/jwt') continue;
    for (const jws of jwsIn(text)) out.push({ candidate: { kind: 'jws', value: jws }, anchor: parent });
  }
  return out;
}

/**
 * Text and attribute nodes under `root` that contain "eyJ" (every JWS starts so), found without
 * visiting every node of a large page in script: a native text read first, native attribute
 * selectors for the attributes tokens are put in.
 */
function nodesMentioningJws(doc: Document, root: Document | Element): Node[] {
  const nodes: Node[] = [];
  // One native read of the text decides whether any text node needs a look (most pages: none).
  const text = isElement(root) ? root.textContent : doc.documentElement?.textContent;
  if (text?.includes('eyJ')) {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(), seen = 0; node && seen < MAX_TEXT_NODES; node = walker.nextNode(), seen++) {
      if ((node.nodeValue ?? '').includes('eyJ')) nodes.push(node);
    }
  }
  for (const el of all(root, JWS_ATTRIBUTE_SELECTOR)) {
    for (let i = 0; i < el.attributes.length; i++) if (el.attributes[i]!.value.includes('eyJ')) nodes.push(el.attributes[i]!);
  }
  return nodes;
}

/** JWS strings in a text whose header has an `alg` and whose payload carries a credential (not a session token). */
export function jwsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(JWS_PATTERN)) {
    const [header, payload] = m[0].split('.').map(decodeSegment);
    if (!isRecord(header) || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') continue;
    if (isRecord(payload) && (isRecord(payload.vc) || looksLikeCredential(payload) || ('badge' in payload && 'recipient' in payload)))
      out.push(m[0]);
  }
  return out;
}

function decodeSegment(segment: string | undefined): unknown {
  if (!segment) return undefined;
  try {
    const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * PNG/SVG images that may be baked badges: the image or something around it
 * looks like a badge (alt, title, class, id or URL words). Only candidates:
 * the background fetches them on a click, or by itself on known platform
 * pages, where the look-alike rule also keeps icons and logos from being fetched.
 */
export function detectBadgeImages(root: Document | Element, pageUrl: string, onKnownPlatform: boolean): Found[] {
  // platform pages nest badge images deeper in their layout: look a little further up
  const depth = onKnownPlatform ? 5 : 3;
  const out: Found[] = [];
  // the browser selects PNG/SVG sources natively; the test below stays as the exact rule
  for (const el of all(root, BADGE_IMAGE_SELECTOR)) {
    const isImg = el.tagName.toLowerCase() === 'img';
    const src = isImg ? el.getAttribute('src') ?? '' : el.getAttribute('data') ?? '';
    if (!/\.(?:png|svg)(?:[?#]|$)|^data:image\/(?:png|svg)/i.test(src)) continue; // cheap test before URL parsing
    const value = src.startsWith('data:') ? dataImage(src) : absolute(src, pageUrl);
    if (!value || !isPngOrSvg(value) || isOwn(el)) continue;
    if (looksLikeBadge(el, value, depth)) out.push({ candidate: { kind: 'image', value }, anchor: el });
  }
  return out;
}

function dataImage(src: string): string | undefined {
  return /^data:image\/(?:png|svg\+xml)[;,]/i.test(src) && src.length <= MAX_CANDIDATE_CHARS ? src : undefined;
}

function isPngOrSvg(value: string): boolean {
  if (value.startsWith('data:')) return true;
  try {
    return /\.(?:png|svg)$/i.test(new URL(value).pathname);
  } catch {
    return false;
  }
}

function looksLikeBadge(el: Element, value: string, maxDepth: number): boolean {
  if (!value.startsWith('data:') && BADGE_WORDS.test(new URL(value).pathname)) return true;
  let node: Element | null = el;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    const words = `${node.getAttribute('alt') ?? ''} ${node.getAttribute('title') ?? ''} ${node.getAttribute('class') ?? ''} ${node.id ?? ''}`;
    if (BADGE_WORDS.test(words)) return true;
  }
  return false;
}
