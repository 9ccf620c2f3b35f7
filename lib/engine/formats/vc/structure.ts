/**
 * Data-model checks for a W3C credential (VC 1.1 and 2.0) and its Open Badges
 * 3.0 profile, before any cryptography: the rules the W3C VCDM 2.0 test suite
 * calls *-fail (w3c/vc-data-model-2.0-test-suite; SECURITY.md attack 42) and
 * the first steps of OB 3.0 §"OpenBadgeCredential Verification" (version,
 * type, schema conformance).
 */
import type { Check } from '../../report';
import { asArray, idOf, isObject } from '../../util/json';
import { fail, pass } from '../../checks/result';

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

/** OB 3.0 / CLR 2.0 types that carry a badge or achievement. */
const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];
const OB3_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/(ob\/v3p0|clr\/v2p0)\//;

export function vcVersion(credential: Record<string, unknown>): '1.1' | '2.0' | undefined {
  const first = asArray(credential['@context'])[0];
  return first === VC_V2 ? '2.0' : first === VC_V1 ? '1.1' : undefined;
}

const isUrl = (s: unknown): s is string => typeof s === 'string' && /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(s);
const isDateTime = (s: unknown): boolean =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s) && !Number.isNaN(Date.parse(s));

export function checkVcStructure(credential: Record<string, unknown>): Check {
  const contexts = asArray(credential['@context']);
  const version = vcVersion(credential);
  if (!version) return fail('structure', 'STRUCTURE_CONTEXT', { reason: 'the first @context must be the W3C credentials context' });
  if (contexts.some((c) => !(typeof c === 'string' || isObject(c))))
    return fail('structure', 'STRUCTURE_CONTEXT', { reason: '@context entries must be URLs or objects' });

  const types = asArray(credential.type);
  if (!types.includes('VerifiableCredential')) return fail('structure', 'STRUCTURE_TYPE', { reason: 'type must include VerifiableCredential' });
  if (types.some((t) => typeof t !== 'string')) return fail('structure', 'STRUCTURE_TYPE', { reason: 'types must be strings' });
  const isOb3 = contexts.some((c) => typeof c === 'string' && OB3_CONTEXT.test(c));
  if (isOb3 && !types.some((t) => OB3_TYPES.includes(t as string)))
    return fail('structure', 'STRUCTURE_TYPE', { reason: 'an Open Badges 3.0 credential must be an OpenBadgeCredential or AchievementCredential' });

  if (credential.id !== undefined && !isUrl(credential.id)) return fail('structure', 'STRUCTURE_ID', { reason: 'id must be a URL' });

  const issuer = credential.issuer;
  if (Array.isArray(issuer)) return fail('structure', 'STRUCTURE_ISSUER', { reason: 'there must be exactly one issuer' });
  if (!isUrl(idOf(issuer))) return fail('structure', 'STRUCTURE_ISSUER', { reason: 'issuer must be a URL or an object with a URL id' });

  const subjects = asArray(credential.credentialSubject);
  if (subjects.length === 0 || subjects.some((s) => !isObject(s) || Object.keys(s).length === 0))
    return fail('structure', 'STRUCTURE_SUBJECT', { reason: 'credentialSubject must be a non-empty object' });
  if (subjects.some((s) => isObject(s) && s.id !== undefined && !isUrl(s.id)))
    return fail('structure', 'STRUCTURE_SUBJECT', { reason: 'credentialSubject.id must be a URL' });
  if (isOb3 && types.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential')) {
    // OB 3.0 asks for an id or identifier, but real issuers (e.g. DCC) omit both; that leaves the
    // credential unbound to a person, which the recipient check reports, rather than malformed.
    const s = subjects[0] as Record<string, unknown>;
    if (!isObject(s.achievement)) return fail('structure', 'STRUCTURE_SUBJECT', { reason: 'an Open Badges subject needs an achievement' });
  }

  const dates = version === '2.0' ? ['validFrom', 'validUntil'] : ['issuanceDate', 'expirationDate', 'validFrom', 'validUntil'];
  for (const field of dates) {
    const v = credential[field];
    if (v !== undefined && !isDateTime(v)) return fail('structure', 'STRUCTURE_DATES', { reason: `${field} is not a date-time` });
  }
  if (version === '1.1' && credential.issuanceDate === undefined)
    return fail('structure', 'STRUCTURE_DATES', { reason: 'a VC 1.1 credential needs issuanceDate' });

  for (const status of asArray(credential.credentialStatus)) {
    if (!isObject(status) || typeof status.type !== 'string')
      return fail('structure', 'STRUCTURE_STATUS', { reason: 'each credentialStatus needs a type' });
    if (status.id !== undefined && !isUrl(status.id)) return fail('structure', 'STRUCTURE_STATUS', { reason: 'credentialStatus.id must be a URL' });
  }
  for (const field of ['evidence', 'termsOfUse', 'refreshService', 'credentialSchema'] as const) {
    for (const item of asArray(credential[field])) {
      if (!isObject(item) || item.type === undefined)
        return fail('structure', 'STRUCTURE_INVALID', { reason: `each ${field} entry needs a type` });
    }
  }
  for (const item of asArray(credential.credentialSchema)) {
    if (isObject(item) && !isUrl(item.id)) return fail('structure', 'STRUCTURE_INVALID', { reason: 'credentialSchema needs a URL id' });
  }
  return pass('structure', `Well-formed W3C credential (data model ${version})`, { vcVersion: version });
}

/** The validity window under either data-model version. */
export function validityWindow(credential: Record<string, unknown>): { validFrom?: string; validUntil?: string } {
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    validFrom: s(credential.validFrom) ?? s(credential.issuanceDate),
    validUntil: s(credential.validUntil) ?? s(credential.expirationDate),
  };
}
