/**
 * What changed between two checks of the same credential (same input hash):
 * the recruiter sees "Revoked since last check" rather than two screenshots
 * to compare. The lines are written when the new check is stored, in the
 * language the extension speaks there (the browser's, in the background).
 */
import { type Check, type CheckId, type Report, type Verdict } from '../../engine';
import { checkMessage, t } from '../i18n';

/** The sentence leading a changed verdict, by the new verdict (locale keys). */
const VERDICT_CHANGE: Record<Verdict, string> = {
  revoked: 'change_revoked',
  expired: 'change_expired',
  failed: 'change_failed',
  unverifiable: 'change_unverifiable',
  verified: 'change_verified',
};

/** A check's name as the check list shows it ("issuer-binding" → check_issuer_binding). */
const checkName = (id: CheckId): string => t(`check_${id.replace(/-/g, '_')}`);
const statusWord = (check: Check): string => t(`status_${check.status}`);

/** The verdict sentence, or undefined when the verdict did not change. */
export function describeVerdictChange(previous: Verdict, current: Verdict): string | undefined {
  if (previous === current) return undefined;
  return t('changeWas', t(VERDICT_CHANGE[current]), t(`verdict_${previous}`));
}

function describeCheckChange(id: CheckId, before: Check | undefined, after: Check | undefined): string | undefined {
  const label = checkName(id);
  if (!before && after) return t('changeCheckNew', label, statusWord(after), checkMessage(after));
  if (before && !after) return t('changeCheckGone', label, statusWord(before));
  if (!before || !after) return undefined;
  if (before.status !== after.status) return t('changeCheckStatus', label, statusWord(before), statusWord(after), checkMessage(after));
  if (before.code !== after.code) return t('changeCheckCode', label, checkMessage(after), checkMessage(before));
  return undefined;
}

/** Key material and status sources are evidence too: a silently rotated key is worth flagging. */
function describeTechnicalChanges(previous: Report, current: Report): string[] {
  const out: string[] = [];
  const prevKey = previous.technical?.keyId;
  const curKey = current.technical?.keyId;
  if (prevKey && curKey && prevKey !== curKey) out.push(t('changeSigningKey', prevKey, curKey));
  const prevList = previous.technical?.statusListUrl;
  const curList = current.technical?.statusListUrl;
  if (prevList && curList && prevList !== curList) out.push(t('changeStatusList', prevList, curList));
  return out;
}

/**
 * Lists, in plain language, every difference that matters between the
 * previous and the current report of one input: the verdict first, then
 * checks whose outcome changed, then key or status-list changes.
 * An empty list means "nothing changed since last check".
 *
 * @example
 * describeChanges(lastWeek, today) // ['Revoked since last check (was: Verified)', 'Revocation status: Passed → Failed — The issuer has revoked this credential']
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
