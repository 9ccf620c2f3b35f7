/**
 * European Digital Credentials (ELM v3 JSON-LD), sealed with JAdES or not,
 * and legacy Europass (EDCI v1) XML. The order follows the EDCI verifier
 * (european-commission-empl/european-digital-credentials; its checks are the
 * vocabulary data.europa.eu/snb/verification/25831c2): seal → format
 * (structure) → certificate → validity → revocation. The credential's content
 * is read only from the sealed payload.
 */
import type { VerifyContext } from '../../context';
import { fail, fromThrown, pass, skip } from '../../checks/result';
import { checkValidity } from '../../checks/validity';
import { checkSealCertificate } from './certificate';
import { checkEdcStructure, edcValidityWindow, summarizeEdc } from './credential';
import { verifyEdciXml } from './edci-xml';
import { openEnvelope, signatureMatches, thumbprintMatches, type SealEnvelope } from './jades';
import type { EdcCredential } from './schema';
import { QC_COMPLIANCE, QC_TYPE_ESEAL } from './extensions';
import { checkSealIssuer } from './issuer-binding';
import { describeSubject, type SealCertificate } from './x509';
import type { Check, CheckId, TechnicalDetails } from '../../report';
import { checkCredentialStatus } from '../../status';
import { asArray, isObject, parseJsonCapped } from '../../util/json';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';

const REQUIRED: CheckId[] = [...REQUIRED_CHECKS.edc];

/** A JAdES envelope (JWS JSON general or flattened serialization) or a bare ELM credential. */
export const isEdcJson = (v: unknown): boolean =>
  isObject(v) &&
  ((typeof v.payload === 'string' && (Array.isArray(v.signatures) || (typeof v.protected === 'string' && typeof v.signature === 'string'))) ||
    asArray(v.type).includes('EuropeanDigitalCredential'));

/** Verifies EDC JSON text (sealed or not) or EDCI XML. Resolves with checks; throws only VerifierErrors for unreadable input. */
export async function verifyEdc(text: string, ctx: VerifyContext): Promise<FormatOutcome> {
  if (text.startsWith('<')) return verifyEdciXml(text, ctx);
  const json = parseJsonCapped(text);
  if (isObject(json) && typeof json.payload === 'string') return verifySealed(json, ctx);
  // Unsealed, like an unsigned W3C credential (formats/vc.ts): nothing vouches for its origin, so the seal check fails.
  const structure = checkEdcStructure(json);
  return finish(structure.check, [fail('seal', 'PROOF_MISSING'), skip('certificate'), skip('issuer-binding')], structure.credential, {}, ctx, false);
}

async function verifySealed(json: Record<string, unknown>, ctx: VerifyContext): Promise<FormatOutcome> {
  let envelope: SealEnvelope;
  try {
    envelope = openEnvelope(json);
  } catch (e) {
    return { format: 'edc', checks: [skip('structure'), fromThrown('seal', e), skip('certificate'), skip('validity')], required: REQUIRED, summary: {}, technical: { sealType: 'JAdES' } };
  }
  const technical = sealTechnical(envelope);
  const seal = await checkSeal(envelope, ctx);
  let payload: unknown;
  try {
    payload = parseJsonCapped(envelope.payloadText);
  } catch (e) {
    return { format: 'edc', checks: [fromThrown('structure', e), seal, skip('certificate'), skip('validity')], required: REQUIRED, summary: {}, technical };
  }
  const structure = checkEdcStructure(payload);
  const sealed = seal.status === 'pass';
  const certificate = sealed ? await checkSealCertificate(envelope.certificates, envelope.signingTime) : skip('certificate');
  const binding = sealed && structure.credential ? checkSealIssuer(envelope.certificates[0]!, structure.credential) : skip('issuer-binding');
  return finish(structure.check, [seal, certificate, binding], structure.credential, technical, ctx, sealed);
}

/** The signature over the payload, by the leaf certificate's key. */
async function checkSeal(envelope: SealEnvelope, ctx: VerifyContext): Promise<Check> {
  // sigT is the signer's own claim; a time after now (beyond clock skew) cannot be true
  if (envelope.signingTime.getTime() > ctx.now() + ctx.skewSeconds * 1000)
    return fail('seal', 'SEAL_INVALID', { reason: `the signing time ${envelope.signingTime.toISOString()} lies in the future` });
  try {
    if (!(await thumbprintMatches(envelope)))
      return fail('seal', 'SEAL_INVALID', { reason: 'the certificate thumbprint (x5t#S256) does not match the certificate' });
    if (!(await signatureMatches(envelope))) return fail('seal', 'SEAL_SIGNATURE_INVALID');
    return pass('seal', `Sealed by ${describeSubject(envelope.certificates[0]!)} on ${envelope.signingTime.toISOString()}; not changed since`);
  } catch (e) {
    return fromThrown('seal', e);
  }
}

function sealTechnical(envelope: SealEnvelope): TechnicalDetails {
  const leaf = envelope.certificates[0]!;
  return {
    sealType: 'JAdES',
    alg: envelope.header.alg,
    signingTime: envelope.signingTime.toISOString(),
    certificateSubject: describeSubject(leaf),
    certificateIssuer: leaf.issuer.O ?? leaf.issuer.CN,
    certificateValidity: `${leaf.notBefore.toISOString()} – ${leaf.notAfter.toISOString()}`,
    chainLength: envelope.certificates.length,
    ...qualifiedClaim(leaf),
    ...(envelope.unprotectedKeys.length ? { unsignedProperties: envelope.unprotectedKeys.join(', ') } : {}),
  };
}

/** What the certificate says about itself (ETSI EN 319 412-5); shown, but only the EU trusted lists could confirm it. */
function qualifiedClaim(leaf: SealCertificate): TechnicalDetails {
  const statements = leaf.extensions.qcStatements;
  if (!statements.includes(QC_COMPLIANCE)) return {};
  return { certificateQualifiedClaim: statements.includes(QC_TYPE_ESEAL) ? 'qualified seal (stated by the certificate)' : 'qualified (stated by the certificate)' };
}

async function finish(
  structure: Check,
  sealChecks: Check[],
  credential: EdcCredential | undefined,
  technical: TechnicalDetails,
  ctx: VerifyContext,
  authentic: boolean,
): Promise<FormatOutcome> {
  const checks: Check[] = [structure, ...sealChecks];
  if (authentic && credential) {
    checks.push(checkValidity(edcValidityWindow(credential), ctx.now(), ctx.skewSeconds));
    // ELM v3 publishes revocation as `status` entries (StatusList2021Entry); VC 1.1 calls them credentialStatus.
    const entries = [...(credential.credentialStatus ?? []), ...(credential.status ?? [])];
    checks.push(await checkCredentialStatus({ credentialStatus: entries }, ctx));
  } else {
    checks.push(skip('validity'), skip('status'));
  }
  return {
    format: 'edc',
    checks,
    required: REQUIRED,
    summary: credential ? summarizeEdc(credential) : {},
    technical: { ...technical, edcVersion: 'ELM v3' },
    ...(credential ? { credential } : {}),
  };
}
