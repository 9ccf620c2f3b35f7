/**
 * Link helpers for the detectors and the background: LinkedIn redirect
 * unwrapping, the cheap pre-filter run on every link, and the shape of a
 * credential URL off the known platforms (lib/detect/platforms.ts).
 */

/**
 * LinkedIn wraps outbound links as `/redir/redirect?url=<target>` (LinkedIn markup as observed);
 * returns the target, or the input unchanged.
 */
export function unwrapRedirect(href: string): string {
  try {
    const u = new URL(href);
    if (/(^|\.)linkedin\.com$/i.test(u.hostname) && /^\/(?:redir\/redirect|safety\/go)\/?$/.test(u.pathname)) {
      const target = u.searchParams.get('url');
      if (target && /^https?:\/\//i.test(target)) return target;
    }
  } catch {
    // not a URL: leave it as it was
  }
  return href;
}

/**
 * A cheap string pre-filter run on every link of a page before any URL
 * parsing: true for every href that matchPlatform or looksLikeCredentialUrl
 * could accept (keep it a superset when adding a row), and for LinkedIn
 * redirect wrappers, which are unwrapped first.
 */
export const MAYBE_CREDENTIAL_LINK =
  /credly|youracclaim|credential|accredible|badgr|openbadge|europass|verifierplus|\/badges\/|coursera|digitary|0xcert|assertion|\.json|\.jwt|\/vcs?\/|\/redir\/redirect|\/safety\/go/i;

/**
 * Links that look like a machine-readable credential even off the known
 * platforms: `.json`/`.jsonld`/`.jwt` files, or `/assertions/<id>` and
 * `/credentials/<id>` style paths. Only these (and platform links) are ever
 * fetched for a page-supplied link (SECURITY.md rule 2).
 */
export function looksLikeCredentialUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const path = url.pathname.toLowerCase();
  if (/\.(?:json|jsonld|jwt)$/.test(path)) return /(?:badge|assertion|credential|certif|achievement|vc)/.test(path);
  return /\/(?:assertions?|badge_assertions|credentials?|vcs?)\/[\w-]{8,128}\/?$/.test(path);
}

/** `href` resolved against `base`, when it is an http(s) URL; undefined otherwise. */
export function absoluteHttpUrl(href: string, base: string): string | undefined {
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
