/**
 * Finding the credential behind a link a profile gives (or a person picks):
 * an issuer's own address, a shortener, a wrapped or redirected link, a
 * platform's human page, a course provider's certificate page. The link is
 * fetched as a credential link (redirects followed hop by hop, each checked,
 * SECURITY.md row 55). A credential answer goes to the pipeline as it is; a
 * web page is read without running it (lib/engine/extract/html.ts) for the
 * credential it carries or points to, in order of how directly it says so:
 * an embedded JSON-LD credential, a compact JWS, an alternate link to a
 * credential media type, the platform's machine-readable address for the
 * page's canonical address, then the page's image (a baked badge). Whatever
 * is found is only ever read as a credential, and verified in full.
 */
import type { VerifyContext } from './context';
import { VerifierError, isVerifierError } from './errors';
import { findInHtml, isHtmlText } from './extract/html';
import { extractFromPng, isPng } from './extract/png';
import { extractFromSvg, looksLikeBakedSvg } from './extract/svg';
import { FORMATS, readPayload } from './formats';
import type { FetchedDocument } from './net/safe-fetch';
import { fromUtf8, lenientText, utf8 } from './util/bytes';

/** How the credential was reached from the link. */
export type FoundVia = 'link' | 'json-ld' | 'jws' | 'alternate' | 'platform' | 'image';

export interface FoundCredential {
  /** the credential's bytes (JSON, a compact JWS, a baked image, EDC XML) */
  bytes: Uint8Array;
  /** the address it was read from (after redirects) */
  url: string;
  via: FoundVia;
  /** the addresses the link redirected through */
  redirects?: string[];
}

/** Addresses of a page tried beyond the page itself: each is a fetch out of the verification's budget. */
const MAX_POINTERS = 3;

function isHtml(doc: FetchedDocument): boolean {
  return /^\s*text\/html/i.test(doc.contentType) || isHtmlText(lenientText(doc.bytes.subarray(0, 4096)));
}

/** True when `bytes` hold a credential some format takes (never a page, a logo or unrelated JSON). */
export function isCredentialShaped(bytes: Uint8Array): boolean {
  try {
    let text: string;
    if (isPng(bytes)) text = extractFromPng(bytes);
    else {
      text = fromUtf8(bytes).replace(/^\uFEFF/, '').trim();
      if (text.startsWith('<') && looksLikeBakedSvg(text)) text = extractFromSvg(text);
    }
    if (isHtmlText(text)) return false;
    // a baked image may hold the assertion's URL (OB 1.x/2.0 hosted): the pipeline follows that one hop itself
    if (/^https?:\/\/\S+$/.test(text)) return true;
    const payload = readPayload(text);
    return FORMATS.some((f) => f.takes(payload));
  } catch {
    return false;
  }
}

/**
 * A link's answer as something to read: a 410 Gone body ("Gone") is no
 * credential, and read as one it would look like a broken, "failed" one.
 * (The network module lets 410 through for OB 2.0 hosted assertions, where it
 * means revoked; behind a link nothing says what was there.)
 */
export function answered(doc: FetchedDocument): FetchedDocument {
  if (doc.status === 410) throw new VerifierError('LINK_GONE', { url: doc.url.slice(0, 200) });
  return doc;
}

/**
 * Fetches `url` as a credential link and returns the credential found there.
 * Throws NO_CREDENTIAL_AT_LINK (could not be checked) when the answer is a
 * page that neither carries nor points to a credential, and the fetch codes
 * (FETCH_*) when the link itself cannot be read.
 */
export async function findCredentialBehind(url: string, ctx: VerifyContext): Promise<FoundCredential> {
  const page = answered(await ctx.fetch(url, 'credential-link'));
  const redirects = page.redirects ? { redirects: page.redirects } : {};
  if (!isHtml(page)) return { bytes: page.bytes, url: page.url, via: 'link', ...redirects };
  const found = findInHtml(lenientText(page.bytes), page.url);
  for (const body of found.jsonLd) {
    const bytes = utf8(body);
    if (isCredentialShaped(bytes)) return { bytes, url: page.url, via: 'json-ld', ...redirects };
  }
  for (const token of found.jws) {
    const bytes = utf8(token);
    if (isCredentialShaped(bytes)) return { bytes, url: page.url, via: 'jws', ...redirects };
  }
  const pointers: [FoundVia, string][] = [
    ...found.alternates.map((u): [FoundVia, string] => ['alternate', u]),
    ...[found.canonical, page.url].flatMap((u): [FoundVia, string][] => {
      const dataUrl = u ? ctx.platformDataUrl?.(u) : undefined;
      return dataUrl ? [['platform', dataUrl]] : [];
    }),
    ...found.images.map((u): [FoundVia, string] => ['image', u]),
  ];
  const tried = new Set<string>();
  for (const [via, pointer] of pointers) {
    if (tried.has(pointer) || tried.size >= MAX_POINTERS) continue;
    tried.add(pointer);
    try {
      const doc = await ctx.fetch(pointer, via === 'image' ? 'image' : 'credential');
      if (isCredentialShaped(doc.bytes)) return { bytes: doc.bytes, url: doc.url, via, ...redirects };
    } catch (e) {
      // a pointer that cannot be read is one place less to look; the budget and deadline still hold
      if (!isVerifierError(e) || e.code === 'FETCH_BUDGET_EXCEEDED') break;
    }
  }
  throw new VerifierError('NO_CREDENTIAL_AT_LINK', { host: hostOf(page.url) });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 100);
  }
}
