/**
 * The list of things the user asked to verify on this page and their
 * reports. The background verifies each and stores it in the history; if
 * storing failed, the report is still shown here with the storage warning.
 */
import { useState } from 'preact/hooks';
import { historyWarningOf, reportOf, sendToBackground } from '../../components/HistoryView/send';
import { historyStore } from '../../lib/extension/history/record';
import { isStorageError } from '../../lib/extension/history/types';
import { type Report } from '../../lib/engine';
import { codeMessage, t } from '../../lib/extension/i18n';
import type { VerifyPayload } from './inputs';

export interface VerificationItem {
  id: number;
  label: string;
  status: 'pending' | 'done' | 'error';
  report?: Report;
  message?: string;
  historyWarning?: string;
}

let nextId = 1;

/**
 * The background stores each report before it answers; look for it, so a
 * failed write (full disk, blocked database) is told to the user rather than
 * lost silently. Undefined when the report is in the history.
 */
async function notSavedReason(report: Report): Promise<string | undefined> {
  const stored = await historyStore().latestFor(report.inputHash);
  if (isStorageError(stored)) return codeMessage(stored.error, stored.message);
  return stored && stored.checkedAt === report.checkedAt ? undefined : t('verifyNotSavedReason');
}

export function useVerifications() {
  const [items, setItems] = useState<VerificationItem[]>([]);
  const patch = (id: number, change: Partial<VerificationItem>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...change } : i)));

  /** Sends one input to the background and fills in its report. */
  async function verify(input: VerifyPayload, label: string): Promise<void> {
    const id = nextId++;
    setItems((all) => [{ id, label, status: 'pending' }, ...all]);
    const sent = await sendToBackground({ type: 'verify/input', input });
    if (!sent.ok) return patch(id, { status: 'error', message: sent.message });
    const report = reportOf(sent.reply);
    if (!report) return patch(id, { status: 'error', message: t('bgNoAnswer') });
    patch(id, { status: 'done', report, historyWarning: historyWarningOf(sent.reply) ?? (await notSavedReason(report)) });
  }

  /** Adds an item that failed before reaching the background (too large, unreadable). */
  function reject(label: string, message: string): void {
    setItems((all) => [{ id: nextId++, label, status: 'error', message }, ...all]);
  }

  return { items, verify, reject, clear: () => setItems([]) };
}
