/**
 * What changed between two checks of the same credential (same input hash):
 * the recruiter sees "Revoked since last check" rather than two screenshots
 * to compare.
 */
import { type Check, type CheckId, type Report, type Verdict } from '../../engine';

const VERDICT_CHANGE: Partial<Record<Verdict, string>> = {
  revoked: 'Revoked since last check',
  expired: 'Expired since last check',
  failed: 'No longer passes verification since last check',
  unverifiable: 'Could not be checked this time (it could be checked last time)',
  verified: 'Verified now',
};

const CHECK_LABEL: Record<CheckId, string> = {
  parse: 'Reading',
  structure: 'Structure',
  proof: 'Signature',
  'issuer-binding': 'Issuer key',
  claims: 'Claims',
  validity: 'Validity dates',
  status: 'Revocation status',
  hosted: 'Hosted copy',
  seal: 'Electronic seal',
  certificate: 'Seal certificate',
  parts: 'Credentials inside',
  'key-binding': 'Holder key binding',
};

/** The verdict sentence, or undefined when the verdict did not change. */
export function describeVerdictChange(previous: Verdict, current: Verdict): string | undefined {
  if (previous === current) return undefined;
  const text = VERDICT_CHANGE[current] ?? `Verdict changed from ${previous} to ${current}`;
  return `${text} (was ${previous})`;
}

function describeCheckChange(id: CheckId, before: Check | undefined, after: Check | undefined): string | undefined {
  const label = CHECK_LABEL[id];
  if (!before && after) return `${label}: newly checked (${after.status}) — ${after.message}`;
  if (before && !after) return `${label}: no longer checked (was ${before.status})`;
  if (!before || !after) return undefined;
  if (before.status !== after.status) return `${label}: ${before.status} → ${after.status} — ${after.message}`;
  if (before.code !== after.code) return `${label}: ${after.message} (was: ${before.message})`;
  return undefined;
}

/** Key material and status sources are evidence too: a silently rotated key is worth flagging. */
function describeTechnicalChanges(previous: Report, current: Report): string[] {
  const out: string[] = [];
  const prevKey = previous.technical?.keyId;
  const curKey = current.technical?.keyId;
  if (prevKey && curKey && prevKey !== curKey) out.push(`Signing key changed from ${prevKey} to ${curKey}`);
  const prevList = previous.technical?.statusListUrl;
  const curList = current.technical?.statusListUrl;
  if (prevList && curList && prevList !== curList) out.push(`Status list moved from ${prevList} to ${curList}`);
  return out;
}

/**
 * Lists, in plain language, every difference that matters between the
 * previous and the current report of one input: the verdict first, then
 * checks whose outcome changed, then key or status-list changes.
 * An empty list means "nothing changed since last check".
 *
 * @example
 * describeChanges(lastWeek, today) // ['Revoked since last check (was verified)', 'Revocation status: pass → fail — The issuer has revoked this credential']
 */
export function describeChanges(previous: Report, current: Report): string[] {
  const out: string[] = [];
  const verdict = describeVerdictChange(previous.verdict, current.verdict);
  if (verdict) out.push(verdict);
  const before = new Map(previous.checks.map((c) => [c.id, c]));
  const after = new Map(current.checks.map((c) => [c.id, c]));
  const ids = [...new Set<CheckId>([...before.keys(), ...after.keys()])];
  for (const id of ids) {
    const line = describeCheckChange(id, before.get(id), after.get(id));
    if (line) out.push(line);
  }
  return [...out, ...describeTechnicalChanges(previous, current)];
}
