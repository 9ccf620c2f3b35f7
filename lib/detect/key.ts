/**
 * One key per credential, whatever form it was seen in: a Credly link, its
 * `/public_url` variant and a Credly embed of the same badge all become
 * `credly:<uuid>`. The content script and the background compute the same key
 * from the same candidate, so a marker click can name its credential by key.
 */
import { matchPlatform, unwrapRedirect } from './platforms';
import type { Candidate } from './types';

/**
 * cyrb53 (public domain), twice with different seeds → 26 hex chars. Not a
 * security boundary: keys only name candidates within one tab, whose page
 * already controls what it shows.
 */
export function shortHash(text: string): string {
  const h = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  };
  return h(0) + h(1).slice(2);
}

/** The normalised target a candidate points at: platform id, clean URL, or the payload itself. */
export function normaliseTarget(c: Candidate): string {
  if (c.kind === 'json') return `json:${c.value.trim()}`;
  if (c.kind === 'jws') return `jws:${c.value.trim()}`;
  if (c.kind === 'embed' && c.platform) return `${c.platform}:${c.value.trim().toLowerCase()}`;
  // a certification without a link is named by what it claims
  if (c.kind === 'claim') return `claim:${[c.value, c.issuerLabel ?? '', c.issuedLabel ?? ''].map((v) => v.trim().toLowerCase()).join('|')}`;
  const target = unwrapRedirect(c.value.trim());
  const platform = matchPlatform(target);
  if (platform) return `${platform.platform.id}:${platform.id}`;
  try {
    const u = new URL(target);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^utm_/i.test(k)) u.searchParams.delete(k);
    return `${c.kind === 'image' ? 'image' : 'url'}:${u.href}`;
  } catch {
    return `${c.kind}:${target}`;
  }
}

/** Stable key of a candidate (≤ 40 chars; fits the `candidate/open` schema). */
export function candidateKey(c: Candidate): string {
  return `${c.kind === 'json' || c.kind === 'jws' ? c.kind : 'l'}-${shortHash(normaliseTarget(c))}`;
}
