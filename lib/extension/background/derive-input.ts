/**
 * Candidate (what the page showed) → what the background verifies. The page
 * never chooses what is fetched beyond what it shows as a credential
 * (SECURITY.md rule 2): a link is fetched when it matches a platform row (and
 * then the *table's* URL is fetched, not the link), when it looks like a
 * credential document (`looksLikeCredentialUrl`), or when a profile's
 * certification entry gives it as the credential (followed whatever its shape,
 * within the page's link budget, and only ever read as a credential); images
 * only when the user asked or the page is a known platform. Every URL still
 * goes through lib/engine/net/safe-fetch.ts (https, public hosts, no cookies).
 */
import { matchPlatform, looksLikeCredentialUrl, platformById, unwrapRedirect } from '../../detect/platforms';
import type { Candidate } from '../../detect/types';
import { type VerifyInput } from '../../engine';

export type Derived =
  | { kind: 'input'; input: VerifyInput; platform?: string; wrappedIn?: string }
  /** recognised, but the platform publishes no machine-readable credential */
  | { kind: 'no-endpoint'; platform: string }
  /** an image: fetched only after a click, or on a platform page */
  | { kind: 'needs-user' }
  /** a certification a profile lists with no link to follow: a row, nothing to fetch */
  | { kind: 'claim' }
  /** nothing the background will fetch or verify */
  | { kind: 'ignored' };

export interface DeriveOptions {
  /** the user clicked a marker, the context menu, or the verify page */
  userInitiated: boolean;
  /** the (browser-reported) page URL is on a known platform host */
  pageOnKnownPlatform: boolean;
}

/** Decides what to verify for one candidate. Pure: no fetch happens here. */
export function deriveInput(c: Candidate, options: DeriveOptions): Derived {
  const name = c.label;
  const named = <T extends object>(input: T): T => (name ? { ...input, name } : input);
  switch (c.kind) {
    case 'json':
    case 'jws':
      return { kind: 'input', input: named({ text: c.value }) };
    case 'embed':
      return fromPlatformId(c.platform, c.value, named);
    case 'link':
      return fromLink(c.value, options.userInitiated || c.fromEntry === true, named);
    case 'image':
      return fromImage(c.value, options, named);
    case 'claim':
      return { kind: 'claim' };
  }
}

function fromPlatformId(platformId: string | undefined, id: string, named: <T extends object>(i: T) => T): Derived {
  const platform = platformId ? platformById(platformId) : undefined;
  // Only Credly publishes an embed by id (data-share-badge-id, as observed on pages); the id must have the link's shape.
  if (!platform || platform.id !== 'credly' || !platform.match(new URL(`https://www.credly.com/badges/${id}`))) return { kind: 'ignored' };
  const url = platform.fetchUrl(id.toLowerCase(), new URL('https://www.credly.com/'));
  return url ? { kind: 'input', input: named({ url }), platform: platform.id } : { kind: 'no-endpoint', platform: platform.id };
}

function fromLink(raw: string, followAnyLink: boolean, named: <T extends object>(i: T) => T): Derived {
  const target = unwrapRedirect(raw);
  const match = matchPlatform(target);
  if (match) {
    const url = match.platform.fetchUrl(match.id, new URL(target));
    if (!url) return { kind: 'no-endpoint', platform: match.platform.id };
    return { kind: 'input', input: named({ url }), platform: match.platform.id, ...(match.platform.wrappedIn ? { wrappedIn: match.platform.wrappedIn } : {}) };
  }
  if (looksLikeCredentialUrl(target)) return { kind: 'input', input: named({ url: target, follow: true }) };
  // A link the user chose (context menu) or a certification entry gives may be anything the safe fetcher accepts.
  if (followAnyLink && /^https?:\/\//i.test(target)) return { kind: 'input', input: named({ url: target, follow: true }) };
  return { kind: 'ignored' };
}

function fromImage(value: string, options: DeriveOptions, named: <T extends object>(i: T) => T): Derived {
  if (value.startsWith('data:')) {
    const bytes = decodeDataUrl(value);
    return bytes ? { kind: 'input', input: named({ bytes }) } : { kind: 'ignored' };
  }
  if (!/^https?:\/\//i.test(value)) return { kind: 'ignored' };
  return options.userInitiated || options.pageOnKnownPlatform ? { kind: 'input', input: named({ url: value }) } : { kind: 'needs-user' };
}

/** `data:image/png;base64,…` or `data:image/svg+xml,…` → bytes; undefined for anything else. */
export function decodeDataUrl(value: string): Uint8Array | undefined {
  const m = /^data:image\/(?:png|svg\+xml)((?:;[\w-]+=[\w-]+)*)(;base64)?,(.*)$/is.exec(value);
  if (!m) return undefined;
  try {
    if (m[2]) return Uint8Array.from(atob(m[3]!.replace(/\s+/g, '')), (ch) => ch.charCodeAt(0));
    return new TextEncoder().encode(decodeURIComponent(m[3]!));
  } catch {
    return undefined;
  }
}
