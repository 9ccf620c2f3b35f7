import { describe, expect, it } from 'vitest';
import { historyReplyField, inputTextOf, recordToHistory } from '../../../../lib/extension/background/history-write';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import { LIMITS } from '../../../../lib/engine/limits';
import type { Report } from '../../../../lib/engine/report';

const report = {} as Report;
const hooks = (record: HistoryHooks['record']): HistoryHooks => ({ record, get: async () => undefined, clear: async () => undefined });

describe('bug: no verification is lost silently — recordToHistory', () => {
  it('hands back returned and thrown storage failures, nothing for a stored entry or no history', async () => {
    const quota = { error: 'STORAGE_QUOTA' as const, message: 'full' };
    expect(await recordToHistory(hooks(async () => quota), report, { via: 'page' })).toEqual(quota);
    expect(await recordToHistory(hooks(() => Promise.reject(new DOMException('x', 'QuotaExceededError'))), report, { via: 'page' })).toMatchObject({ error: 'STORAGE_QUOTA' });
    expect(await recordToHistory(hooks(() => Promise.reject(new Error('closed'))), report, { via: 'page' })).toMatchObject({ error: 'STORAGE_FAILED' });
    expect(await recordToHistory(hooks(async () => ({ id: 'e1' })), report, { via: 'page' })).toBeUndefined();
    expect(await recordToHistory(undefined, report, { via: 'page' })).toBeUndefined();
    expect(historyReplyField(quota)).toEqual({ history: quota });
    expect(historyReplyField(undefined)).toEqual({});
  });

  it('keeps the text of text inputs and UTF-8 files, not images, URLs or oversized text', () => {
    expect(inputTextOf({ text: 'a.b.c' })).toBe('a.b.c');
    expect(inputTextOf({ bytes: new TextEncoder().encode('{"a":1}') })).toBe('{"a":1}');
    expect(inputTextOf({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]) })).toBeUndefined();
    expect(inputTextOf({ url: 'https://issuer.example/a.json' })).toBeUndefined();
    expect(inputTextOf({ text: 'x'.repeat(LIMITS.candidateChars + 1) })).toBeUndefined();
  });
});
