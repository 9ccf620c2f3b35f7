/**
 * What changed between two checks of the same credential (same input hash):
 * the recruiter sees "Revoked since last check" rather than two screenshots
 * to compare. The changes are stored as facts (`HistoryChange`) when the new
 * check is stored, and put into words only when shown, so they read in the
 * language the recruiter chose, whatever the background spoke when it stored
 * them and however often the language is changed afterwards.
 */
import { type Check, type CheckId, type Report, type Verdict } from '../../engine';
import { checkMessage, t } from '../i18n';
import type { HistoryChange, HistorySummary } from './types';

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

const checkChanged = (before: Check | undefined, after: Check | undefined): boolean =>
  before === undefined ? after !== undefined : after === undefined || before.status !== after.status || before.code !== after.code;

/**
 * Every difference that matters between the previous and the current report
 * of one credential, as facts: the verdict first, then checks whose outcome
 * changed, then key or status-list changes (a silently rotated key is worth
 * flagging). An empty list means "nothing changed since last check".
 */
export function diffReports(previous: Report, current: Report): HistoryChange[] {
  const out: HistoryChange[] = [];
  if (previous.verdict !== current.verdict) out.push({ kind: 'verdict', previous: previous.verdict, current: current.verdict });
  const before = new Map(previous.checks.map((c) => [c.id, c]));
  const after = new Map(current.checks.map((c) => [c.id, c]));
  for (const id of new Set<CheckId>([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(id), after.get(id)];
    if (checkChanged(b, a)) out.push({ kind: 'check', id, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
  }
  const [prevKey, curKey] = [previous.technical?.keyId, current.technical?.keyId];
  if (prevKey && curKey && prevKey !== curKey) out.push({ kind: 'signingKey', from: prevKey, to: curKey });
  const [prevList, curList] = [previous.technical?.statusListUrl, current.technical?.statusListUrl];
  if (prevList && curList && prevList !== curList) out.push({ kind: 'statusList', from: prevList, to: curList });
  return out;
}

/** One change in the UI language. */
export function describeChange(change: HistoryChange): string {
  switch (change.kind) {
    case 'verdict':
      return describeVerdictChange(change.previous, change.current) ?? '';
    case 'check':
      return describeCheckChange(change.id, change.before, change.after) ?? '';
    case 'signingKey':
      return t('changeSigningKey', change.from, change.to);
    case 'statusList':
      return t('changeStatusList', change.from, change.to);
  }
}

/**
 * Lists, in plain language, every difference that matters between the
 * previous and the current report of one input.
 *
 * @example
 * describeChanges(lastWeek, today) // ['Revoked since last check (was: Verified)', 'Revocation status: Passed → Failed — The issuer has revoked this credential']
 */
export function describeChanges(previous: Report, current: Report): string[] {
  return diffReports(previous, current).map(describeChange);
}

/**
 * What changed since the previous check of a stored entry, in the UI language;
 * entries stored before the changes were kept as facts carry their lines as written.
 */
export function changeLines(entry: Pick<HistorySummary, 'changes' | 'changedSinceLast'>): string[] {
  return entry.changes ? entry.changes.map(describeChange).filter(Boolean) : entry.changedSinceLast ?? [];
}
