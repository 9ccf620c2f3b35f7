/**
 * Sends a message to the background and normalises the answer, so a missing
 * listener or a refused request becomes a message the page can show.
 */
import { browser } from 'wxt/browser';
import { codeMessage, t } from '../../lib/extension/i18n';
import type { ToBackground } from '../../lib/extension/messaging';
import { ERROR_CODES, messageFor, type ErrorCode, type Report } from '../../lib/engine';

export type SendResult = { ok: true; reply: Record<string, unknown> } | { ok: false; message: string };

/** Sends `message`; never throws. */
export async function sendToBackground(message: ToBackground): Promise<SendResult> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (typeof reply !== 'object' || reply === null) return { ok: false, message: t('bgNoAnswer') };
    const r = reply as Record<string, unknown>;
    if (r.ok === false) {
      const code = (ERROR_CODES as readonly string[]).includes(String(r.code)) ? (r.code as ErrorCode) : 'INTERNAL';
      return { ok: false, message: codeMessage(code, messageFor(code)) };
    }
    return { ok: true, reply: r };
  } catch {
    return { ok: false, message: t('bgNoAnswer') };
  }
}

/** The report inside a reply ({ ok, report } or a bare report). */
export function reportOf(reply: Record<string, unknown>): Report | undefined {
  const candidate = (reply.report ?? reply) as Partial<Report>;
  return typeof candidate.verdict === 'string' && Array.isArray(candidate.checks) ? (candidate as Report) : undefined;
}

/** A storage warning the background attached when saving to the history failed. */
export function historyWarningOf(reply: Record<string, unknown>): string | undefined {
  const h = (reply.history ?? reply.historyError) as { error?: unknown; message?: unknown } | undefined;
  if (!h || typeof h.message !== 'string') return undefined;
  return typeof h.error === 'string' ? codeMessage(h.error, h.message) : h.message;
}
