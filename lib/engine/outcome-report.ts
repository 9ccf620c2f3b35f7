/**
 * A format's outcome → the report the recruiter sees: the verdict derived
 * from the checks, the recipient held against the hint. One builder for the
 * input (pipeline.ts) and for every credential carried inside it
 * (presentations, endorsements, CLR entries), so a part's report reads
 * exactly as a whole input's would.
 */
import { fromThrown } from './checks/result';
import type { RecipientHint } from './context';
import type { FormatOutcome } from './formats/types';
import { checkRecipient } from './recipient';
import type { Container, RecipientResult, Report } from './report';
import { deriveVerdict } from './verdict';

export interface ReportFields {
  container: Container;
  inputHash: string;
  checkedAt: string;
  inputName?: string;
}

export function reportFromOutcome(given: FormatOutcome, hint: RecipientHint | undefined, fields: ReportFields): Report {
  let outcome = given;
  let recipient: RecipientResult;
  try {
    recipient = checkRecipient(outcome, hint);
  } catch (e) {
    // Never a throw out of verify() (SECURITY.md row 50): an unexpected one is an INTERNAL check, so the input is not verified.
    outcome = { ...outcome, checks: [...outcome.checks, fromThrown('parse', e)] };
    recipient = { outcome: 'not-checked', identifierTypes: [], message: 'The recipient could not be read' };
  }
  return {
    verdict: deriveVerdict(outcome.checks, outcome.required),
    format: outcome.format,
    container: fields.container,
    checks: outcome.checks,
    summary: outcome.summary,
    recipient,
    technical: outcome.technical,
    inputHash: fields.inputHash,
    ...(fields.inputName ? { inputName: fields.inputName } : {}),
    checkedAt: fields.checkedAt,
    ...(outcome.credential !== undefined ? { credential: outcome.credential } : {}),
    ...(outcome.parts?.length ? { parts: outcome.parts } : {}),
  };
}
