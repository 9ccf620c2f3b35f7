/**
 * Runs one verification for the background and never throws: wraps the
 * pipeline for inputs a platform serves inside an envelope (VerifierPlus
 * `{credential, vp}`), and builds the honest "could not be checked" report for
 * platforms that publish no machine-readable credential.
 */
import { VerifierError, deriveVerdict, error, fromUtf8, parseJsonCapped, sha256Hex, toVerifierError, utf8, verify, type ErrorCode, type ErrorDetail, type Report, type VerifyContext, type VerifyInput } from '../../engine';
import type { Candidate } from '../../detect/types';
import { platformById } from '../../detect/platforms';
import type { Derived } from './derive-input';

/** Verifies a derived input. Always resolves with a report. */
export async function runVerification(derived: Extract<Derived, { kind: 'input' }>, ctx: VerifyContext): Promise<Report> {
  const { input, wrappedIn } = derived;
  if (!wrappedIn || !('url' in input)) return verify(input, ctx);
  let unwrapped: VerifyInput;
  try {
    const doc = await ctx.fetch(input.url, 'credential');
    unwrapped = { text: unwrapMember(fromUtf8(doc.bytes), wrappedIn), ...(input.name ? { name: input.name } : {}) };
  } catch (e) {
    // Let the pipeline report the failure the usual way (same check, same codes), without fetching again.
    const err = toVerifierError(e);
    return verify(input, { ...ctx, fetch: () => Promise.reject(err) });
  }
  const report = await verify(unwrapped, ctx);
  return { ...report, container: 'url' };
}

/** The credential inside `{ [member]: credential, … }`, or the text itself when it is not such an envelope. */
export function unwrapMember(text: string, member: string): string {
  const json = parseJsonCapped(text);
  if (json && typeof json === 'object' && !Array.isArray(json) && !('@context' in json)) {
    const inner = (json as Record<string, unknown>)[member];
    if (typeof inner === 'string') return inner; // a VC-JWT
    if (inner && typeof inner === 'object') return JSON.stringify(inner);
    throw new VerifierError('INPUT_UNKNOWN_FORMAT', { reason: `no "${member}" in the platform's answer` });
  }
  return text;
}

/**
 * The report for a recognised platform link with no public endpoint
 * (the "not found" rows of lib/detect/platforms.ts): could not be checked, never verified.
 */
export async function noEndpointReport(candidate: Candidate, platformId: string, now: () => number): Promise<Report> {
  const name = platformById(platformId)?.name ?? platformId;
  const report = await unreadReport(candidate, 'INPUT_UNSUPPORTED_FORMAT', { reason: `${name} publishes no machine-readable credential for this link` }, now);
  return { ...report, technical: { platform: platformId } };
}

/** "Could not be checked" for a candidate with nothing to fetch (a claim without a link, a link past the page's budget). */
export async function unreadReport(candidate: Candidate, code: ErrorCode, detail: ErrorDetail, now: () => number): Promise<Report> {
  const checks = [error('parse', code, detail)];
  return {
    verdict: deriveVerdict(checks, ['proof']),
    format: 'unknown',
    container: candidate.kind === 'claim' ? 'json' : 'url',
    checks,
    summary: {},
    recipient: { outcome: 'not-checked', identifierTypes: [], message: 'Not checked: the credential could not be read' },
    technical: {},
    inputHash: await sha256Hex(utf8(candidate.value)),
    ...(candidate.label ? { inputName: candidate.label } : {}),
    checkedAt: new Date(now()).toISOString(),
  };
}
