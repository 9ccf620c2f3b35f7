/**
 * Open Badges 2.0, hosted and signed, following 1EdTech
 * openbadges-validator-core (openbadges/verifier/tasks/verification.py):
 * structure → hosted copy or signature → issuer binding → validity →
 * revocation (for a signed badge the binding is known before the key is
 * fetched). Older 1.x assertions are followed to their hosted URL once;
 * only a 2.0 document found there is checked, anything else is "could not
 * check" (OB2_LEGACY_UNSUPPORTED).
 */
import { error, fail, fromThrown, skip } from '../../checks/result';
import { checkValidity } from '../../checks/validity';
import type { VerifyContext } from '../../context';
import { decodeJwsHeader, decodeJwsPayload } from '../../extract/jws';
import { hasType, jsonBody, loadBadgeAndIssuer, type Json, type Ob2Documents } from './documents';
import { isLegacyAssertion, upgradeAssertion, verifyUpgradedHosted } from './legacy';
import { GONE_MESSAGE, verifyHosted } from './hosted';
import { checkKeyOwnership, checkOb2RevocationList, checkOb2Signature, creatorOf, precheckOb2Signature } from './signed';
import { checkOb2Structure, verificationType } from './structure';
import { summarizeOb2 } from './summary';
import type { Check, CredentialSummary, TechnicalDetails } from '../../report';
import { asArray, isObject, str } from '../../util/json';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';


export const isOb2Json = (v: unknown): v is Record<string, unknown> =>
  isObject(v) &&
  (asArray(v.type).includes('Assertion') ||
    asArray(v['@context']).some((c) => typeof c === 'string' && c.startsWith('https://w3id.org/openbadges')) ||
    (v.recipient !== undefined && v.badge !== undefined) ||
    (isObject(v.verify) && typeof v.verify.url === 'string'));

export const isOb2JwsPayload = (v: unknown): boolean => isOb2Json(v);

/** A hosted (or 1.x) assertion given as JSON. */
export async function verifyOb2Json(assertion: Record<string, unknown>, ctx: VerifyContext): Promise<FormatOutcome> {
  if (isLegacyAssertion(assertion)) return verifyLegacy(assertion, ctx);
  const structure = checkOb2Structure(assertion);
  if (structure.status !== 'pass') return outcome('ob2-hosted', [structure, skip('hosted'), skip('validity'), skip('status')], { assertion });
  const type = verificationType(assertion);
  if (type === 'signed') {
    // The signature travels as a JWS; a bare JSON copy of a signed badge proves nothing.
    return outcome('ob2-signed', [structure, fail('proof', 'PROOF_MISSING'), skip('issuer-binding'), skip('validity'), skip('status')], { assertion });
  }
  if (type !== 'hosted')
    return outcome('ob2-hosted', [fail('structure', 'OB2_INVALID', { reason: 'verification type must be hosted or signed' }), skip('hosted')], { assertion });
  const hosted = await verifyHosted(assertion, ctx);
  const [hostedCheck, status] = hosted.checks as [Check, Check];
  const truth = hosted.documents?.assertion ?? assertion;
  const trusted = hostedCheck.status === 'pass';
  const validity = trusted ? validityOf(truth, ctx) : skip('validity');
  const technical: TechnicalDetails = { hostedUrl: str(assertion.id), ...(hosted.mismatch ? { hostedMismatch: 'OB2_HOSTED_MISMATCH' } : {}) };
  return outcome('ob2-hosted', [structure, hostedCheck, validity, status], { ...hosted.documents, assertion: truth }, technical, trusted);
}

/** A signed assertion (compact JWS). */
export async function verifyOb2Jws(jws: string, ctx: VerifyContext): Promise<FormatOutcome> {
  const header = decodeJwsHeader(jws);
  const payload = decodeJwsPayload(jws);
  if (!isObject(header) || !isObject(payload))
    return outcome('ob2-signed', [fail('structure', 'JWS_INVALID', { reason: 'the header or payload is not JSON' }), skip('proof')], {});
  const structure = checkOb2Structure(payload);
  const rest = [skip('issuer-binding'), skip('validity'), skip('status')];
  if (structure.status !== 'pass') return outcome('ob2-signed', [structure, skip('proof'), ...rest], { assertion: payload });
  if (verificationType(payload) !== 'signed')
    return outcome('ob2-signed', [fail('structure', 'OB2_INVALID', { reason: 'a signed assertion must declare verification type signed' }), skip('proof'), ...rest], { assertion: payload });
  // a header is attacker JSON: an object alg could even have a `toString` that is not a function (SECURITY.md row 50)
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const creator = creatorOf(payload);
  const technical: TechnicalDetails = { alg, keyId: creator, keySource: 'verification.creator' };
  const refused = precheckOb2Signature(alg, creator);
  if (refused || creator === undefined) return outcome('ob2-signed', [structure, refused ?? fail('proof', 'JWT_NO_KEY'), ...rest], { assertion: payload }, technical);
  // The issuer's own profile is read first, so a key it does not list, or a profile that is not the
  // issuer's, refuses the badge before the key is fetched (SECURITY.md row 44; row 6 for VC-JWT).
  // When the profile could not be read (a server down), the signature is still checked: a signature
  // the named key does not make is forged whoever the issuer is.
  let docs: Ob2Documents | undefined;
  let binding: Check;
  try {
    docs = await loadBadgeAndIssuer(payload, ctx);
    binding = checkKeyOwnership(creator, docs.issuer);
  } catch (e) {
    binding = fromThrown('issuer-binding', e);
  }
  if (binding.status === 'fail') return outcome('ob2-signed', [structure, skip('proof'), binding, skip('validity'), skip('status')], docs ?? { assertion: payload }, technical);
  const proof = await checkOb2Signature(jws, alg, creator, ctx);
  if (proof.status !== 'pass') return outcome('ob2-signed', [structure, proof, ...rest], { assertion: payload }, technical);
  if (!docs) return outcome('ob2-signed', [structure, proof, binding, skip('validity'), skip('status')], { assertion: payload }, technical);
  const status = await checkOb2RevocationList(docs, ctx);
  return outcome('ob2-signed', [structure, proof, binding, validityOf(payload, ctx), status], docs, technical, true);
}

/**
 * When the BadgeClass could not be loaded (a server down, a check that
 * stopped first), the recruiter still sees what the assertion says it is:
 * the embedded BadgeClass and Issuer, marked `notVerified`, so a row keeps
 * its title and issuer instead of "Untitled credential".
 */
function summarizeClaimed(assertion: Json): CredentialSummary {
  const badgeClass = isObject(assertion.badge) ? assertion.badge : undefined;
  const issuer = badgeClass && isObject(badgeClass.issuer) ? badgeClass.issuer : undefined;
  const summary = summarizeOb2(assertion, badgeClass, issuer);
  return badgeClass ? { ...summary, notVerified: true } : summary;
}

/** issuedOn must not be in the future; expires must not precede issuedOn nor be past (as openbadges-validator-core checks them). */
function validityOf(assertion: Json, ctx: VerifyContext): Check {
  return checkValidity({ validFrom: str(assertion.issuedOn), validUntil: str(assertion.expires) }, ctx.now(), ctx.skewSeconds);
}

/** 1.x: follow `verify.url` once; a 2.0 document there is checked as such, a 1.x one is upgraded. */
async function verifyLegacy(given: Json, ctx: VerifyContext): Promise<FormatOutcome> {
  const url = isObject(given.verify) ? str(given.verify.url) : undefined;
  if (!url) return outcome('ob2-hosted', [error('structure', 'OB2_LEGACY_UNSUPPORTED', { reason: 'it has no hosted address' }), skip('hosted')], {});
  let hosted: Json;
  try {
    const doc = await ctx.fetch(url, 'ob2-document');
    if (doc.status === 410)
      return outcome('ob2-hosted', [skip('structure'), skip('hosted', 'NOT_APPLICABLE', GONE_MESSAGE), skip('validity'), fail('status', 'CRED_REVOKED', { url })], {});
    hosted = jsonBody(doc);
  } catch (e) {
    return outcome('ob2-hosted', [skip('structure'), fromThrown('hosted', e)], {});
  }
  if (!isLegacyAssertion(hosted) && hasType(hosted, 'Assertion')) return verifyOb2Json(hosted, ctx);
  let assertion: Json;
  try {
    assertion = upgradeAssertion(hosted, url);
  } catch (e) {
    return outcome('ob2-hosted', [fromThrown('structure', e), skip('hosted')], {});
  }
  const structure = checkOb2Structure(assertion);
  if (structure.status !== 'pass') return outcome('ob2-hosted', [structure, skip('hosted'), skip('validity'), skip('status')], { assertion });
  const result = await verifyUpgradedHosted(assertion, ctx);
  const [hostedCheck, status] = result.checks as [Check, Check];
  const trusted = hostedCheck.status === 'pass';
  const validity = trusted ? validityOf(assertion, ctx) : skip('validity');
  return outcome('ob2-hosted', [structure, hostedCheck, validity, status], { ...result.documents, assertion }, { hostedUrl: url, upgradedFrom: '1.x' }, trusted);
}

function outcome(
  format: 'ob2-hosted' | 'ob2-signed',
  checks: Check[],
  docs: Partial<Ob2Documents>,
  technical: TechnicalDetails = {},
  authentic = false,
): FormatOutcome {
  const assertion = docs.assertion ?? {};
  return {
    format,
    checks,
    required: [...REQUIRED_CHECKS[format]],
    summary: docs.badgeClass ? summarizeOb2(assertion, docs.badgeClass, docs.issuer) : summarizeClaimed(assertion),
    technical,
    // only documents that were checked count as the signed payload
    ...(authentic && docs.assertion && docs.badgeClass && docs.issuer
      ? { credential: { assertion: docs.assertion, badgeClass: docs.badgeClass, issuer: docs.issuer } }
      : {}),
  };
}
