/**
 * Open Badges 1.0 / 1.1 hosted badges, read as 2.0 (1EdTech
 * openbadges-validator-core upgrades older objects before validating). Only what maps
 * one-to-one is upgraded: a hosted assertion whose `verify.url` is the
 * address it was fetched from, an IdentityObject recipient, a badge URL, and
 * dates. Anything else (0.5 shapes, embedded badges, signed 1.x) throws
 * OB2_LEGACY_UNSUPPORTED ("could not check"), never a guess.
 */
import { fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { asArray, isObject, str } from '../../util/json';
import { fetchJson, OB2_CONTEXTS, sameUrl, type Json } from './documents';
import { checkHostedOrigin, revocationOf, type HostedResult } from './hosted';

const unsupported = (reason: string) => new VerifierError('OB2_LEGACY_UNSUPPORTED', { reason });

/** A 0.5/1.x object: no 2.0 context, but a `verify.url` or `uid`. */
export const isLegacyAssertion = (a: Json): boolean =>
  !asArray(a['@context']).some((c) => typeof c === 'string' && OB2_CONTEXTS.includes(c.replace(/\/$/, ''))) &&
  ((isObject(a.verify) && typeof a.verify.url === 'string') || typeof a.uid === 'string');

/** 1.0 dates are ISO 8601 date(-time)s or Unix timestamps in seconds (OB 1.0 §DateTime). */
export function upgradeDate(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  if (typeof value === 'string' && /^\d{9,11}$/.test(value)) return new Date(Number(value) * 1000).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  throw unsupported(`${field} is not a date`);
}

/** The fetched 1.x hosted assertion at `url`, in the 2.0 shape. */
export function upgradeAssertion(hosted: Json, url: string): Json {
  const verify = isObject(hosted.verify) ? hosted.verify : {};
  if (verify.type !== 'hosted') throw unsupported('only hosted 1.x badges can be checked');
  if (!sameUrl(str(verify.url), url)) throw unsupported('the hosted copy names another address');
  const r = hosted.recipient;
  if (!isObject(r) || typeof r.identity !== 'string') throw unsupported('the recipient is in the 0.5 format');
  if (typeof hosted.badge !== 'string') throw unsupported('the badge is embedded (0.5 format)');
  const expires = upgradeDate(hosted.expires, 'expires');
  return {
    '@context': OB2_CONTEXTS[0],
    type: 'Assertion',
    id: url,
    recipient: { type: str(r.type) ?? 'email', hashed: r.hashed === true, identity: r.identity, ...(typeof r.salt === 'string' ? { salt: r.salt } : {}) },
    badge: hosted.badge,
    issuedOn: upgradeDate(hosted.issuedOn, 'issuedOn') ?? '',
    ...(expires ? { expires } : {}),
    ...(typeof hosted.image === 'string' ? { image: hosted.image } : {}),
    ...(typeof hosted.evidence === 'string' ? { evidence: hosted.evidence } : {}),
    ...(hosted.revoked === true ? { revoked: true } : {}),
    verification: { type: 'hosted' },
  };
}

/**
 * 1.x documents carry no `id`: the address they were fetched from becomes it.
 * One that does name an address must name that one (SECURITY.md row 44).
 */
function assertSpeaksFor(doc: Json, url: string): void {
  if (doc.id !== undefined && !sameUrl(str(doc.id), url))
    throw new VerifierError('OB2_DOCUMENT_MISMATCH', { url: url.slice(0, 200), found: (str(doc.id) ?? 'not a URL').slice(0, 200) });
}

/** A 1.x BadgeClass fetched from `url`. */
export function upgradeBadgeClass(doc: Json, url: string): Json {
  if (typeof doc.name !== 'string' || typeof doc.issuer !== 'string') throw unsupported('the badge class has no name or issuer link');
  assertSpeaksFor(doc, url);
  return { ...doc, '@context': OB2_CONTEXTS[0], type: 'BadgeClass', id: url };
}

/** A 1.x IssuerOrganization fetched from `url`. */
export function upgradeIssuer(doc: Json, url: string): Json {
  if (typeof doc.name !== 'string') throw unsupported('the issuer has no name');
  assertSpeaksFor(doc, url);
  // 1.x had no verification policy: the 2.0 default (the issuer id's host) applies
  const { verification: _none, ...rest } = doc;
  return { ...rest, '@context': OB2_CONTEXTS[0], type: 'Issuer', id: url };
}

/**
 * Checks an upgraded 1.x assertion (already fetched at its hosted address):
 * its BadgeClass and Issuer are fetched and upgraded, and the 2.0 origin
 * policy applies. Returns `hosted` and `status` checks like verifyHosted.
 */
export async function verifyUpgradedHosted(assertion: Json, ctx: VerifyContext): Promise<HostedResult> {
  const id = assertion.id as string;
  try {
    const badgeUrl = assertion.badge as string;
    const badgeClass = upgradeBadgeClass(await fetchJson(badgeUrl, 'ob2-document', ctx), badgeUrl);
    const issuerUrl = badgeClass.issuer as string;
    const issuer = upgradeIssuer(await fetchJson(issuerUrl, 'ob2-document', ctx), issuerUrl);
    const documents = { assertion, badgeClass, issuer };
    const origin = checkHostedOrigin(id, issuer);
    if (origin) return { checks: [origin, skip('status')], documents, mismatch: false };
    return { checks: [pass('hosted', 'Matches the copy the issuer hosts (an Open Badges 1.x badge, read as 2.0)', { url: id }), revocationOf(assertion, id)], documents, mismatch: false };
  } catch (e) {
    return { checks: [fromThrown('hosted', e), skip('status')], mismatch: false };
  }
}
