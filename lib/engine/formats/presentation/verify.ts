/**
 * Verifiable Presentations (VC Data Model 2.0 §4.13, 1.1 §4.10): a holder's
 * wrapper around credentials, as JSON-LD (signed by the holder with a Data
 * Integrity proof, or not signed at all), as a VP-JWT (VC 1.1 §6.3.1: the
 * `vp` claim), as VC-JOSE-COSE `vp+jwt` (§3.1.2) or `vp+sd-jwt` (§3.2.2).
 *
 * The presentation's own report (format `vp`): its structure; its holder's
 * signature ('proof': passed when valid and made with the holder's key,
 * "no holder signature" when absent, which is not a failure); and the
 * credentials it carries ('parts', each with its own report, role
 * `presented`), whose worst verdict is the presentation's
 * (lib/engine/formats/presentation/parts.ts; SECURITY.md row 59). A
 * presentation inside a presentation is not followed.
 */
import { fromThrown, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { decodeJws, isoFromNumericDate, type DecodedJws } from '../../proofs/vc-jwt/jws';
import { contentTypeFits, shownType, tokenKind } from '../../proofs/vc-jwt/token-types';
import type { Check, CredentialSummary, TechnicalDetails } from '../../report';
import { asArray, isObject } from '../../util/json';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';
import { holderProofOfJsonLd, holderProofOfJwt, type HolderProof } from './holder';
import { verifyPresented } from './parts';
import { checkPresentationStructure, holderOf, isPresentation, presentationVersion } from './structure';

export { isPresentation };

/** A presentation met as a presented credential: one level only (SECURITY.md row 59). */
function refuseNested(ctx: VerifyContext): void {
  if (ctx.nestedAs === 'presented') throw new VerifierError('INPUT_UNSUPPORTED_FORMAT', { reason: 'a presentation inside a presentation' });
}

/** A JSON-LD presentation, signed by its holder or not. */
export async function verifyPresentationJson(vp: Record<string, unknown>, ctx: VerifyContext): Promise<FormatOutcome> {
  refuseNested(ctx);
  const structure = checkPresentationStructure(vp);
  const holder = structure.status === 'pass' ? await holderProofOfJsonLd(vp, ctx) : { check: skip('proof'), technical: {}, signed: vp.proof !== undefined };
  return assemblePresentation(vp, structure, holder, ctx);
}

/** Whether a JWT payload carries a presentation (VC 1.1 `vp` claim, or a VC 2.0 presentation as the payload). */
export const carriesPresentation = (header: unknown, claims: unknown): boolean =>
  (isObject(header) && tokenKind(header.typ) === 'vp') || (isObject(claims) && (isObject(claims.vp) || isPresentation(claims)));

/** The presentation a VP-JWT carries, and whether it is in the VC 1.1 encoding (whose credentials may be JWS strings). */
function presentationOf(token: DecodedJws): { vp: Record<string, unknown>; legacy: boolean } {
  const kind = tokenKind(token.header.typ);
  if (kind !== 'jwt' && kind !== 'vp') throw new VerifierError('JWS_INVALID', { reason: `the token is typed "${shownType(token.header.typ)}", not as a presentation` });
  const claims = token.payload;
  if (!isObject(claims)) throw new VerifierError('JWS_INVALID', { reason: 'payload is not a JSON object' });
  if (kind === 'vp') {
    if (!contentTypeFits(token.header.cty, 'vp')) throw new VerifierError('JWS_INVALID', { reason: `content type "${shownType(token.header.cty)}" is not a presentation` });
    // VC-JOSE-COSE §3.1.2: the payload is the presentation itself
    if (claims.vc !== undefined || claims.vp !== undefined) throw new VerifierError('JWS_INVALID', { reason: 'a vp+jwt payload is the presentation itself and must carry no vc or vp claim' });
    return { vp: claims, legacy: false };
  }
  if (isObject(claims.vp)) return { vp: claims.vp, legacy: true };
  return { vp: claims, legacy: false };
}

/** A presentation secured as a compact JWS. */
export async function verifyPresentationJwt(jws: string, ctx: VerifyContext): Promise<FormatOutcome> {
  refuseNested(ctx);
  let token: DecodedJws;
  let vp: Record<string, unknown>;
  let legacy: boolean;
  try {
    token = decodeJws(jws);
    ({ vp, legacy } = presentationOf(token));
  } catch (e) {
    return { format: 'vp', checks: [fromThrown('proof', e), skip('parts')], required: [...REQUIRED_CHECKS.vp], summary: {}, technical: {} };
  }
  const claims = token.payload as Record<string, unknown>;
  const structure = checkPresentationStructure(vp, legacy);
  const holder = await holderProofOfJwt(token, claims, holderOf(vp), ctx);
  const expires = isoFromNumericDate(claims.exp);
  return assemblePresentation(vp, structure, holder, ctx, expires ? { presentationExpires: expires } : {});
}

/**
 * The report of a presentation whose holder proof was checked: its
 * credentials are verified unless its structure is broken (then its shape
 * cannot be trusted to say what it carries).
 */
export async function assemblePresentation(
  vp: Record<string, unknown>,
  structure: Check,
  holder: HolderProof,
  ctx: VerifyContext,
  technical: TechnicalDetails = {},
): Promise<FormatOutcome> {
  const presented = structure.status === 'pass' ? await verifyPresented(vp, ctx) : { parts: [], check: skip('parts') };
  const count = asArray(vp.verifiableCredential).length;
  return {
    format: 'vp',
    checks: [structure, holder.check, presented.check],
    required: [...REQUIRED_CHECKS.vp],
    summary: presentationSummary(vp, count, holder.signed),
    technical: { ...holder.technical, ...technical, ...(presentationVersion(vp) ? { vcVersion: presentationVersion(vp) } : {}) },
    ...(presented.parts.length ? { parts: presented.parts } : {}),
  };
}

/** "Presented by <holder>; N credentials" (the credentials themselves are the parts' summaries). */
function presentationSummary(vp: Record<string, unknown>, count: number, holderSigned: boolean): CredentialSummary {
  const holder = holderOf(vp);
  const credentials = `${count} credential${count === 1 ? '' : 's'}`;
  return {
    title: `Presentation of ${credentials}`,
    description: `Presented by ${holder ?? 'an unnamed holder'}; ${credentials}`,
    ...(holder ? { subject: { id: holder } } : {}),
    presentation: { ...(holder ? { holder } : {}), credentials: count, holderSigned },
    ...(typeof vp.id === 'string' ? { credentialId: vp.id } : {}),
    types: asArray(vp.type).filter((t): t is string => typeof t === 'string'),
  };
}
