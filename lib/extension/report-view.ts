/**
 * How a report is shown, decided once for rows and details alike:
 * - whether the input was a credential at all: pasted nonsense, a plain
 *   picture or a web page without one is "not a credential", a neutral
 *   state, never the red "not authentic" of a forgery (`NOT_A_CREDENTIAL`);
 * - whether what the credential says (title, issuer, description) was
 *   confirmed by its issuer, or is only claimed in a document that did not
 *   verify (SECURITY.md rule 5: facts only from checked data);
 * - the check messages in plain words: field paths, parser output, codes and
 *   key identifiers stay in the technical details.
 */
import { type Check, type ErrorCode, type Report, type Verdict } from '../engine';

/**
 * Codes that say the input holds no credential (lib/engine/errors.ts): the
 * input is not a credential, rather than a credential that is broken or forged.
 */
export const NOT_A_CREDENTIAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INPUT_EMPTY',
  'INPUT_UNPARSEABLE',
  'INPUT_UNKNOWN_FORMAT',
  'IMAGE_NO_CREDENTIAL',
  'IMAGE_UNSUPPORTED',
  'NO_CREDENTIAL_AT_LINK',
]);

/** True when nothing in the input was recognised as a credential (no format, and the reading step said why). */
export function isNotACredential(report: Pick<Report, 'format' | 'checks'>): boolean {
  if (report.format !== 'unknown') return false;
  const reading = report.checks.find((c) => c.id === 'parse' && (c.status === 'fail' || c.status === 'error'));
  return reading !== undefined && NOT_A_CREDENTIAL.has(reading.code as ErrorCode);
}

/** Verdicts whose content the issuer vouched for (a revoked or expired credential is genuine, only no longer current). */
const CONFIRMED: ReadonlySet<Verdict> = new Set<Verdict>(['verified', 'expired', 'revoked']);

/** True when the title, issuer and description come from data the issuer vouched for. */
export const isConfirmedContent = (report: Pick<Report, 'verdict' | 'summary'>): boolean => CONFIRMED.has(report.verdict) && report.summary.notVerified !== true;

/** The check that decided a verdict other than verified: the first that failed, else the first that could not run. */
export function decidingCheck(report: Pick<Report, 'verdict' | 'checks'>): Check | undefined {
  if (report.verdict === 'verified') return undefined;
  const state = report.verdict === 'revoked' || report.verdict === 'expired';
  return (
    report.checks.find((c) => c.status === 'fail' && (!state || c.code === 'CRED_REVOKED' || c.code === 'CRED_SUSPENDED' || c.code === 'CRED_EXPIRED')) ??
    report.checks.find((c) => c.status === 'fail') ??
    report.checks.find((c) => c.status === 'error')
  );
}

/** Detail fields that only ever hold identifiers for the technical details (keys, DIDs, field paths, causes). */
const TECHNICAL_FIELDS: ReadonlySet<string> = new Set(['keyId', 'controller', 'signerDid', 'did', 'path', 'cause', 'index', 'field']);

/**
 * A value written for developers: a field path (`credentialSubject.achievement.name`,
 * `verifiableCredential[2]`), a code (`KEY_NOT_FOUND`), a DID, JSON or parser output.
 */
const TECHNICAL_VALUE = /\b[a-z]+[A-Z]\w*(?:\.\w+|\[\d+\])|\w\.[a-z]+[A-Z]\w*|\[\d+\]|\b[A-Z]{2,}_[A-Z_\d]+\b|[{}"`]|@(?:context|type|id)\b|\bdid:[a-z\d]+:|\bJSON\b|\bposition \d+|\b[Uu]nexpected\b/;

/**
 * The check as the plain check list shows it: an address reduced to its
 * host, identifiers and developer wording left out (the sentence reads
 * without them). The full message stays in the technical details.
 */
export function plainCheck(check: Check): Check {
  if (!check.detail) return check;
  const detail: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(check.detail)) {
    if (TECHNICAL_FIELDS.has(key)) continue;
    if (typeof value !== 'string') detail[key] = value;
    else if (/^https?:\/\//i.test(value)) detail[key] = hostOf(value);
    else if (!TECHNICAL_VALUE.test(value) && value.length <= 160) detail[key] = value;
  }
  return { ...check, detail };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 60);
  }
}

/**
 * When the revocation status was checked: the time the status list was
 * fetched (lib/engine/status `checkedAt`), for a status check that read one.
 */
export function statusCheckedAt(report: Pick<Report, 'checks'>): string | undefined {
  const status = report.checks.find((c) => c.id === 'status' && (c.status === 'pass' || c.status === 'fail'));
  const at = status?.detail?.checkedAt;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : undefined;
}
