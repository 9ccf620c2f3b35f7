/**
 * The verdict is derived from the checks, never stored separately, and never
 * `verified` by default: every required check must have passed and no check
 * may have ended in `error` ("could not be checked").
 */
import { outcomeOf } from './errors';
import type { Check, CheckId, Verdict } from './report';

/** A failing check whose code is a state (expired, revoked): the credential is genuine but not current. */
const isState = (c: Check): boolean => c.code !== 'OK' && c.code !== 'SKIPPED' && c.code !== 'NOT_APPLICABLE' && outcomeOf(c.code) === 'state';

/** Checks whose failure to complete leaves authenticity unknown. */
const AUTHENTICITY: ReadonlySet<CheckId> = new Set(['parse', 'structure', 'proof', 'issuer-binding', 'claims', 'hosted', 'seal', 'certificate', 'parts']);

export function deriveVerdict(checks: readonly Check[], required: readonly CheckId[]): Verdict {
  const fails = checks.filter((c) => c.status === 'fail');
  if (fails.some((c) => !isState(c))) return 'failed';
  if (checks.some((c) => c.status === 'error' && AUTHENTICITY.has(c.id))) return 'unverifiable';
  if (fails.some((c) => c.code === 'CRED_REVOKED' || c.code === 'CRED_SUSPENDED')) return 'revoked';
  if (fails.some((c) => c.code === 'CRED_EXPIRED')) return 'expired';
  if (checks.some((c) => c.status === 'error')) return 'unverifiable';
  const passed = new Set(checks.filter((c) => c.status === 'pass').map((c) => c.id));
  if (required.length === 0 || !required.every((id) => passed.has(id))) return 'unverifiable';
  return 'verified';
}
