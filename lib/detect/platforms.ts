/**
 * The one table of credential platforms, the single source of truth for them
 * (as jose's lib/jws_algorithms.ts is for algorithms). Each row says how to
 * recognise a link to the platform and how to obtain the machine-readable
 * credential from it; its comment names where that was read. Every row that
 * is not "documented" must be confirmed against the live service before release.
 * Adding a platform = adding one row.
 */

/**
 * How sure we are about a row: `documented` = the vendor's docs or a spec;
 * `observed` = a public repository calls or serves it; `not found` = no public
 * endpoint returning the credential was found.
 */
export type PlatformEvidence = 'documented' | 'observed' | 'not found';

export interface PlatformRule {
  id: string;
  name: string;
  evidence: PlatformEvidence;
  /** host match patterns for the content script (`matches`); empty = not auto-scanned */
  contentScriptMatches: readonly string[];
  /** returns the platform's credential id when the URL is one of its links */
  match(url: URL): string | undefined;
  /** the URL the background fetches for the credential; undefined = no public endpoint known */
  fetchUrl(id: string, url: URL): string | undefined;
  /** the fetched JSON wraps the credential in this member (VerifierPlus `{credential, vp}`) */
  wrappedIn?: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const hostIs = (url: URL, ...hosts: string[]): boolean => hosts.includes(url.hostname.toLowerCase());
const hostEndsWith = (url: URL, suffix: string): boolean => url.hostname.toLowerCase().endsWith(suffix);
const pathGroup = (url: URL, re: RegExp): string | undefined => re.exec(url.pathname)?.[1];

/** Credly badge UUIDs as they appear in links (`/badges/<uuid>[/public_url|/linked_in_profile]`). */
export const CREDLY_BADGE_ID = new RegExp(`^${UUID}$`, 'i');

export const PLATFORMS: readonly PlatformRule[] = [
  {
    // Credly "OBI Methods" documentation: the OBI endpoint; page id = assertion id observed in shared links.
    id: 'credly',
    name: 'Credly',
    evidence: 'documented',
    contentScriptMatches: ['https://www.credly.com/*', 'https://credly.com/*', 'https://www.youracclaim.com/*'],
    match: (url) =>
      hostIs(url, 'www.credly.com', 'credly.com', 'www.youracclaim.com', 'youracclaim.com')
        ? pathGroup(url, new RegExp(`^/(?:badges|embedded_badge)/(${UUID})(?:/(?:public_url|linked_in_profile|embedded))?/?$`, 'i'))
        : hostIs(url, 'api.credly.com', 'api.youracclaim.com')
          ? pathGroup(url, new RegExp(`^/v1/obi/v2/badge_assertions/(${UUID})/?$`, 'i'))
          : undefined,
    fetchUrl: (id) => `https://api.credly.com/v1/obi/v2/badge_assertions/${id.toLowerCase()}`,
  },
  {
    // accredible/api-documentation openapi.json: OB 2.0 assertion ids in examples, also observed as shared links;
    // whether the credential.net id is the assertion id is NOT confirmed (observed white-label use only).
    id: 'accredible',
    name: 'Accredible',
    evidence: 'observed',
    contentScriptMatches: ['https://www.credential.net/*', 'https://credential.net/*', 'https://*.credential.net/*', 'https://*.accredible.com/*'],
    match: (url) => {
      if (hostIs(url, 'api.accredible.com')) return pathGroup(url, /^\/v1\/obi\/badge_assertions\/([\w-]{4,80})\/?$/);
      // white-label hosts <org>.credential.net, as shared profile links show them
      if (hostIs(url, 'www.credential.net', 'credential.net') || hostEndsWith(url, '.credential.net') || hostEndsWith(url, '.accredible.com'))
        return pathGroup(url, /^\/([0-9]{4,20}|[0-9a-f-]{32,36})\/?$/i);
      return undefined;
    },
    fetchUrl: (id) => `https://api.accredible.com/v1/obi/badge_assertions/${encodeURIComponent(id)}`,
  },
  {
    // concentricsky/badgr-server apps/issuer/public_api.py: /public/assertions/<id> answers JSON unless text/html is asked.
    id: 'badgr',
    name: 'Canvas Credentials (Badgr)',
    evidence: 'observed',
    contentScriptMatches: ['https://badgr.com/*', 'https://*.badgr.com/*', 'https://*.badgr.io/*'],
    match: (url) =>
      /^(?:[\w-]+\.)*badgr\.(?:com|io)$/i.test(url.hostname)
        ? pathGroup(url, /^\/public\/assertions\/([\w-]{6,64})(?:\.json)?\/?$/)
        : undefined,
    fetchUrl: (id, url) => `https://${badgrApiHost(url.hostname)}/public/assertions/${id}`,
  },
  {
    // The bare /v1/assertion/<40hex> URL is the assertion id people share (observed in public links; response not seen).
    id: 'obf',
    name: 'Open Badge Factory',
    evidence: 'observed',
    contentScriptMatches: ['https://openbadgefactory.com/*'],
    match: (url) =>
      hostIs(url, 'openbadgefactory.com', 'www.openbadgefactory.com')
        ? pathGroup(url, /^\/v1\/assertion\/([0-9a-f]{40})(?:\.html|\.json)?\/?$/i)
        : undefined,
    fetchUrl: (id) => `https://openbadgefactory.com/v1/assertion/${id.toLowerCase()}`,
  },
  {
    // No public Passport page shape or endpoint found; recognised so the recruiter is told why it cannot be checked.
    id: 'obp',
    name: 'Open Badge Passport',
    evidence: 'not found',
    contentScriptMatches: ['https://openbadgepassport.com/*'],
    match: (url) =>
      hostIs(url, 'openbadgepassport.com', 'www.openbadgepassport.com') ? pathGroup(url, /^\/app\/badge\/info\/(\d{1,12})\/?$/) : undefined,
    fetchUrl: () => undefined,
  },
  {
    // Europass "European Digital Credentials" pages (europa.eu) document the viewer; no public endpoint
    // returning the credential was found.
    id: 'europass',
    name: 'Europass Digital Credentials',
    evidence: 'not found',
    contentScriptMatches: ['https://europa.eu/europass/*'],
    match: (url) =>
      hostIs(url, 'europa.eu') && /^\/europass\/(?:[a-z]{2}\/)?digital-credentials\//.test(url.pathname)
        ? url.pathname + url.search + url.hash
        : undefined,
    fetchUrl: () => undefined,
  },
  {
    // digitalcredentials/verifier-plus README.md: `#verify?vc=<url>`, and /credentials/<id> → /api/credentials/<id>.
    id: 'verifierplus',
    name: 'VerifierPlus',
    evidence: 'documented',
    contentScriptMatches: ['https://verifierplus.org/*'],
    match: (url) => {
      if (!hostIs(url, 'verifierplus.org', 'www.verifierplus.org')) return undefined;
      const vc = /^#verify\?(.*)$/.exec(url.hash)?.[1];
      if (vc !== undefined) return new URLSearchParams(vc).get('vc') ?? undefined;
      const shared = pathGroup(url, /^\/credentials\/([\w-]{4,128})\/?$/);
      return shared ? `shared:${shared}` : undefined;
    },
    fetchUrl: (id) => (id.startsWith('shared:') ? `https://verifierplus.org/api/credentials/${id.slice(7)}` : httpsOrUndefined(id)),
    wrappedIn: 'credential',
  },
  {
    // moodle/moodle badges/assertion.php: badge.php?hash=H is the public page; assertion.php?b=H&obversion=2 the OB 2.0 JSON.
    id: 'moodle',
    name: 'Moodle',
    evidence: 'observed',
    contentScriptMatches: [],
    match: (url) => {
      const m = /\/badges\/(badge|assertion)\.php$/.exec(url.pathname);
      const hash = m && url.searchParams.get(m[1] === 'badge' ? 'hash' : 'b');
      return hash && /^[0-9a-f]{16,64}$/i.test(hash) ? hash.toLowerCase() : undefined;
    },
    fetchUrl: (hash, url) =>
      `https://${url.host}${url.pathname.replace(/\/badges\/(?:badge|assertion)\.php$/, '')}/badges/assertion.php?b=${hash}&obversion=2`,
  },
  {
    // Digitary CORE "Document Shares": "a secure and unique URL that links back to" the Digitary server, which shows the
    // validation result on screen (digitary.net/recruiters, /url-checker); the shared records are digitally signed PDFs
    // (digitary.net FAQ). Link shape observed in a public portfolio repository: core.digitary.net/sharelink/<uuid>/<uuid>;
    // core.digitaryuk.net is the UK instance of the same platform (its FAQ page). No machine-readable credential is
    // published: recognised so the recruiter is told why it cannot be checked here.
    id: 'digitary',
    name: 'Digitary',
    evidence: 'not found',
    contentScriptMatches: [],
    match: (url) =>
      hostIs(url, 'core.digitary.net', 'core.digitaryuk.net') ? pathGroup(url, new RegExp(`^/sharelink/(${UUID}/${UUID})/?$`, 'i'))?.toLowerCase() : undefined,
    fetchUrl: () => undefined,
  },
  {
    // Credentify (MicroCredentials/credentify-app-ui components/modals/VerifyModal.vue): "Verify credential" opens the
    // 0xcert verifier at verify.0xcert.org?assetId=<decimal>&ledgerId=<0x address>&network=<n>, which checks an Ethereum
    // asset ledger; no credential document is served. Recognised, not verified. (The Open Education Passport, oepass.eu,
    // publishes a Learning Passport format and form, no per-credential share links: there is nothing to recognise.)
    id: 'credentify',
    name: 'Credentify (0xcert)',
    evidence: 'not found',
    contentScriptMatches: [],
    match: (url) => {
      if (!hostIs(url, 'verify.0xcert.org')) return undefined;
      const asset = url.searchParams.get('assetId') ?? '';
      const ledger = url.searchParams.get('ledgerId') ?? '';
      return /^\d{1,80}$/.test(asset) && /^0x[0-9a-f]{40}$/i.test(ledger) ? `${ledger.toLowerCase()}:${asset}` : undefined;
    },
    fetchUrl: () => undefined,
  },
  {
    // Coursera verify pages are HTML only (observed; no machine-readable endpoint found); recognised to explain, not verified.
    id: 'coursera',
    name: 'Coursera',
    evidence: 'not found',
    contentScriptMatches: [],
    match: (url) =>
      hostIs(url, 'www.coursera.org', 'coursera.org') ? pathGroup(url, /^\/(?:account\/accomplishments\/)?verify\/([\w-]{4,64})\/?$/) : undefined,
    fetchUrl: () => undefined,
  },
];

/** Badgr UI hosts (badgr.com, eu.badgr.com) serve the SPA; the API host answers JSON (badgr-server apps/mainsite/urls.py). */
function badgrApiHost(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('api.')) return h;
  const region = /^(eu|au|ca|sg)\./.exec(h)?.[1];
  return region ? `api.${region}.badgr.io` : 'api.badgr.io';
}

function httpsOrUndefined(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link recognised as belonging to a platform. */
export interface PlatformMatch {
  platform: PlatformRule;
  /** the platform's credential id (used for de-duplication: `<platform>:<id>`) */
  id: string;
}

/** Finds the platform row for a URL string; undefined when no row matches. */
export function matchPlatform(raw: string): PlatformMatch | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const platform of PLATFORMS) {
    const id = platform.match(url);
    if (id) return { platform, id };
  }
  return undefined;
}

/**
 * The machine-readable address a platform publishes for one of its human
 * pages (a Credly badge page → its OB 2.0 assertion), for the engine when a
 * followed link ends on such a page; undefined when the page is no platform's
 * or its answer comes wrapped (the background unwraps those itself).
 */
export function platformDataUrl(pageUrl: string): string | undefined {
  const match = matchPlatform(pageUrl);
  if (!match || match.platform.wrappedIn) return undefined;
  return match.platform.fetchUrl(match.id, new URL(pageUrl));
}

/** Platform row by id. */
export function platformById(id: string): PlatformRule | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

/** Every host pattern on which the content script runs without being asked (besides LinkedIn). */
export const PLATFORM_CONTENT_SCRIPT_MATCHES: readonly string[] = PLATFORMS.flatMap((p) => p.contentScriptMatches);

// Link helpers live in links.ts; re-exported so callers need one import.
export { looksLikeCredentialUrl, MAYBE_CREDENTIAL_LINK, unwrapRedirect } from './links';
