/**
 * Which verified text a history entry keeps for re-checking later. A VC-JWT
 * report carries the decoded payload but not the signed compact token, so
 * without the original text the entry could never be verified again.
 */
import { LIMITS, sha256Hex, utf8, type Report } from '../../engine';

/**
 * `text` when it is small (at most LIMITS.candidateChars, the size of a page
 * candidate) and is exactly what `report` was computed from (its SHA-256
 * equals report.inputHash); undefined otherwise. The hash check keeps an
 * entry from pairing a report with text it was not produced from, e.g. the
 * envelope a platform wrapped the credential in.
 */
export async function keptInputText(report: Report, text: string | undefined): Promise<string | undefined> {
  if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.candidateChars) return undefined;
  return (await sha256Hex(utf8(text))) === report.inputHash ? text : undefined;
}
