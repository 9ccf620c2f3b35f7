/**
 * W3C Verifiable Credentials and Open Badges 3.0, in the order of OB 3.0
 * §"OpenBadgeCredential Verification": structure → proof → issuer binding →
 * validity → status. Refresh services are never followed (SECURITY.md attack 37).
 */
import type { VerifyContext } from '../../context';
import { fail, skip } from '../../checks/result';
import { signedMismatch } from '../../checks/signed-meaning';
import { readSignedCredential } from '../../jsonld/signed-reading';
import { checkValidity, type ValidityWindow } from '../../checks/validity';
import { checkVcStructure, validityWindow, vcVersion } from './structure';
import { verifyDataIntegrity } from '../../proofs/data-integrity/verify';
import { vcJoseWindow } from '../../proofs/vc-jwt/claims';
import { verifyVcJwt } from '../../proofs/vc-jwt/verify';
import type { Check, TechnicalDetails } from '../../report';
import { checkCredentialStatus } from '../../status';
import { verifyCarried } from './parts';
import { summarizeVc } from './summary';
import { isObject, str } from '../../util/json';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';


/** A JSON credential with (or without) an embedded Data Integrity proof. */
export async function verifyVcJson(credential: Record<string, unknown>, ctx: VerifyContext): Promise<FormatOutcome> {
  const structure = checkVcStructure(credential);
  if (credential.proof === undefined) {
    return finish('vc-unsigned', credential, structure, [fail('proof', 'PROOF_MISSING'), skip('issuer-binding')], {}, ctx, false);
  }
  if (structure.status !== 'pass') {
    return finish('vc-data-integrity', credential, structure, [skip('proof'), skip('issuer-binding')], {}, ctx, false);
  }
  const outcome = await verifyDataIntegrity(credential, ctx);
  return finish('vc-data-integrity', credential, structure, outcome.checks, outcome.technical, ctx, true, outcome.signedDataset);
}

/** A compact JWS whose payload is a credential (VC 2.0, VC-JOSE) or carries one in `vc` (VC 1.1). */
export async function verifyVcJwtPayload(jws: string, ctx: VerifyContext): Promise<FormatOutcome> {
  const outcome = await verifyVcJwt(jws, ctx);
  const credential = outcome.credential;
  if (!credential) {
    // What the token says is still shown, as a Data Integrity credential's JSON is; the verdict says it is not confirmed.
    const summary = outcome.decoded ? summarizeVc(outcome.decoded.credential) : {};
    return { format: 'vc-jwt', checks: outcome.checks, required: [...REQUIRED_CHECKS['vc-jwt']], summary, technical: outcome.technical };
  }
  const structure = checkVcStructure(credential);
  // VC-JOSE-COSE: the signature's exp/nbf narrow the credential's own window without being shown as its dates
  const window = outcome.decoded?.shape === 'vc-jose' ? vcJoseWindow(validityWindow(credential), outcome.claims ?? {}) : undefined;
  return finish('vc-jwt', credential, structure, outcome.checks, outcome.technical, ctx, structure.status === 'pass', undefined, window);
}

async function finish(
  format: FormatOutcome['format'],
  credential: Record<string, unknown>,
  structure: Check,
  proofChecks: Check[],
  technical: TechnicalDetails,
  ctx: VerifyContext,
  continueChecks: boolean,
  signedDataset?: string,
  /** the window the validity check uses when it is not the credential's own (VC-JOSE) */
  window: ValidityWindow = validityWindow(credential),
): Promise<FormatOutcome> {
  const summary = summarizeVc(credential);
  // An RDFC proof signs the dataset: what the JSON says must be what was signed (SECURITY.md row 43).
  const drift = signedDataset === undefined ? undefined : signedMismatch(credential, summary, readSignedCredential(signedDataset, str(credential.id)));
  if (drift) proofChecks = [fail('proof', 'DI_SIGNED_DATA_MISMATCH', { field: drift }), skip('issuer-binding')];
  const checks: Check[] = [structure, ...proofChecks];
  const authentic = continueChecks && proofChecks.every((c) => c.status === 'pass' || c.code === 'NOT_APPLICABLE');
  // what it carries is checked unless the credential itself is forged or malformed (its content could be anything)
  const forged = !continueChecks || checks.some((c) => c.status === 'fail' && (c.id === 'structure' || c.id === 'proof' || c.id === 'issuer-binding'));
  // The status list and the carried credentials (endorsements, CLR entries) need their own
  // fetches and do not depend on each other: start both at once, so the slowest row of a
  // profile waits for one round trip less (SECURITY.md budgets: network).
  const [status, carried] = await Promise.all([
    authentic ? checkCredentialStatus(credential, ctx) : undefined,
    verifyCarried(credential, ctx, !forged),
  ]);
  if (status) checks.push(checkValidity(window, ctx.now(), ctx.skewSeconds), status);
  else checks.push(skip('validity'), skip('status'));
  checks.push(...carried.checks);
  return {
    format,
    checks,
    required: [...REQUIRED_CHECKS[format]],
    summary,
    technical: {
      ...technical,
      vcVersion: vcVersion(credential),
      ...(carried.endorsementsNotChecked ? { endorsementsNotChecked: carried.endorsementsNotChecked } : {}),
    },
    credential,
    ...(carried.parts.length ? { parts: carried.parts } : {}),
  };
}

// A document that opens with a W3C credentials context is a credential even without the
// VerifiableCredential type, so that omission is reported as STRUCTURE_TYPE (VCDM 2.0 §4.5;
// the W3C suite's no-type-fail), not as an unknown format.
export const isVcJson = (v: unknown): v is Record<string, unknown> =>
  isObject(v) &&
  ((Array.isArray(v.type) ? v.type.includes('VerifiableCredential') : v.type === 'VerifiableCredential') ||
    vcVersion(v) !== undefined);

