/**
 * Decides whether a URL may be fetched at all, from the URL literal alone: an
 * extension cannot resolve DNS before fetch (SECURITY.md attacks 5 and 19, and
 * its note on DNS rebinding).
 * Refuses loopback, private, link-local and other non-public literals in every
 * spelling (decimal, hex, short IPv4, IPv4-mapped IPv6), `localhost` and its
 * subdomains, and a trailing dot, unless the user allowed that exact host:port.
 */
import { VerifierError } from '../errors';

export interface HostPolicy {
  /** "host:port" entries the user allowed explicitly (intranet issuers, tests) */
  allowHosts: ReadonlySet<string>;
}

/** Parses and vets a URL; returns the URL to fetch (http is upgraded to https). */
export function vetUrl(raw: string, policy: HostPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VerifierError('FETCH_URL_REJECTED', { url: raw.slice(0, 200), reason: 'not a URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new VerifierError('FETCH_URL_REJECTED', { url: raw.slice(0, 200), reason: 'scheme' });
  if (url.username || url.password)
    throw new VerifierError('FETCH_URL_REJECTED', { url: raw.slice(0, 200), reason: 'credentials in URL' });
  // Plain http is never fetched: it is upgraded, so a network attacker cannot swap keys or lists.
  if (url.protocol === 'http:') {
    url = new URL(url.href);
    url.protocol = 'https:';
    if (url.port === '80') url.port = '';
  }
  url.hash = '';
  const hostPort = `${url.hostname}:${url.port || '443'}`;
  const allowed = policy.allowHosts.has(hostPort) || (url.port === '' && policy.allowHosts.has(url.hostname));
  if (allowed) return url;
  if (isNonPublicHost(url.hostname)) throw new VerifierError('FETCH_PRIVATE_ADDRESS', { host: url.hostname });
  if (url.port !== '') throw new VerifierError('FETCH_URL_REJECTED', { url: url.href.slice(0, 200), reason: 'non-default port' });
  return url;
}

/** True for any host literal that is not a public DNS name or public IP. */
export function isNonPublicHost(hostname: string): boolean {
  let h = hostname.toLowerCase();
  if (h.endsWith('.')) return true; // "localhost." and friends: refuse trailing dots outright
  if (h.startsWith('[') && h.endsWith(']')) return isNonPublicIpv6(h.slice(1, -1));
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  if (!h.includes('.')) {
    // a single label: either a numeric IPv4 spelling (2130706433, 0x7f000001) or an intranet name
    return true;
  }
  const v4 = parseIpv4(h);
  if (v4) return isNonPublicIpv4(v4);
  // Dotted names whose labels are all numeric/hex but did not parse are odd spellings: refuse.
  if (h.split('.').every((l) => /^(0x[0-9a-f]*|[0-9]+)$/.test(l))) return true;
  return false;
}

/** WHATWG-style IPv4 parse (accepts 127.1, 0x7f.1, octal); URL() already normalises most. */
function parseIpv4(h: string): number[] | undefined {
  const parts = h.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/.test(p))) return undefined;
  const nums = parts.map((p) => (p.startsWith('0x') ? parseInt(p, 16) : p.length > 1 && p.startsWith('0') ? parseInt(p, 8) : parseInt(p, 10)));
  const last = nums.pop()!;
  const bytes = nums.slice();
  const remaining = 4 - bytes.length;
  if (bytes.some((b) => b > 255) || last >= 256 ** remaining) return undefined;
  for (let i = remaining - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

function isNonPublicIpv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

function isNonPublicIpv6(h: string): boolean {
  if (h === '::' || h === '::1') return true;
  const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(h);
  if (mapped) {
    if (mapped[1]) return isNonPublicIpv4(mapped[1].split('.').map(Number));
    const hi = parseInt(mapped[2]!, 16);
    return isNonPublicIpv4([hi >> 8, hi & 255]);
  }
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(h) || h.startsWith('::ffff:') || h.startsWith('64:ff9b:') || h.startsWith('2001:db8:');
}
