/** Orders checks for reading: problems first, then what passed, then what was not checked. */
import { type Check, type CheckStatus } from '../../lib/engine';

const ORDER: readonly CheckStatus[] = ['fail', 'error', 'pass', 'skip'];

export interface CheckGroup {
  status: CheckStatus;
  checks: Check[];
}

/** Groups by status in the order above, keeping the engine's order inside each group; empty groups are left out. */
export function groupChecks(checks: readonly Check[]): CheckGroup[] {
  return ORDER.map((status) => ({ status, checks: checks.filter((c) => c.status === status) })).filter((g) => g.checks.length > 0);
}

/** i18n key of a check's name ("issuer-binding" → "check_issuer_binding"). */
export const checkNameKey = (id: string): string => `check_${id.replace(/-/g, '_')}`;
