/**
 * The credential formats, in one table: which payloads each takes and which
 * checks must pass for its verdict to be `verified`. A payload (JSON text, a
 * compact JWS or XML, once unwrapped from its container) goes to the first
 * format that takes it; none → INPUT_UNKNOWN_FORMAT ("could not be checked").
 * Adding a format is adding a row (ARCHITECTURE.md).
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { decodeJwsPayload, isJwsCompact } from '../extract/jws';
import { LIMITS } from '../limits';
import type { Format } from '../report';
import { countJsonNodes, isObject, parseJsonCapped } from '../util/json';
import { isBlockcertsJson, verifyBlockcerts } from './blockcerts/verify';
import { isEdcJson, verifyEdc } from './edc/verify';
import { isOb2Json, isOb2JwsPayload, verifyOb2Json, verifyOb2Jws } from './ob2/verify';
import type { FormatOutcome } from './types';

export { REQUIRED_CHECKS } from './types';
import { isVcJson, verifyVcJson, verifyVcJwtPayload } from './vc/verify';

/** A payload as the dispatcher reads it, once. */
export type Payload =
  | { kind: 'xml'; text: string }
  | { kind: 'jws'; text: string; claims: unknown }
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
  // European Digital Credentials: ELM XML (legacy) and ELM JSON-LD sealed with JAdES
  { formats: ['edc'], takes: (p) => p.kind === 'xml' || (p.kind === 'json' && isEdcJson(p.json)), verify: (p, ctx) => verifyEdc(p.text, ctx) },
  // Open Badges 2.0 signed assertion (JWS over the assertion)
  { formats: ['ob2-signed'], takes: (p) => p.kind === 'jws' && isOb2JwsPayload(p.claims), verify: (p, ctx) => verifyOb2Jws(p.text, ctx) },
  // W3C VC / Open Badges 3.0 as a compact JWS (VC-JWT)
  { formats: ['vc-jwt'], takes: (p) => p.kind === 'jws' && carriesVc(p.claims), verify: (p, ctx) => verifyVcJwtPayload(p.text, ctx) },
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

/** Reads a payload's kind and content once, under the JSON caps. */
export function readPayload(text: string): Payload {
  if (text.startsWith('<')) return { kind: 'xml', text };
  if (isJwsCompact(text)) {
    const claims = decodeJwsPayload(text);
    checkJsonNodes(claims);
    return { kind: 'jws', text, claims };
  }
  const json = parseJsonCapped(text);
  checkJsonNodes(json);
  return { kind: 'json', text, json };
}

/** Dispatches a payload (JSON text, compact JWS or XML) to the first format that takes it. */
export async function verifyPayload(text: string, ctx: VerifyContext): Promise<FormatOutcome> {
  const payload = readPayload(text);
  const entry = FORMATS.find((f) => f.takes(payload));
  if (entry) return entry.verify(payload, ctx);
  throw new VerifierError('INPUT_UNKNOWN_FORMAT', payload.kind === 'jws' ? { reason: 'a signed token that carries no credential' } : {});
}
