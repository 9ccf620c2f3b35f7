/**
 * One report per input, never a throw. Sniffs the container (PNG, SVG, XML,
 * JSON, compact JWS, URL), unwraps it, hands the payload to its format
 * verifier, then adds the recipient result and derives the verdict.
 */
import { reportFromOutcome } from './outcome-report';
import { withFetchBudget, withWorkBudget, type VerifyContext } from './context';
import { VerifierError } from './errors';
import { fromThrown, skip } from './checks/result';
import { extractFromPng, isPng } from './extract/png';
import { extractFromSvg, looksLikeBakedSvg } from './extract/svg';
import { isHtmlText } from './extract/html';
import { isJwsCompact } from './extract/jws';
import { answered, findCredentialBehind } from './follow';
import { isTokenText, verifyPayload } from './formats';
import { looksLikeCose } from './formats/cose';
import type { FormatOutcome } from './formats/types';
import { LIMITS } from './limits';
import type { Container, Report } from './report';
import { fromUtf8, sha256Hex, utf8 } from './util/bytes';

export type VerifyInput =
  | { bytes: Uint8Array; name?: string }
  | { text: string; name?: string }
  /** `follow`: a link a page or person gave as a credential, followed through redirects and web pages to the credential (followed by the pipeline; SECURITY.md row 55) */
  | { url: string; name?: string; follow?: boolean };

/** Verifies one input. Always resolves with a report. */
export async function verify(input: VerifyInput, rootCtx: VerifyContext): Promise<Report> {
  const ctx: VerifyContext = { ...withWorkBudget(withFetchBudget(rootCtx)), verifyNested: verifyPayload };
  const checkedAt = new Date(ctx.now()).toISOString();
  let container: Container = 'json';
  let bytes: Uint8Array = new Uint8Array(0);
  // The input's hash is computed while the input is verified: WebCrypto hashes off the main thread.
  let inputHash: Promise<string> | undefined;
  let outcome: FormatOutcome;
  /** where a followed link led (technical details: the recruiter can see how the credential was found) */
  let followed: Record<string, string | number> | undefined;
  try {
    if ('url' in input && input.follow) {
      container = 'url';
      const found = await findCredentialBehind(input.url, ctx);
      bytes = found.bytes;
      followed = { from: input.url, to: found.url, via: found.via, ...(found.redirects ? { redirects: found.redirects.length } : {}) };
    } else if ('url' in input) {
      container = 'url';
      bytes = answered(await ctx.fetch(input.url, 'credential')).bytes;
    } else {
      bytes = 'bytes' in input ? input.bytes : utf8(input.text);
    }
    if (bytes.length === 0) throw new VerifierError('INPUT_EMPTY');
    if (bytes.length > LIMITS.inputBytes) throw new VerifierError('INPUT_TOO_LARGE', { bytes: bytes.length, cap: LIMITS.inputBytes });
    inputHash = sha256Hex(bytes);
    // a followed link may end on a baked image holding its hosted assertion's URL: that one more hop is allowed
    const unwrapped = await unwrap(bytes, ctx, container === 'url' && !followed);
    if (container !== 'url') container = unwrapped.container;
    outcome = await verifyPayload(unwrapped.payload, ctx);
  } catch (e) {
    outcome = failedOutcome(e);
  }
  return reportFromOutcome(followed ? { ...outcome, technical: { ...outcome.technical, followedLink: followed } } : outcome, rootCtx.recipient, {
    container,
    inputHash: await (inputHash ?? sha256Hex(bytes)),
    checkedAt,
    ...('name' in input && input.name ? { inputName: input.name } : {}),
  });
}

interface Unwrapped {
  container: Container;
  /** JSON text, a compact JWS, or an https URL */
  payload: string;
}

/** Bytes → payload text. A URL found inside an image or given as text is fetched once (no chains). */
async function unwrap(bytes: Uint8Array, ctx: VerifyContext, alreadyFetched: boolean): Promise<Unwrapped> {
  if (isPng(bytes)) return followUrl({ container: 'png', payload: extractFromPng(bytes) }, ctx, alreadyFetched);
  // CBOR is not text: a COSE credential is named for what it is, "could not be checked" (SECURITY.md row 60)
  if (looksLikeCose(bytes)) throw new VerifierError('COSE_UNSUPPORTED');
  let text: string;
  try {
    text = fromUtf8(bytes).replace(/^\uFEFF/, '').trim();
  } catch {
    throw new VerifierError('INPUT_UNPARSEABLE', { reason: 'not text, PNG or SVG' });
  }
  if (text.startsWith('<')) {
    if (looksLikeBakedSvg(text)) {
      return followUrl({ container: 'svg', payload: extractFromSvg(text) }, ctx, alreadyFetched);
    }
    // A web page (a platform's human page, a CV) is not a credential; the XML reader is for EDC files.
    if (isHtmlText(text))
      throw new VerifierError('INPUT_UNKNOWN_FORMAT', { reason: 'a web page, not a credential' });
    return { container: 'xml', payload: text };
  }
  return followUrl({ container: isJwsCompact(text) || isTokenText(text) ? 'jws' : 'json', payload: text }, ctx, alreadyFetched);
}

async function followUrl(u: Unwrapped, ctx: VerifyContext, alreadyFetched: boolean): Promise<Unwrapped> {
  if (!/^https?:\/\/\S+$/.test(u.payload)) return u;
  if (alreadyFetched) throw new VerifierError('INPUT_UNKNOWN_FORMAT', { reason: 'a link to a link' });
  const doc = await ctx.fetch(u.payload, 'credential');
  const inner = await unwrap(doc.bytes, ctx, true);
  return { container: u.container === 'json' ? 'url' : u.container, payload: inner.payload };
}

/** The report of an input that never reached a format: its code says whether it is bad or merely unreadable (lib/engine/errors.ts). */
function failedOutcome(e: unknown): FormatOutcome {
  return { format: 'unknown', checks: [fromThrown('parse', e), skip('proof')], required: ['proof'], summary: {}, technical: {} };
}
