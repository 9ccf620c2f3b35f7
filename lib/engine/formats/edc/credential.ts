/**
 * Reading an ELM v3 European Digital Credential: the structure check, the
 * display summary and the validity window. Every value read here went through
 * the zod schemas in schema.ts first.
 */
import { fail, pass } from '../../checks/result';
import type { ValidityWindow } from '../../checks/validity';
import type { Check, CredentialSummary } from '../../report';
import { label } from './label';
import { EdcCredential, type Claim, type Organisation } from './schema';

const VC_CONTEXTS = ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2'];
/** ELM v3 application-profile context (data.europa.eu/snb/model/context/edc-ap). */
const EDC_CONTEXT_PREFIX = 'http://data.europa.eu/snb/model/context/';


/** The structure check, and the validated credential when it passed. */
export type StructureResult = { check: Check; credential?: EdcCredential };

/** Validates the EDC frame; the credential is returned only when it is well-formed. */
export function checkEdcStructure(value: unknown): StructureResult {
  const parsed = EdcCredential.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'credential';
    return { check: fail('structure', 'STRUCTURE_INVALID', { reason: `${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200) }) };
  }
  const c = parsed.data;
  const contexts = c['@context'].filter((x): x is string => typeof x === 'string');
  if (!VC_CONTEXTS.includes(contexts[0] ?? ''))
    return { check: fail('structure', 'STRUCTURE_CONTEXT', { reason: 'the first @context is not the W3C credentials context' }) };
  if (!contexts.some((x) => x.startsWith(EDC_CONTEXT_PREFIX)))
    return { check: fail('structure', 'STRUCTURE_CONTEXT', { reason: 'the European Learning Model context is missing' }) };
  if (!c.type.includes('VerifiableCredential') || !c.type.includes('EuropeanDigitalCredential'))
    return { check: fail('structure', 'STRUCTURE_TYPE', { reason: 'type must include VerifiableCredential and EuropeanDigitalCredential' }) };
  if (!issuerId(c)) return { check: fail('structure', 'STRUCTURE_ISSUER', { reason: 'the issuer has no identifier' }) };
  const issued = issuanceDate(c);
  if (!issued) return { check: fail('structure', 'STRUCTURE_DATES', { reason: 'no issuance date' }) };
  if (Number.isNaN(Date.parse(issued))) return { check: fail('structure', 'STRUCTURE_DATES', { reason: `"${issued}" is not a date` }) };
  return { check: pass('structure', 'A well-formed European Digital Credential'), credential: c };
}

const issuerId = (c: EdcCredential): string | undefined => (typeof c.issuer === 'string' ? c.issuer : c.issuer.id);

/** ELM keeps both the VC 1.1 `issuanceDate` and its own `issued`; VC 2.0 style `validFrom` may also appear. */
const issuanceDate = (c: EdcCredential): string | undefined => c.issuanceDate ?? c.issued ?? c.validFrom;

/** VC 1.1 §4.6–4.7 dates, with the ELM `validFrom`/`validUntil` preferred where present. */
export function edcValidityWindow(c: EdcCredential): ValidityWindow {
  return { validFrom: c.validFrom ?? c.issuanceDate ?? c.issued, validUntil: c.validUntil ?? c.expirationDate };
}

/** The claims of the subject (`hasClaim` may be one object or an array). */
export const claimsOf = (c: EdcCredential): Claim[] => c.credentialSubject.hasClaim ?? [];

/** The first awarding body named by any claim. */
export function awardingBodyOf(c: EdcCredential): Organisation | undefined {
  for (const claim of claimsOf(c)) {
    const body = claim.awardedBy?.awardingBody?.[0];
    if (body) return body;
  }
  return undefined;
}

/** The learner's display name: fullName, else given + family name. */
export function learnerName(c: EdcCredential): string | undefined {
  const s = c.credentialSubject;
  return label(s.fullName) ?? ([label(s.givenName), label(s.familyName)].filter(Boolean).join(' ') || undefined);
}

/** Display facts, taken only from the (sealed) credential. */
export function summarizeEdc(c: EdcCredential): CredentialSummary {
  const claim = claimsOf(c)[0];
  const issuer = typeof c.issuer === 'string' ? { id: c.issuer } : c.issuer;
  const issuerName = typeof c.issuer === 'string' ? undefined : label(c.issuer.legalName) ?? label(c.issuer.altLabel);
  const email = c.credentialSubject.contactPoint?.[0]?.emailAddress?.[0]?.id;
  const window = edcValidityWindow(c);
  return {
    title: label(claim?.title) ?? label(claim?.specifiedBy?.title),
    description: label(claim?.description) ?? label(claim?.specifiedBy?.description),
    issuer: {
      id: issuer.id,
      name: issuerName,
      url: typeof c.issuer === 'string' ? undefined : c.issuer.homepage?.[0]?.contentURL,
    },
    subject: { id: c.credentialSubject.id ?? email, name: learnerName(c) },
    achievement: claim
      ? { id: claim.id, name: label(claim.specifiedBy?.title) ?? label(claim.title), type: claim.type, description: label(claim.specifiedBy?.description) }
      : undefined,
    validFrom: window.validFrom,
    validUntil: window.validUntil,
    credentialId: c.id,
    types: c.type,
  };
}
