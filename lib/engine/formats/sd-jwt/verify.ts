/**
 * SD-JWT (RFC 9901) and what it secures: an IETF SD-JWT VC
 * (draft-ietf-oauth-sd-jwt-vc, `vct`; `typ: dc+sd-jwt`, formerly `vc+sd-jwt`),
 * a W3C credential (VC-JOSE-COSE §3.2, `@context`) or a W3C presentation
 * (§3.2.2) secured with SD-JWT.
 *
 * Order (RFC 9901 §7.1, §7.3), for safety: the serialization and the
 * issuer-signed JWT's algorithm and type are vetted, and the disclosures are
 * held against the signed digests, before anything is fetched; then the
 * issuer's key is found and bound (lib/engine/formats/sd-jwt/issuer.ts), the
 * signature checked, the key binding JWT checked with the `cnf` key, and only
 * then validity and status. Only the processed payload — signed claims and
 * the disclosed ones — is shown or handed on (SECURITY.md row 58).
 */
import { error, fail, fromThrown, pass, skip } from '../../checks/result';
import { checkValidity, type ValidityWindow } from '../../checks/validity';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { checkJwtClaims, vcJoseWindow } from '../../proofs/vc-jwt/claims';
import { decodeJws, firstVerifying, isoFromNumericDate, type DecodedJws } from '../../proofs/vc-jwt/jws';
import { shownType, tokenKind } from '../../proofs/vc-jwt/token-types';
import { headerDetails, keyDetails } from '../../proofs/vc-jwt/verify';
import type { Check, CredentialSummary, TechnicalDetails } from '../../report';
import { checkCredentialStatus } from '../../status';
import { checkTokenStatus } from '../../status/token-status-list';
import { idOf, isObject } from '../../util/json';
import { holderProofOfJwt } from '../presentation/holder';
import { checkPresentationStructure, holderOf, isPresentation } from '../presentation/structure';
import { assemblePresentation } from '../presentation/verify';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';
import { checkVcStructure, validityWindow } from '../vc/structure';
import { summarizeVc } from '../vc/summary';
import { decodeDisclosures, hashOf, processPayload, type ProcessedPayload } from './disclosures';
import { chooseIssuerKeys, type IssuerKeyChoice } from './issuer';
import { checkKeyBinding } from './key-binding';
import { splitSdJwt, type SdJwtParts } from './serialization';
import { summarizeSdJwtVc } from './summary';

export { looksLikeSdJwt } from './serialization';

/**
 * Registered claims an SD-JWT VC must not disclose selectively (draft §2.2.2.3):
 * the issuer, the validity window, the holder key, the type and the status.
 * A holder could otherwise keep back `exp` or `status` and look current.
 */
const NEVER_DISCLOSED: ReadonlySet<string> = new Set(['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'aka_vcts', 'status']);

/** What the processed payload is. */
type Profile = 'sd-jwt-vc' | 'w3c-vc' | 'w3c-vp';

interface Opened {
  parts: SdJwtParts;
  token: DecodedJws;
  signed: Record<string, unknown>;
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  processed: ProcessedPayload;
}

/** Everything that needs no network: serialization, header, disclosures. Throws VerifierError. */
async function open(text: string): Promise<Opened> {
  const parts = splitSdJwt(text);
  const token = decodeJws(parts.issuerJwt);
  const kind = tokenKind(token.header.typ);
  if (kind !== 'sd-jwt' && kind !== 'jwt') throw new VerifierError('JWS_INVALID', { reason: `the token is typed "${shownType(token.header.typ)}", not as an SD-JWT` });
  if (!isObject(token.payload)) throw new VerifierError('SD_JWT_INVALID', { reason: 'the issuer-signed payload is not a JSON object' });
  const hash = hashOf(token.payload._sd_alg);
  const processed = processPayload(token.payload, await decodeDisclosures(parts.disclosures, hash));
  return { parts, token, signed: token.payload, hash, processed };
}

function profileOf(opened: Opened): Profile | undefined {
  const { payload } = opened.processed;
  if (payload.vct !== undefined) return 'sd-jwt-vc';
  if (payload['@context'] === undefined) return undefined;
  return isPresentation(payload) ? 'w3c-vp' : 'w3c-vc';
}

/**
 * Verifies a compact SD-JWT (with or without key binding). Every problem is a
 * check; it throws only for a presentation met inside a presentation.
 * @example const outcome = await verifySdJwt('eyJ…~WyJ…~', ctx)
 */
export async function verifySdJwt(text: string, ctx: VerifyContext): Promise<FormatOutcome> {
  let opened: Opened;
  try {
    opened = await open(text);
  } catch (e) {
    // a forged disclosure is the claims' problem; anything else is the token's
    const check = fromThrown('claims', e);
    const first = check.code === 'SD_JWT_DISCLOSURE_INVALID' ? [skip('proof'), check] : [fromThrown('proof', e), skip('claims')];
    return { format: 'sd-jwt-vc', checks: [...first, skip('issuer-binding')], required: [...REQUIRED_CHECKS['sd-jwt-vc']], summary: {}, technical: {} };
  }
  const profile = profileOf(opened);
  if (profile === 'w3c-vp') return verifyPresentationSdJwt(opened, ctx);
  return verifyCredential(opened, profile, ctx);
}

async function verifyCredential(opened: Opened, profile: Profile | undefined, ctx: VerifyContext): Promise<FormatOutcome> {
  const { token, signed, processed, parts, hash } = opened;
  const claims = processed.payload;
  const structure = profile === 'w3c-vc' ? checkVcStructure(claims) : checkSdJwtVcStructure(opened, profile);
  const issuer = profile === 'w3c-vc' ? idOf(claims.issuer) : typeof claims.iss === 'string' ? claims.iss : undefined;
  const claimsCheck = profile === 'w3c-vc' ? w3cClaims(signed, claims) : sdJwtVcClaims(processed);
  const summary: CredentialSummary = profile === 'w3c-vc' ? summarizeVc(claims) : summarizeSdJwtVc(claims);
  const technical: TechnicalDetails = { ...headerDetails(token), ...disclosureDetails(opened) };

  const signingTime = new Date(isoFromNumericDate(signed.iat) ? Date.parse(isoFromNumericDate(signed.iat)!) : ctx.now());
  const choice = await chooseIssuerKeys(token, issuer, profile === 'w3c-vc' ? 'w3c-issuer' : 'iss', signingTime, ctx);
  const { proof, binding, keyTechnical } = await checkSignature(token, choice);
  const keyBinding = await checkKeyBinding(parts.kbJwt, claims.cnf, parts.presented, hash, ctx);
  const checks: Check[] = [structure, proof, binding, claimsCheck, keyBinding.check];
  const authentic = [structure, proof, binding, claimsCheck].every((c) => c.status === 'pass') && keyBinding.check.status !== 'fail';
  if (authentic) {
    const window: ValidityWindow = profile === 'w3c-vc' ? vcJoseWindow(validityWindow(claims), signed) : { validFrom: isoFromNumericDate(claims.nbf), validUntil: isoFromNumericDate(claims.exp) };
    checks.push(checkValidity(window, ctx.now(), ctx.skewSeconds));
    checks.push(profile === 'w3c-vc' ? await checkCredentialStatus(claims, ctx) : await checkTokenStatus(claims.status, statusKeys(issuer, profile, ctx), ctx));
  } else {
    checks.push(skip('validity'), skip('status'));
  }
  return {
    format: 'sd-jwt-vc',
    checks,
    required: [...REQUIRED_CHECKS['sd-jwt-vc']],
    summary,
    technical: { ...technical, ...choice.technical, ...keyTechnical, ...keyBinding.technical },
    // the processed payload: what the issuer signed in the clear and what the holder disclosed, nothing kept back
    ...(proof.status === 'pass' ? { credential: claims } : {}),
  };
}

/** The 'structure' check of an IETF SD-JWT VC (draft §2.2), or of an SD-JWT that is not a credential Credlens reads. */
function checkSdJwtVcStructure(opened: Opened, profile: Profile | undefined): Check {
  const claims = opened.processed.payload;
  const typ = typeof opened.token.header.typ === 'string' ? opened.token.header.typ.toLowerCase().replace(/^application\//, '') : undefined;
  if (profile === undefined) {
    // draft §2.2.1: dc+sd-jwt "indicates that the payload … follows the rules defined in this specification"
    if (typ === 'dc+sd-jwt') return fail('structure', 'STRUCTURE_TYPE', { reason: 'an SD-JWT VC needs a vct' });
    return error('structure', 'INPUT_UNSUPPORTED_FORMAT', { reason: 'an SD-JWT that is neither an SD-JWT VC (no vct) nor a W3C credential' });
  }
  if (typeof claims.vct !== 'string' || claims.vct === '') return fail('structure', 'STRUCTURE_TYPE', { reason: 'vct must be a string' });
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    if (claims[claim] !== undefined && isoFromNumericDate(claims[claim]) === undefined) return fail('structure', 'STRUCTURE_DATES', { reason: `${claim} is not a NumericDate` });
  }
  if (claims.iss !== undefined && typeof claims.iss !== 'string') return fail('structure', 'STRUCTURE_ISSUER', { reason: 'iss must be a string' });
  if (claims.iss === undefined && opened.token.header.x5c === undefined) return fail('structure', 'STRUCTURE_ISSUER', { reason: 'it names no issuer and carries no certificate' });
  return pass('structure', `Well-formed SD-JWT VC (${claims.vct.slice(0, 120)})`, { vct: claims.vct.slice(0, 200) });
}

/** The 'claims' check of an SD-JWT VC: the disclosures held, and none of them is a claim that must stay in the clear. */
function sdJwtVcClaims(processed: ProcessedPayload): Check {
  const forbidden = processed.disclosed.find((path) => NEVER_DISCLOSED.has(path));
  if (forbidden) return fail('claims', 'SD_JWT_DISCLOSURE_INVALID', { reason: `"${forbidden}" must not be selectively disclosed` });
  return pass('claims', disclosedMessage(processed), { disclosed: processed.disclosed.length, undisclosed: processed.undisclosed });
}

/** The 'claims' check of a W3C credential secured with SD-JWT: the disclosures held, and `iss` is the issuer. */
function w3cClaims(signed: Record<string, unknown>, claims: Record<string, unknown>): Check {
  const jwt = checkJwtClaims(signed, claims, 'vc-jose');
  return jwt.status === 'pass' ? pass('claims', 'The disclosed claims belong to the signed credential') : jwt;
}

const disclosedMessage = (processed: ProcessedPayload): string =>
  `${processed.disclosed.length} disclosed claim${processed.disclosed.length === 1 ? '' : 's'}, each signed by the issuer` +
  (processed.undisclosed ? `; ${processed.undisclosed} kept back or decoys` : '');

function disclosureDetails(opened: Opened): TechnicalDetails {
  return {
    sdAlg: typeof opened.signed._sd_alg === 'string' ? opened.signed._sd_alg : 'sha-256',
    disclosedClaims: opened.processed.disclosed.slice(0, 100),
    undisclosedDigests: opened.processed.undisclosed,
    keyBinding: opened.parts.kbJwt !== undefined,
  };
}

/** Checks the issuer-signed JWT with the chosen keys: the 'proof' and 'issuer-binding' checks. */
async function checkSignature(token: DecodedJws, choice: IssuerKeyChoice): Promise<{ proof: Check; binding: Check; keyTechnical: TechnicalDetails }> {
  if (choice.candidates.length === 0) return { proof: skip('proof'), binding: choice.unavailable ?? fail('issuer-binding', 'JWT_NO_KEY'), keyTechnical: {} };
  try {
    const verified = await firstVerifying(token, choice.candidates);
    if (!verified) return { proof: fail('proof', 'JWS_SIGNATURE_INVALID'), binding: choice.candidates[0]!.binding, keyTechnical: keyDetails(choice.candidates[0]) };
    return { proof: pass('proof', 'The issuer signature is valid', { alg: token.alg }), binding: verified.binding, keyTechnical: keyDetails(verified) };
  } catch (e) {
    return { proof: fromThrown('proof', e), binding: choice.candidates[0]!.binding, keyTechnical: keyDetails(choice.candidates[0]) };
  }
}

/** The keys a status list token must be signed with: found for the credential's issuer the way its own key was. */
function statusKeys(issuer: string | undefined, profile: Profile | undefined, ctx: VerifyContext) {
  return async (statusToken: DecodedJws) => {
    const choice = await chooseIssuerKeys(statusToken, issuer, profile === 'w3c-vc' ? 'w3c-issuer' : 'iss', new Date(ctx.now()), ctx);
    return choice.candidates.filter((c) => c.binding.status === 'pass');
  };
}

/** A W3C presentation secured with SD-JWT (VC-JOSE-COSE §3.2.2): the holder signed it, and its credentials are the parts. */
async function verifyPresentationSdJwt(opened: Opened, ctx: VerifyContext): Promise<FormatOutcome> {
  if (ctx.nestedAs === 'presented') throw new VerifierError('INPUT_UNSUPPORTED_FORMAT', { reason: 'a presentation inside a presentation' });
  const vp = opened.processed.payload;
  const structure = checkPresentationStructure(vp);
  const holder = await holderProofOfJwt(opened.token, opened.signed, holderOf(vp), ctx);
  return assemblePresentation(vp, structure, holder, ctx, disclosureDetails(opened));
}
