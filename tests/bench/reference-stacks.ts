/**
 * The reference stack (reference.ts: @digitalbazaar/vc with jsonld-signatures
 * suites) built twice with esbuild: on jsonld.js as published (`jsonld`, what
 * the reference runs on anywhere else), and on the engine's patched copy
 * (`@credlens/jsonld`, lib/engine/jsonld/patch-jsonld.mjs). Each build has its
 * own jsonld.js instance and caches, so the two never share processed contexts.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ReferenceVerify = (credential: Record<string, unknown>) => Promise<boolean>;

export interface ReferenceStacks {
  /** on jsonld.js as published, contexts served untagged: the reference as this benchmark first measured it */
  untagged: ReferenceVerify;
  /** on jsonld.js as published, contexts served tagged static (jsonld.js keeps them processed) */
  published: ReferenceVerify;
  /** on the engine's patched jsonld.js, contexts tagged static */
  patched: ReferenceVerify;
}

async function buildStack(name: string, alias: Record<string, string>, outDir: string, staticContexts = true): Promise<ReferenceVerify> {
  const outfile = path.join(outDir, `reference-${name}.mjs`);
  await build({
    entryPoints: [path.join(root, 'tests/bench/reference.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    alias,
    define: { CREDLENS_REFERENCE_STATIC_CONTEXTS: String(staticContexts) },
    logLevel: 'warning',
    // the Digital Bazaar packages are CommonJS in places: give the ES module bundle a require
    banner: { js: "import { createRequire as __credlensRequire } from 'node:module'; const require = __credlensRequire(import.meta.url);" },
  });
  const mod = (await import(pathToFileURL(outfile).href)) as { referenceVerify: ReferenceVerify };
  return mod.referenceVerify;
}

/** Builds both stacks into `outDir` (bench-output) and loads them. */
export async function loadReferenceStacks(outDir: string): Promise<ReferenceStacks> {
  mkdirSync(outDir, { recursive: true });
  return {
    untagged: await buildStack('published-jsonld-untagged', {}, outDir, false),
    published: await buildStack('published-jsonld', {}, outDir),
    patched: await buildStack('patched-jsonld', { jsonld: '@credlens/jsonld' }, outDir),
  };
}
