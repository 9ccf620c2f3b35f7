/**
 * Credentials carried inside a W3C / Open Badges 3.0 credential, each
 * verified as a credential of its own (its own proof, issuer binding,
 * validity and status) through the same engine (`ctx.verifyNested`):
 * - OB 3.0 endorsements: an `EndorsementCredential` embedded as `endorsement`
 *   (JSON-LD with its own proof) or `endorsementJwt` (a compact JWS) on the
 *   credential, its achievement, the achievement's creator or the issuer
 *   profile (OB 3.0 §AchievementCredential, §Achievement, §Profile). An
 *   endorsement is about the issuer or the achievement, not about the
 *   recipient's credential: it never changes the container's verdict; the
 *   trust panel and the quality profile say who vouches and whether that was
 *   verified (lib/trust/endorsements.ts; SECURITY.md row 61).
 * - The achievement credentials of a CLR 2.0 transcript
 *   (`ClrCredential.credentialSubject.verifiableCredential`, CLR 2.0
 *   §ClrSubject). They are the transcript's content, so the `parts` check
 *   carries them into its verdict (SECURITY.md row 62): one forged or
 *   unverifiable entry leaves the transcript not verified; an entry that is
 *   genuine but expired or revoked is shown as such and the transcript stays
 *   verified, as a paper transcript stays genuine when one course
 *   certificate in it has lapsed.
 *
 * One level only: a carried credential's own carried credentials (an
 * endorsement's endorsements, an achievement's endorsements) are listed,
 * not verified, and a status list carries none. At most
 * LIMITS.endorsementsVerified endorsements and LIMITS.clrCredentialsVerified
 * CLR entries are verified per credential, sequentially, sharing the
 * verification's fetch and JSON-LD budgets (SECURITY.md row 49).
 */
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { error, fail, fromThrown, pass, skip } from '../../checks/result';
import { decodeJwsPayload } from '../../extract/jws';
import { LIMITS } from '../../limits';
import type { Check, Container, Report, ReportPart, Verdict } from '../../report';
import { reportFromOutcome } from '../../outcome-report';
import { sha256Hex, utf8 } from '../../util/bytes';
import { asArray, isObject } from '../../util/json';
import type { FormatOutcome } from '../types';
import { summarizeVc } from './summary';

type CarriedRole = 'endorsement' | 'achievement';

/** One credential found inside another, before verification. */
interface Carried {
  role: CarriedRole;
  /** where it sits in the container, e.g. `issuer.endorsement[0]` */
  path: string;
  /** the embedded credential (JSON-LD) or a compact JWS */
  payload: unknown;
}

/**
 * Where OB 3.0 lets an endorsement sit: the path prefix shown in the report
 * and how to reach the holding object. lib/trust/endorsements.ts reads the
 * same prefixes to tell what an endorsement is about.
 */
const ENDORSEMENT_HOLDERS: ReadonlyArray<readonly [prefix: string, holder: (vc: Record<string, unknown>) => unknown]> = [
  ['', (vc) => vc],
  ['issuer.', (vc) => vc.issuer],
  ['credentialSubject.achievement.', (vc) => achievementOf(vc)],
  ['credentialSubject.achievement.creator.', (vc) => { const a = achievementOf(vc); return isObject(a) ? a.creator : undefined; }],
];

function achievementOf(vc: Record<string, unknown>): unknown {
  const subject = asArray(vc.credentialSubject)[0];
  return isObject(subject) ? subject.achievement : undefined;
}

/** Every endorsement a credential embeds, in document order. */
export function findEndorsements(vc: Record<string, unknown>): Carried[] {
  const found: Carried[] = [];
  for (const [prefix, holderOf] of ENDORSEMENT_HOLDERS) {
    const holder = holderOf(vc);
    if (!isObject(holder)) continue;
    asArray(holder.endorsement).forEach((payload, i) => found.push({ role: 'endorsement', path: `${prefix}endorsement[${i}]`, payload }));
    asArray(holder.endorsementJwt).forEach((payload, i) => found.push({ role: 'endorsement', path: `${prefix}endorsementJwt[${i}]`, payload }));
  }
  return found;
}

export const isClr = (vc: Record<string, unknown>): boolean => asArray(vc.type).includes('ClrCredential');

/** The achievement credentials a CLR 2.0 transcript carries (CLR 2.0 §ClrSubject `verifiableCredential`). */
export function findClrCredentials(vc: Record<string, unknown>): Carried[] {
  const subject = asArray(vc.credentialSubject)[0];
  if (!isObject(subject)) return [];
  return asArray(subject.verifiableCredential).map((payload, i) => ({ role: 'achievement', path: `credentialSubject.verifiableCredential[${i}]`, payload }));
}

export interface CarriedOutcome {
  parts: ReportPart[];
  /** the `parts` check of a CLR; none for a credential whose carried credentials are not its content */
  checks: Check[];
  /** endorsements beyond the cap, for the technical details */
  endorsementsNotChecked?: number;
}

/**
 * Verifies (or, below the first level, lists) what `vc` carries. `verifyThem`
 * is false when the container itself failed: its content may be forged, so
 * nothing inside it is worth the work.
 */
export async function verifyCarried(vc: Record<string, unknown>, ctx: VerifyContext, verifyThem: boolean): Promise<CarriedOutcome> {
  if (ctx.nestedAs === 'status-list') return { parts: [], checks: [] };
  const clr = isClr(vc);
  if (!verifyThem) return { parts: [], checks: clr ? [skip('parts')] : [] };
  const listOnly = ctx.nestedAs === 'endorsement' || ctx.nestedAs === 'achievement';
  const achievements = clr ? findClrCredentials(vc) : [];
  const endorsements = findEndorsements(vc);
  const checkedAchievements = achievements.slice(0, LIMITS.clrCredentialsVerified);
  const checkedEndorsements = endorsements.slice(0, LIMITS.endorsementsVerified);
  const parts: ReportPart[] = [];
  // the transcript's own entries first: they decide its verdict, endorsements do not
  for (const carried of [...checkedAchievements, ...checkedEndorsements]) {
    parts.push(listOnly ? await listedPart(carried, ctx) : await verifiedPart(carried, ctx));
  }
  const notChecked = endorsements.length - checkedEndorsements.length;
  return {
    parts,
    checks: clr ? [clrPartsCheck(parts.filter((p) => p.role === 'achievement'), achievements.length, listOnly)] : [],
    ...(notChecked > 0 ? { endorsementsNotChecked: notChecked } : {}),
  };
}

/** CLR 2.0: the transcript is verified only when every entry is genuine (SECURITY.md row 62). */
function clrPartsCheck(parts: readonly ReportPart[], total: number, listOnly: boolean): Check {
  if (total === 0) return skip('parts', 'NOT_APPLICABLE', 'The transcript carries no credentials of its own');
  const count = (verdicts: readonly Verdict[]) => parts.filter((p) => verdicts.includes(p.report.verdict));
  const failed = count(['failed']);
  if (failed.length) return fail('parts', 'NESTED_CREDENTIAL_FAILED', { failed: failed.length, count: total, path: failed[0]!.path });
  // a transcript carried inside another credential is listed one level down: its entries are not checked
  if (listOnly) return error('parts', 'NESTED_NOT_FOLLOWED');
  const unverified = count(['unverifiable']);
  if (unverified.length) return error('parts', 'NESTED_CREDENTIAL_UNVERIFIED', { unverified: unverified.length, count: total, path: unverified[0]!.path });
  if (total > parts.length) return error('parts', 'NESTED_LIMIT', { count: total, max: LIMITS.clrCredentialsVerified });
  const lapsed = count(['expired', 'revoked']).length;
  const genuine = total === 1 ? 'The credential inside is genuine' : `All ${total} credentials inside are genuine`;
  const message = `${genuine}${lapsed ? ` (${lapsed} expired or revoked)` : ''}`;
  return pass('parts', message, { count: total, verified: total - lapsed, lapsed });
}

async function verifiedPart(carried: Carried, ctx: VerifyContext): Promise<ReportPart> {
  const { text, container } = payloadText(carried.payload);
  // the verification's JSON-LD time is shared; once the entries before this one have used it up, this one is not tried
  if (ctx.work && ctx.work.remainingMs() <= 0) return partOf(carried, await notCheckedReport(carried, 'NESTED_BUDGET_SPENT', ctx));
  const partCtx: VerifyContext = { ...ctx, nesting: (ctx.nesting ?? 0) + 1, nestedAs: carried.role };
  let outcome: FormatOutcome;
  try {
    if (!ctx.verifyNested) throw new VerifierError('INTERNAL', { reason: 'no nested verifier in the context' });
    if (text === undefined) throw new VerifierError('INPUT_UNPARSEABLE', { reason: 'neither a credential object nor a compact JWS' });
    outcome = budgetSpentIsNotForgery(await ctx.verifyNested(text, partCtx), ctx);
  } catch (e) {
    outcome = { format: 'unknown', checks: [fromThrown('parse', e), skip('proof')], required: ['proof'], summary: {}, technical: {} };
  }
  // an endorsement names the endorser as its subject, not the candidate: the recipient is the container's question
  const hint = carried.role === 'achievement' ? ctx.recipient : undefined;
  return partOf(carried, await toReport(outcome, text ?? '', container, ctx, hint));
}

/**
 * The time budget is shared by the whole verification (SECURITY.md row 49):
 * an entry that ran out of it because earlier entries used it is not shown
 * as "built to be too expensive" (a failure), but as not checked.
 */
function budgetSpentIsNotForgery(outcome: FormatOutcome, ctx: VerifyContext): FormatOutcome {
  const spent = (c: Check) => c.code === 'DI_CANONICALIZATION_LIMIT' && c.detail?.reason === 'time budget exceeded';
  if (!outcome.checks.some(spent) || (ctx.work && ctx.work.remainingMs() > 0)) return outcome;
  return { ...outcome, checks: outcome.checks.map((c) => (spent(c) ? error(c.id, 'NESTED_BUDGET_SPENT') : c)) };
}

/** A carried credential below the first level: summarised for the list, never verified. */
async function listedPart(carried: Carried, ctx: VerifyContext): Promise<ReportPart> {
  return partOf(carried, await notCheckedReport(carried, 'NESTED_NOT_FOLLOWED', ctx));
}

async function notCheckedReport(carried: Carried, code: 'NESTED_NOT_FOLLOWED' | 'NESTED_BUDGET_SPENT', ctx: VerifyContext): Promise<Report> {
  const { text, container } = payloadText(carried.payload);
  const credential = unverifiedCredential(carried.payload);
  const outcome: FormatOutcome = {
    format: container === 'jws' ? 'vc-jwt' : credential?.proof !== undefined ? 'vc-data-integrity' : 'unknown',
    checks: [error('proof', code)],
    required: ['proof'],
    // the list names what it is; none of it is confirmed, and the verdict says so
    summary: credential ? summarizeVc(credential) : {},
    technical: {},
  };
  return toReport(outcome, text ?? '', container, ctx, undefined);
}

/** The credential a listed payload claims to be, for its name only (never trusted, never profiled). */
function unverifiedCredential(payload: unknown): Record<string, unknown> | undefined {
  if (isObject(payload)) return payload;
  if (typeof payload !== 'string') return undefined;
  const claims = decodeJwsPayload(payload);
  if (!isObject(claims)) return undefined;
  return isObject(claims.vc) ? claims.vc : claims;
}

function payloadText(payload: unknown): { text?: string; container: Container } {
  if (typeof payload === 'string') return { text: payload.trim(), container: 'jws' };
  if (isObject(payload)) return { text: JSON.stringify(payload), container: 'json' };
  return { container: 'json' };
}

const partOf = (carried: Carried, report: Report): ReportPart => ({ role: carried.role, path: carried.path, report });

/** Longest text a part's summary shows: its payload is kept whole, for the quality profile and the trust panel. */
const PART_SUMMARY_CHARS = 1_000;

/**
 * A part's summary with every text cut to PART_SUMMARY_CHARS. The part's
 * payload already sits inside the container's, so a report holds each input
 * byte at most three times (SECURITY.md row 50: the container's payload and
 * summary, and the part's payload), whatever a part's fields hold.
 */
function capTexts<T>(value: T): T {
  if (typeof value === 'string') return (value.length > PART_SUMMARY_CHARS ? `${value.slice(0, PART_SUMMARY_CHARS - 1)}…` : value) as T;
  if (Array.isArray(value)) return value.map(capTexts) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capTexts(v)])) as T;
  return value;
}

/** A part's report, built as the pipeline builds the input's, its texts capped. */
async function toReport(outcome: FormatOutcome, text: string, container: Container, ctx: VerifyContext, hint: VerifyContext['recipient']): Promise<Report> {
  return reportFromOutcome({ ...outcome, summary: capTexts(outcome.summary) }, hint, { container, inputHash: await sha256Hex(utf8(text)), checkedAt: new Date(ctx.now()).toISOString() });
}
