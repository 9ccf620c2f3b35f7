import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { keptInputText } from '../../../../lib/extension/history/input-text';
import { historyToJson, parseHistoryJson } from '../../../../lib/extension/history/json-io';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError } from '../../../../lib/extension/history/types';
import { LIMITS } from '../../../../lib/engine/limits';
import { hashOf, makeReport } from './make-report';

const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl';

describe('bug: a VC-JWT entry could not be re-verified — the history keeps the verified text', () => {
  it('keeps text that hashes to the report input, and nothing else', async () => {
    const report = makeReport({ inputHash: hashOf(TOKEN) });
    expect(await keptInputText(report, TOKEN)).toBe(TOKEN);
    expect(await keptInputText(report, `${TOKEN}x`)).toBeUndefined(); // not what was verified
    expect(await keptInputText(report, undefined)).toBeUndefined();
    expect(await keptInputText(report, '')).toBeUndefined();
  });

  it('does not keep text over LIMITS.candidateChars', async () => {
    const big = 'a'.repeat(LIMITS.candidateChars + 1);
    expect(await keptInputText(makeReport({ inputHash: hashOf(big) }), big)).toBeUndefined();
    const fits = 'a'.repeat(LIMITS.candidateChars);
    expect(await keptInputText(makeReport({ inputHash: hashOf(fits) }), fits)).toBe(fits);
  });

  it('the store puts it on the full entry but not in the list summaries', async () => {
    const store = new HistoryStore(createMemoryBackend(), { newId: () => 'e1' });
    const entry = await store.record(makeReport({ inputHash: hashOf(TOKEN), format: 'vc-jwt', container: 'jws' }), { via: 'verify-page', inputText: TOKEN });
    expect(!isStorageError(entry) && entry.inputText).toBe(TOKEN);
    const full = await store.get('e1');
    expect(!isStorageError(full) && full?.inputText).toBe(TOKEN);
    const page = await store.query({}, 0, 10);
    expect(!isStorageError(page) && page.entries[0]).not.toHaveProperty('inputText');
    const other = await store.record(makeReport({ seed: 'b' }), { via: 'page', inputText: 'not the input' });
    expect(other).not.toHaveProperty('inputText');
  });

  it('survives export and import; an import with oversized or empty text is refused', async () => {
    const store = new HistoryStore(createMemoryBackend());
    await store.record(makeReport({ inputHash: hashOf(TOKEN) }), { via: 'verify-page', inputText: TOKEN });
    const all = await store.all();
    if (isStorageError(all)) throw new Error(all.message);
    const parsed = parseHistoryJson(historyToJson(all));
    expect(parsed.ok && parsed.entries[0]?.inputText).toBe(TOKEN);
    for (const inputText of ['', 'a'.repeat(LIMITS.candidateChars + 1)]) {
      const r = parseHistoryJson(historyToJson([{ ...all[0]!, inputText }]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/inputText/);
    }
  });
});
