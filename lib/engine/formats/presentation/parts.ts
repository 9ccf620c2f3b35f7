/**
 * The credentials a presentation carries, each verified as a credential of
 * its own through the same engine (`ctx.verifyNested`), with role
 * `presented`: embedded JSON-LD, a compact JWS or SD-JWT (VC 1.1's JWT
 * encoding), or an envelope (VC 2.0 §4.13.2). They share the verification's
 * fetch and JSON-LD budgets (SECURITY.md row 49), at most
 * LIMITS.presentedCredentialsVerified of them.
 *
 * The presentation's verdict rule (SECURITY.md row 59): a presentation is a
 * holder's wrapper; what a recruiter relies on is each credential. So the
 * `parts` check is the worst of them: one forged credential fails the
 * presentation, one that could not be checked leaves it unverifiable, one
 * revoked or expired makes it so, and only when every credential is verified
 * is the presentation verified. Each credential keeps its own report, so
 * the others are still shown as what they are.
 */
import { error, fail, fromThrown, pass } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError, type ErrorDetail } from '../../errors';
import { LIMITS } from '../../limits';
import type { Check, Container, Report, ReportPart, Verdict } from '../../report';
import { reportFromOutcome } from '../../outcome-report';
import { sha256Hex, utf8 } from '../../util/bytes';
import { asArray, isObject } from '../../util/json';
import type { FormatOutcome } from '../types';

export interface PresentedOutcome {
  parts: ReportPart[];
  /** the 'parts' check: the worst of the presented credentials */
  check: Check;
}

/** Verifies the credentials of `vp`, in order. */
export async function verifyPresented(vp: Record<string, unknown>, ctx: VerifyContext): Promise<PresentedOutcome> {
  const entries = asArray(vp.verifiableCredential);
  if (entries.length === 0) return { parts: [], check: error('parts', 'PRESENTATION_EMPTY') };
  const checked = entries.slice(0, LIMITS.presentedCredentialsVerified);
  const parts: ReportPart[] = [];
  for (const [i, entry] of checked.entries()) parts.push(await presentedPart(entry, `verifiableCredential[${i}]`, ctx));
  return { parts, check: worstOf(parts, entries.length) };
}

async function presentedPart(entry: unknown, path: string, ctx: VerifyContext): Promise<ReportPart> {
  const text = typeof entry === 'string' ? entry.replace(/\s+/g, '') : isObject(entry) ? JSON.stringify(entry) : '';
  const container: Container = typeof entry === 'string' ? 'jws' : 'json';
  const partCtx: VerifyContext = { ...ctx, nesting: (ctx.nesting ?? 0) + 1, nestedAs: 'presented' };
  let outcome: FormatOutcome;
  try {
    if (!ctx.verifyNested) throw new VerifierError('INTERNAL', { reason: 'no nested verifier in the context' });
    if (text === '') throw new VerifierError('INPUT_UNPARSEABLE', { reason: 'neither a credential object nor a token' });
    outcome = await ctx.verifyNested(text, partCtx);
  } catch (e) {
    outcome = { format: 'unknown', checks: [fromThrown('parse', e)], required: ['proof'], summary: {}, technical: {} };
  }
  return { role: 'presented', path, report: await partReport(outcome, text, container, ctx) };
}

/** A presented credential's report, as the pipeline builds the input's: the candidate presents it, so the recruiter's identifier is held against it. */
async function partReport(outcome: FormatOutcome, text: string, container: Container, ctx: VerifyContext): Promise<Report> {
  return reportFromOutcome(outcome, ctx.recipient, { container, inputHash: await sha256Hex(utf8(text)), checkedAt: new Date(ctx.now()).toISOString() });
}

/** The genuine-but-not-current verdicts, worst first, and the codes of the checks that decide them (lib/engine/verdict.ts). */
const LAPSED: ReadonlyArray<readonly [Verdict, readonly string[]]> = [
  ['revoked', ['CRED_REVOKED', 'CRED_SUSPENDED']],
  ['expired', ['CRED_EXPIRED']],
];

/** The 'parts' check: the worst presented credential decides (see the module comment). */
function worstOf(parts: readonly ReportPart[], total: number): Check {
  const first = (verdict: Verdict) => parts.filter((p) => p.report.verdict === verdict);
  const failed = first('failed');
  if (failed.length) return fail('parts', 'NESTED_CREDENTIAL_FAILED', { failed: failed.length, count: total, path: failed[0]!.path });
  const unverified = first('unverifiable');
  if (unverified.length) return error('parts', 'NESTED_CREDENTIAL_UNVERIFIED', { unverified: unverified.length, count: total, path: unverified[0]!.path });
  if (total > parts.length) return error('parts', 'NESTED_LIMIT', { count: total, max: LIMITS.presentedCredentialsVerified });
  for (const [verdict, codes] of LAPSED) {
    const lapsed = first(verdict)[0];
    // the credential's own expired or revoked check, so the presentation is shown as expired or revoked too
    const deciding = lapsed?.report.checks.find((c) => c.status === 'fail' && codes.includes(c.code));
    if (lapsed && deciding) return { ...deciding, id: 'parts', detail: { ...(deciding.detail ?? {}), path: lapsed.path } as ErrorDetail };
  }
  return pass('parts', `All ${total} presented credential${total === 1 ? ' is' : 's are'} verified`, { count: total });
}
