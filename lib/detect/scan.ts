/**
 * Runs every detector over a document or an added subtree and returns each
 * credential exactly once (same normalised target → one candidate). LinkedIn
 * entries come first so their labels win over a bare link to the same badge.
 */
import { detectBadgeImages, detectJsonLd, detectJws, detectLinks, jwsIn, type Found } from './generic';
import { candidateKey } from './key';
import { detectLinkedInCertifications, isElement, isLinkedInUrl, readProfileName } from './linkedin';
import { looksLikeCredentialUrl, matchPlatform, PLATFORMS, unwrapRedirect } from './platforms';
import { OWN_NODE_ATTRIBUTE, type Candidate, type DetectedCandidate, type ScanResult } from './types';

/** Upper bound on candidates per page, as in LIMITS.candidatesPerPage (kept literal: no engine import here). */
export const MAX_CANDIDATES = 200;

export interface ScanOptions {
  /** the page URL; defaults to the document's URL */
  pageUrl?: string;
}

/**
 * Scans `root` (a whole document, or a subtree added since the last scan).
 * @example
 * const { found } = scanDocument(document);
 * found.map((f) => f.candidate.kind); // ['link', 'json', …]
 */
export function scanDocument(root: Document | Element, options: ScanOptions = {}): ScanResult {
  const doc = isElement(root) ? root.ownerDocument : root;
  const pageUrl = options.pageUrl ?? doc.URL ?? '';
  if (isElement(root) && root.closest(`[${OWN_NODE_ATTRIBUTE}]`)) return { found: [] };
  const onPlatform = matchPlatformHost(pageUrl);
  const onLinkedIn = isLinkedInUrl(pageUrl);
  const found: Found[] = [
    ...(onLinkedIn ? detectLinkedInCertifications(root, pageUrl) : []),
    ...(!isElement(root) ? pageItself(pageUrl) : []),
    ...detectLinks(root, pageUrl),
    ...detectJsonLd(root),
    ...detectJws(root),
    ...detectBadgeImages(root, pageUrl, onPlatform),
  ];
  const profileName = isElement(root) ? undefined : profileNameFor(doc, pageUrl);
  return { found: dedupe(found), ...(profileName ? { profileName } : {}) };
}

/** The profile owner's name on a LinkedIn profile page (read when sending, as the SPA renders late). */
export function profileNameFor(doc: Document, pageUrl: string): string | undefined {
  return isLinkedInUrl(pageUrl) && /^\/in\//.test(pathOf(pageUrl)) ? readProfileName(doc) : undefined;
}

/** On a platform's own credential page, the page URL is itself the credential link. */
function pageItself(pageUrl: string): Found[] {
  const match = matchPlatform(pageUrl);
  return match ? [{ candidate: { kind: 'link', value: pageUrl, platform: match.platform.id } }] : [];
}

/** True when the page is on a host the platform table auto-scans (images there may be fetched). */
export function matchPlatformHost(pageUrl: string): boolean {
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return PLATFORMS.some((p) =>
    p.contentScriptMatches.some((m) => {
      const pattern = /^https:\/\/([^/]+)\//.exec(m)?.[1] ?? '';
      return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
    }),
  );
}

/** Keeps the first candidate per key; fills missing labels from later duplicates; caps the count. */
export function dedupe(found: readonly Found[]): DetectedCandidate[] {
  const byKey = new Map<string, DetectedCandidate>();
  for (const f of found) {
    const key = candidateKey(f.candidate);
    const existing = byKey.get(key);
    if (!existing) {
      if (byKey.size < MAX_CANDIDATES) byKey.set(key, { key, candidate: f.candidate, ...(f.anchor ? { anchor: f.anchor } : {}) });
      continue;
    }
    existing.candidate = { ...f.candidate, ...existing.candidate };
    if (!existing.anchor && f.anchor) existing.anchor = f.anchor;
  }
  return [...byKey.values()];
}

/**
 * Credential links and compact JWS in text extracted from a PDF CV (the
 * verify page reads the PDF and calls this). `links` are the PDF's link
 * annotations; URLs written out in the text are found too.
 */
export function scanPdfText(text: string, links: readonly string[]): Candidate[] {
  const found: Found[] = [];
  const urls = [...links, ...(text.match(/https?:\/\/[^\s<>"')\]]{4,2000}/g) ?? [])];
  for (const raw of urls) {
    const target = unwrapRedirect(raw.replace(/[.,;:]+$/, ''));
    const platform = matchPlatform(target);
    if (platform || looksLikeCredentialUrl(target))
      found.push({ candidate: { kind: 'link', value: target, ...(platform ? { platform: platform.platform.id } : {}) } });
  }
  // Tokens broken across lines are not re-joined: a wrongly joined token would read as a forged signature.
  for (const jws of jwsIn(text)) found.push({ candidate: { kind: 'jws', value: jws } });
  return dedupe(found).map((d) => d.candidate);
}

function pathOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).pathname;
  } catch {
    return '';
  }
}
