import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';

/**
 * The content script runs on every matched page: it must stay small and free
 * of the engine's heavy dependencies (SECURITY.md budgets: ≤ 30 KB minified;
 * a top-level zod schema in a module it imports once put 80 KB into it).
 */
describe('content-script weight', () => {
  it('the detection code it bundles is under 30 KB minified and pulls in no zod, jose or jsonld', async () => {
    const root = REPO_ROOT;
    const result = await build({
      stdin: {
        contents: "export * from './lib/detect/run'; export * from './lib/detect/marker'; export * from './lib/detect/platforms';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0]!.contents.byteLength;
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /node_modules\/(zod|jose|jsonld)/.test(f))).toEqual([]);
    expect(inputs.every((f) => f.startsWith('lib/detect/') || f === '<stdin>')).toBe(true);
    expect(bytes).toBeLessThan(30 * 1024);
  });
});
