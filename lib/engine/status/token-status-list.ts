/**
 * IETF Token Status List (draft-ietf-oauth-status-list), the status mechanism
 * of SD-JWT VC (draft-ietf-oauth-sd-jwt-vc §2.2.2.3): the credential's
 * `status.status_list` names an index and the URI of a Status List Token, a
 * JWT typed `statuslist+jwt` whose `status_list.lst` is a ZLIB-compressed
 * byte array of `bits`-wide statuses, least significant bits first (§4.1).
 *
 * The list is evidence only when (§8.3; SECURITY.md rows 44–45, as for W3C lists):
 * - it is signed by a key bound to the credential's own issuer, found the way
 *   the credential's key was (the caller's `keysFor`): whoever serves the URI
 *   cannot say "valid" with a key of their own. Its `iss` may name a separate
 *   status issuer (§11.3, as the draft's own examples do); the key decides;
 * - its `sub` is the URI it was fetched for, and it has not expired.
 * Anything else is STATUS_VERIFICATION_ERROR: status unknown, never "valid".
 * Status 0x01 is revoked (INVALID), 0x02 suspended; other values are
 * application-specific (§7.1) and cannot be read: STATUS_UNSUPPORTED.
 */
import { cached, statusCacheKey } from '../cache';
import { error, fail, fromThrown, pass, skip } from '../checks/result';
import type { VerifyContext } from '../context';
import { VerifierError, toVerifierError } from '../errors';
import { LIMITS } from '../limits';
import { decodeJws, firstVerifying, isoFromNumericDate, type DecodedJws } from '../proofs/vc-jwt/jws';
import { shownType, tokenKind } from '../proofs/vc-jwt/token-types';
import type { Check } from '../report';
import { fromBase64, fromUtf8 } from '../util/bytes';
import { isObject } from '../util/json';
import { readAllCapped } from '../util/stream';
import { parseStatusIndex } from './bitstring';
import { isNestedStatusContext } from './list-credential';

/** The keys bound to the credential's issuer that may have signed its status list token. */
export type StatusListKeys = (token: DecodedJws) => Promise<ReadonlyArray<{ jwk: JsonWebKey }>>;

/** Bits per status the draft allows (§4.1 step 1). */
const BIT_WIDTHS: ReadonlySet<unknown> = new Set([1, 2, 4, 8]);

/** Status Type values (§7.1) and what they mean here. */
const STATUS_VALUES: Readonly<Record<number, 'valid' | 'CRED_REVOKED' | 'CRED_SUSPENDED'>> = { 0: 'valid', 1: 'CRED_REVOKED', 2: 'CRED_SUSPENDED' };

const untrusted = (reason: string, url: string) => new VerifierError('STATUS_VERIFICATION_ERROR', { reason, url: url.slice(0, 200) });

/** The 'status' check of a token with a `status` claim. */
export async function checkTokenStatus(status: unknown, keysFor: StatusListKeys, ctx: VerifyContext): Promise<Check> {
  if (status === undefined) return skip('status', 'NOT_APPLICABLE', 'The issuer publishes no revocation status for this credential');
  try {
    if (!isObject(status)) return fail('status', 'STRUCTURE_STATUS', { reason: 'status is not an object' });
    const reference = status.status_list;
    if (reference === undefined) return error('status', 'STATUS_UNSUPPORTED', { type: Object.keys(status).join(', ').slice(0, 80) || 'none' });
    if (!isObject(reference) || typeof reference.uri !== 'string' || !/^https?:\/\//.test(reference.uri))
      return fail('status', 'STRUCTURE_STATUS', { reason: 'status_list needs an https uri' });
    if (isNestedStatusContext(ctx)) return error('status', 'STATUS_VERIFICATION_ERROR', { reason: 'a status list that has a status of its own' });
    const index = parseStatusIndex(reference.idx);
    return await readStatus(reference.uri, index, keysFor, ctx);
  } catch (e) {
    return fromThrown('status', e);
  }
}

async function readStatus(uri: string, index: number, keysFor: StatusListKeys, ctx: VerifyContext): Promise<Check> {
  const text = await fetchListToken(uri, ctx);
  let token: DecodedJws;
  try {
    token = decodeJws(text);
  } catch (e) {
    throw untrusted(`the list is not a signed token (${toVerifierError(e).code})`, uri);
  }
  if (tokenKind(token.header.typ) !== 'status-list') throw untrusted(`the list is typed "${shownType(token.header.typ)}", not statuslist+jwt`, uri);
  // SECURITY.md row 45: only the credential's own issuer can say it is not revoked
  if (!(await firstVerifying(token, await keysFor(token)))) throw untrusted("the list is not signed by the credential's issuer", uri);
  const claims = token.payload;
  if (!isObject(claims)) throw untrusted('the list has no claims', uri);
  // §8.3 step 4a: a list speaks only for its own address (SECURITY.md row 44)
  if (claims.sub !== uri) throw untrusted(`the list names another address (${String(claims.sub).slice(0, 200)})`, uri);
  const exp = isoFromNumericDate(claims.exp);
  if (claims.exp !== undefined && (exp === undefined || Date.parse(exp) < ctx.now() - ctx.skewSeconds * 1000))
    throw untrusted(`the list expired${exp ? ` on ${exp}` : ''}`, uri);
  const list = claims.status_list;
  if (!isObject(list) || !BIT_WIDTHS.has(list.bits) || typeof list.lst !== 'string') throw untrusted('the list has no status_list of 1, 2, 4 or 8 bits', uri);
  const bytes = await inflateZlib(list.lst, uri);
  const value = statusAt(bytes, index, list.bits as number);
  const meaning = STATUS_VALUES[value];
  if (meaning === undefined) return error('status', 'STATUS_UNSUPPORTED', { type: `status value ${value}` });
  if (meaning !== 'valid') return fail('status', meaning, { url: uri.slice(0, 200), index });
  return pass('status', "Not revoked (checked against the issuer's token status list)", { url: uri.slice(0, 200) });
}

/** The list token's text, fetched once per URI and kept LIMITS.statusCacheMs; failures are not kept. */
function fetchListToken(uri: string, ctx: VerifyContext): Promise<string> {
  return cached(ctx.cache, ctx.inflight as Map<string, Promise<string>>, statusCacheKey('token-status-list', uri), LIMITS.statusCacheMs, async () => {
    try {
      const doc = await ctx.fetch(uri, 'status-list');
      if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url: uri, status: doc.status });
      return fromUtf8(doc.bytes).trim();
    } catch (e) {
      throw new VerifierError('STATUS_RETRIEVAL_ERROR', { url: uri.slice(0, 200), cause: toVerifierError(e).code }, { cause: e });
    }
  });
}

/** `lst`: base64url of DEFLATE data in the ZLIB format (§4.1 step 4), inflated under the cap (SECURITY.md attack 32). */
async function inflateZlib(lst: string, uri: string): Promise<Uint8Array> {
  const compressed = fromBase64(lst);
  if (!compressed || compressed.length === 0) throw untrusted('the list is not base64url', uri);
  const reader = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(compressed);
      controller.close();
    },
  })
    .pipeThrough(new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  try {
    return await readAllCapped(reader, LIMITS.statusListInflatedBytes, () => new VerifierError('STATUS_LIST_TOO_LARGE', { cap: LIMITS.statusListInflatedBytes }));
  } catch (e) {
    if (e instanceof VerifierError) throw e;
    throw untrusted('the list is not valid ZLIB data', uri);
  }
}

/**
 * The status at `index` (§4.1 step 3): statuses are packed into bytes from
 * the least significant bit, `8 / bits` per byte. Throws STATUS_RANGE past the end.
 * @example statusAt(Uint8Array.of(0xb9), 0, 1) // 1
 */
export function statusAt(bytes: Uint8Array, index: number, bits: number): number {
  const perByte = 8 / bits;
  const byte = Math.floor(index / perByte);
  if (byte >= bytes.length) throw new VerifierError('STATUS_RANGE', { index, length: bytes.length * perByte });
  return (bytes[byte]! >> ((index % perByte) * bits)) & ((1 << bits) - 1);
}
