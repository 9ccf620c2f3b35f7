/**
 * The history's IndexedDB backend pages newest first with a key cursor and
 * one getAll per page (lib/extension/history/idb-backend.ts), in Chromium's
 * real IndexedDB. Every page, ties on `checkedAt` included, must be exactly
 * the in-memory backend's page of the same entries.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('every page of a history with tied check times is the same in IndexedDB as in memory', async ({ openExtensionPage }) => {
  const bundle = await build({
    stdin: {
      contents: `import { createIdbBackend } from './lib/extension/history/idb-backend'; import { createMemoryBackend } from './lib/extension/history/backend';
        globalThis.__backends = { idb: createIdbBackend(), memory: createMemoryBackend() };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, format: 'iife', write: false, platform: 'browser',
  });
  const page = await openExtensionPage('manifest.json');
  // the extension's CSP refuses inline scripts; DevTools evaluation is not a page script
  await page.evaluate(bundle.outputFiles[0]!.text);
  const pages = await page.evaluate(async () => {
    type Backend = { putMany(e: unknown[]): Promise<void>; pageNewestFirst(o: number, l: number): Promise<Array<{ id: string }>>; count(): Promise<number> };
    const { idb, memory } = (globalThis as unknown as { __backends: Record<'idb' | 'memory', Backend> }).__backends;
    // 250 entries over 40 distinct instants: most pages start and end inside a run of ties
    const entries = Array.from({ length: 250 }, (_, i) => {
      const checkedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 7) * 60_000).toISOString();
      const id = `e-${String((i * 37) % 250).padStart(3, '0')}`;
      return { id, inputHash: '0'.repeat(64), credentialKey: `input:${'0'.repeat(64)}`, via: 'page', checkedAt, verdict: 'verified', format: 'vc-jwt', report: { checkedAt } };
    });
    await idb.putMany(entries);
    await memory.putMany(entries);
    const out: Array<{ offset: number; limit: number; idb: string[]; memory: string[] }> = [];
    for (const limit of [1, 7, 100]) {
      for (let offset = 0; offset <= 260; offset += limit === 100 ? 50 : 13) {
        out.push({ offset, limit, idb: (await idb.pageNewestFirst(offset, limit)).map((e) => e.id), memory: (await memory.pageNewestFirst(offset, limit)).map((e) => e.id) });
      }
    }
    return { out, count: await idb.count() };
  });
  expect(pages.count).toBe(250);
  for (const p of pages.out) expect(p.idb, `offset ${p.offset}, limit ${p.limit}`).toEqual(p.memory);
  expect(pages.out.find((p) => p.offset === 0 && p.limit === 100)?.idb).toHaveLength(100);
  expect(pages.out.find((p) => p.offset === 250)?.idb).toEqual([]);
});
