/**
 * DID syntax, checked before an identifier is used as an issuer id, a
 * verification method or a did:web address (SECURITY.md row 47). A string
 * that is not a DID is refused as such (DID_INVALID, "failed": no honest
 * issuer writes one), instead of reaching a resolver that might read it
 * differently from the next one. DID Core 1.0 §3.1 and §3.2:
 *
 *   did                = "did:" method-name ":" method-specific-id
 *   method-name        = 1*method-char          ; lowercase letters, digits
 *   method-specific-id = *( *idchar ":" ) 1*idchar
 *   idchar             = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
 *   did-url            = did path-abempty [ "?" query ] [ "#" fragment ]
 */
import { VerifierError } from '../errors';

const METHOD_NAME = /^[a-z0-9]+$/;
const ID_SEGMENT = /^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*$/;
// RFC 3986 §3.3–§3.5: path segments are pchars; query and fragment also allow "/" and "?".
const PATH = /^(?:\/(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*)*$/;
const QUERY_OR_FRAGMENT = /^(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*$/;
// An IPv6 literal is no DID syntax, but a did:web naming one is left to the host policy, which
// refuses it for what it is, a private address (SECURITY.md row 19), rather than as a typo.
const DID_WEB_IPV6_HOST = /^\[[0-9A-Fa-f:.]+\]/;

// did:web §"Method-specific identifier": the host is a domain name (RFC 1035, 1123, 2181), hence ASCII;
// an international name is written as its IDNA A-labels (punycode). A trailing dot and numeric hosts
// pass here and are refused by the host policy as the private names they are (SECURITY.md row 19).
const DID_WEB_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?)(?::[0-9]{1,5})?$/;

/** Syntax a DID method adds to the generic rule, by method name. */
const METHOD_RULES: Readonly<Record<string, (specificId: string) => string | undefined>> = {
  web: didWebHostProblem,
};

function didWebHostProblem(specificId: string): string | undefined {
  const bracketEnd = specificId.startsWith('[') ? specificId.indexOf(']') + 1 : 0;
  const host = (specificId.slice(0, bracketEnd) + (specificId.slice(bracketEnd).split(':')[0] ?? '')).replace(/%3A/gi, ':');
  const problem = 'the did:web host must be an ASCII domain name (punycode for an international name)';
  if (!DID_WEB_HOST.test(host)) return problem;
  try {
    // The WHATWG URL parser refuses what no browser could fetch, such as an A-label that is not punycode.
    new URL(`https://${host}/`);
  } catch {
    return problem;
  }
  return undefined;
}

/** Written as a DID or DID URL, valid or not: the scheme is "did" in any case. */
export const isDidLike = (value: string): boolean => /^did:/i.test(value);

/**
 * An identifier that says where its keys are published: a DID or an http(s)
 * URL. Anything else (`urn:uuid:…`, a bare name) names no key, so no key can be
 * shown to be its (SECURITY.md row 46).
 */
export function namesKey(id: string): boolean {
  if (isDidLike(id)) return true;
  try {
    const { protocol } = new URL(id);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Why `did` (without path, query or fragment) is not a DID; undefined when it is one. */
export function didProblem(did: string): string | undefined {
  // DID Core §3.1: the scheme and the method name are ASCII lowercase.
  if (!did.startsWith('did:')) return 'the scheme must be "did:" in lowercase';
  const rest = did.slice('did:'.length);
  const colon = rest.indexOf(':');
  const method = colon < 0 ? rest : rest.slice(0, colon);
  if (!METHOD_NAME.test(method)) return 'the method name must be lowercase letters and digits';
  const specificId = colon < 0 ? '' : rest.slice(colon + 1);
  const segments = (method === 'web' ? specificId.replace(DID_WEB_IPV6_HOST, 'ip6') : specificId).split(':');
  if (segments[segments.length - 1] === '') return 'the method-specific identifier is empty';
  if (!segments.every((s) => ID_SEGMENT.test(s))) return 'a character outside the DID syntax';
  return Object.hasOwn(METHOD_RULES, method) ? METHOD_RULES[method]!(specificId) : undefined;
}

/** The DID of a DID URL and the path, query and fragment after it (each undefined when absent). */
export function splitDidUrlParts(url: string): { did: string; path: string; query?: string; fragment?: string } {
  const hash = url.indexOf('#');
  const beforeFragment = hash < 0 ? url : url.slice(0, hash);
  const question = beforeFragment.indexOf('?');
  const beforeQuery = question < 0 ? beforeFragment : beforeFragment.slice(0, question);
  const slash = beforeQuery.indexOf('/');
  return {
    did: slash < 0 ? beforeQuery : beforeQuery.slice(0, slash),
    path: slash < 0 ? '' : beforeQuery.slice(slash),
    ...(question < 0 ? {} : { query: beforeFragment.slice(question + 1) }),
    ...(hash < 0 ? {} : { fragment: url.slice(hash + 1) }),
  };
}

/** Why `url` is not a DID URL (a DID, optionally with path, query and fragment); undefined when it is one. */
export function didUrlProblem(url: string): string | undefined {
  const { did, path, query, fragment } = splitDidUrlParts(url);
  const problem = didProblem(did);
  if (problem) return problem;
  if (!PATH.test(path)) return 'a character outside the DID URL path syntax';
  if (query !== undefined && !QUERY_OR_FRAGMENT.test(query)) return 'a character outside the DID URL query syntax';
  if (fragment !== undefined && !QUERY_OR_FRAGMENT.test(fragment)) return 'a character outside the DID URL fragment syntax';
  return undefined;
}

/**
 * Throws DID_INVALID unless `url` is a syntactically valid DID or DID URL.
 * @example assertDidUrl('did:web:example.com#key-1') // passes
 * @example assertDidUrl('did:WEB:example.com') // throws DID_INVALID
 */
export function assertDidUrl(url: string): void {
  const problem = didUrlProblem(url);
  if (problem) throw new VerifierError('DID_INVALID', { did: url.slice(0, 200), reason: problem });
}
