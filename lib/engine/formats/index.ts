/**
 * The credential formats, in one table: which payloads each takes and which
 * checks must pass for its verdict to be `verified`. A payload (JSON text, a
 * compact JWS or XML, once unwrapped from its container) goes to the first
 * format that takes it; none → INPUT_UNKNOWN_FORMAT ("could not be checked").
 * Adding a format is adding a row (ARCHITECTURE.md).
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { decodeJwsHeader, decodeJwsPayload, isJwsCompact } from '../extract/jws';
import { LIMITS } from '../limits';
import { handOverPayload } from '../proofs/vc-jwt/jws';
import type { Format } from '../report';
import { countJsonNodes, isObject, parseJsonCapped } from '../util/json';
import { isBlockcertsJson, verifyBlockcerts } from './blockcerts/verify';
import { isEdcJson, verifyEdc } from './edc/verify';
import { isOb2Json, isOb2JwsPayload, verifyOb2Json, verifyOb2Jws } from './ob2/verify';
import type { FormatOutcome } from './types';
import { looksLikeCoseText } from './cose';
import { isDataUrl, isEnvelope, openEnvelope, readDataUrl } from './presentation/enveloped';
import { carriesPresentation, isPresentation, verifyPresentationJson, verifyPresentationJwt } from './presentation/verify';
import { compactFromJson, isSdJwtJson } from './sd-jwt/serialization';
import { looksLikeSdJwt, verifySdJwt } from './sd-jwt/verify';

export { REQUIRED_CHECKS } from './types';
import { isVcJson, verifyVcJson, verifyVcJwtPayload } from './vc/verify';

/** A payload as the dispatcher reads it, once. */
export type Payload =
  | { kind: 'xml'; text: string }
  | { kind: 'jws'; text: string; header: unknown; claims: unknown }
  | { kind: 'sd-jwt'; text: string }
  /** a COSE object written as hex or base64: recognised so it can be named (lib/engine/formats/cose.ts) */
  | { kind: 'cose'; text: string }
  | { kind: 'json'; text: string; json: unknown };

export interface FormatEntry {
  /** the formats its outcomes carry */
  formats: readonly Format[];
  takes(payload: Payload): boolean;
  verify(payload: Payload, ctx: VerifyContext): Promise<FormatOutcome>;
}

const jsonOf = (p: Payload): unknown => (p.kind === 'json' ? p.json : undefined);

/** VC-JWT 1.1 carries the credential in `vc`; VC 2.0 and VC-JOSE make the payload the credential. */
const carriesVc = (claims: unknown): boolean =>
  isObject(claims) && (isObject(claims.vc) || claims['@context'] !== undefined || claims.credentialSubject !== undefined);

export const FORMATS: readonly FormatEntry[] = [
  // SD-JWT in the JWS JSON Serialization (RFC 9901 §8), read as its compact form; before the JAdES seals, which are JWS JSON too
  { formats: ['sd-jwt-vc', 'vp'], takes: (p) => p.kind === 'json' && isSdJwtJson(p.json), verify: (p, ctx) => verifySdJwt(compactFromJson(jsonOf(p) as Record<string, unknown>), ctx) },
  // European Digital Credentials: ELM XML (legacy) and ELM JSON-LD sealed with JAdES
  { formats: ['edc'], takes: (p) => p.kind === 'xml' || (p.kind === 'json' && isEdcJson(p.json)), verify: (p, ctx) => verifyEdc(p.text, ctx) },
  // Open Badges 2.0 signed assertion (JWS over the assertion)
  { formats: ['ob2-signed'], takes: (p) => p.kind === 'jws' && isOb2JwsPayload(p.claims), verify: (p, ctx) => verifyOb2Jws(p.text, ctx) },
  // COSE (CBOR) credentials: recognised, answered "could not be checked" (SECURITY.md row 60)
  { formats: ['unknown'], takes: (p) => p.kind === 'cose', verify: async () => { throw new VerifierError('COSE_UNSUPPORTED'); } },
  // Verifiable Presentations as a JWS: VC 1.1 VP-JWT (`vp` claim) and VC-JOSE-COSE `vp+jwt`
  { formats: ['vp'], takes: (p) => p.kind === 'jws' && carriesPresentation(p.header, p.claims), verify: (p, ctx) => verifyPresentationJwt(p.text, ctx) },
  // W3C VC / Open Badges 3.0 as a compact JWS (VC-JWT, VC-JOSE-COSE `vc+jwt`)
  { formats: ['vc-jwt'], takes: (p) => p.kind === 'jws' && carriesVc(p.claims), verify: (p, ctx) => verifyVcJwtPayload(p.text, ctx) },
  // SD-JWT (RFC 9901): an SD-JWT VC, or a W3C credential or presentation secured with SD-JWT
  { formats: ['sd-jwt-vc', 'vp'], takes: (p) => p.kind === 'sd-jwt', verify: (p, ctx) => verifySdJwt(p.text, ctx) },
  // Verifiable Presentations as JSON-LD, signed by their holder (Data Integrity) or not
  { formats: ['vp'], takes: (p) => p.kind === 'json' && isPresentation(p.json), verify: (p, ctx) => verifyPresentationJson(jsonOf(p) as Record<string, unknown>, ctx) },
  // W3C VC / Open Badges 3.0 with an embedded Data Integrity proof (or none)
  { formats: ['vc-data-integrity', 'vc-unsigned'], takes: (p) => p.kind === 'json' && isVcJson(p.json), verify: (p, ctx) => verifyVcJson(jsonOf(p) as Record<string, unknown>, ctx) },
  // Blockcerts v1/v2 (an OB 2.0 shape anchored on a blockchain): recognised, answered "could not be checked"
  { formats: ['unknown'], takes: (p) => p.kind === 'json' && isBlockcertsJson(p.json), verify: (p) => verifyBlockcerts(jsonOf(p) as Record<string, unknown>) },
  // Open Badges 2.0 hosted assertion (and older 1.x shapes)
  { formats: ['ob2-hosted', 'ob2-signed'], takes: (p) => p.kind === 'json' && isOb2Json(p.json), verify: (p, ctx) => verifyOb2Json(jsonOf(p) as Record<string, unknown>, ctx) },
];

/** SECURITY.md row 49: a document of more values than any credential needs is refused before any JSON-LD work. */
function checkJsonNodes(json: unknown): void {
  if (countJsonNodes(json, LIMITS.jsonNodes) > LIMITS.jsonNodes) throw new VerifierError('INPUT_TOO_LARGE', { nodes: LIMITS.jsonNodes });
}

/**
 * A token as some wallets and documents print it, wrapped over lines: a compact
 * JWS or SD-JWT never contains whitespace, so text of token characters and
 * whitespace only is read with the whitespace removed. JSON never qualifies.
 */
function unwrapped(text: string): string {
  return /^[A-Za-z0-9_\-.~\s]+$/.test(text) && /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

/** Whether a text is a token (compact JWS or SD-JWT, wrapped or not): the pipeline's container for it is `jws`. */
export function isTokenText(text: string): boolean {
  const compact = unwrapped(text);
  return isJwsCompact(compact) || looksLikeSdJwt(compact);
}

/** Reads a payload's kind and content once, under the JSON caps. */
export function readPayload(text: string): Payload {
  if (text.startsWith('<')) return { kind: 'xml', text };
  const compact = unwrapped(text);
  if (looksLikeSdJwt(compact)) return { kind: 'sd-jwt', text: compact };
  if (isJwsCompact(compact)) {
    const claims = decodeJwsPayload(compact);
    checkJsonNodes(claims);
    // read once: the token's verifier takes this payload instead of decoding it again
    handOverPayload(compact, claims);
    return { kind: 'jws', text: compact, header: decodeJwsHeader(compact), claims };
  }
  if (looksLikeCoseText(text)) return { kind: 'cose', text };
  const json = parseJsonCapped(text);
  checkJsonNodes(json);
  return { kind: 'json', text, json };
}

/**
 * An envelope (VC Data Model 2.0 §4.13.2), or a data: URL given on its own:
 * what it holds is the credential, read as if given directly. Undefined for
 * anything else. One level: an envelope holding an envelope is refused.
 */
function openedEnvelope(text: string, payload: () => Payload): { text: string; mediaType: string } | undefined {
  if (isDataUrl(text)) return readDataUrl(text);
  const p = payload();
  return p.kind === 'json' && isEnvelope(p.json) ? openEnvelope(p.json) : undefined;
}

/**
 * Dispatches a payload (JSON text, compact JWS or SD-JWT, XML, an envelope) to
 * the first format that takes it. `enveloped`: the payload came out of an envelope.
 */
export async function verifyPayload(text: string, ctx: VerifyContext, enveloped = false): Promise<FormatOutcome> {
  let payload: Payload | undefined;
  const read = () => (payload ??= readPayload(text));
  const envelope = openedEnvelope(text, read);
  if (envelope) {
    if (enveloped) throw new VerifierError('STRUCTURE_INVALID', { reason: 'an envelope inside an envelope' });
    const outcome = await verifyPayload(envelope.text, ctx, true);
    return { ...outcome, technical: { ...outcome.technical, envelope: envelope.mediaType } };
  }
  const entry = FORMATS.find((f) => f.takes(read()));
  if (entry) return entry.verify(read(), ctx);
  throw new VerifierError('INPUT_UNKNOWN_FORMAT', read().kind === 'jws' ? { reason: 'a signed token that carries no credential' } : {});
}
