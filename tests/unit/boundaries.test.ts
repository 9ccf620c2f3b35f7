/**
 * The layers stay apart (ARCHITECTURE.md): the engine is plain TypeScript
 * for the service worker and Node, entered through lib/engine/index.ts only;
 * the content script stays small and never reaches the engine; no module
 * imports itself back through a cycle. (tests/unit/engine/net/fetch-owner.test.ts
 * holds the last rule: only lib/engine/net/safe-fetch.ts calls fetch.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../support/fixtures';
import { edgesOf, importCycles, resolveLocal, sourceFiles, staticGraph } from '../support/import-graph';
import { readFileSync } from 'node:fs';

const rel = (f: string) => path.relative(REPO_ROOT, f).split(path.sep).join('/');
const ENGINE = 'lib/engine/';
const ENGINE_INDEX = 'lib/engine/index.ts';

/** Every import (type imports included) of `file`, resolved when relative. */
function allImports(file: string): { spec: string; target?: string }[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'";]*?['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/gm)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    const target = spec.startsWith('.') ? resolveLocal(file, spec) : undefined;
    return { spec, ...(target ? { target: rel(target) } : {}) };
  });
}

describe('the engine is plain TypeScript: no browser extension, detector or reader of reports inside it', () => {
  const engine = sourceFiles('lib/engine');
  it('finds the engine (guards the walk)', () => expect(engine.length).toBeGreaterThan(60));
  it.each(engine.map((f) => [rel(f), f]))('%s', (_name, file) => {
    const outside = allImports(file).filter(({ spec, target }) => /^wxt(\/|$)/.test(spec) || (target !== undefined && !target.startsWith(ENGINE)));
    expect(outside).toEqual([]);
  });
});

describe('everything else enters the engine through its front door', () => {
  const others = sourceFiles('lib', 'entrypoints', 'components').filter((f) => !rel(f).startsWith(ENGINE));
  it.each(others.map((f) => [rel(f), f]))('%s', (_name, file) => {
    const sideDoors = allImports(file).filter(({ target }) => target?.startsWith(ENGINE) && target !== ENGINE_INDEX);
    expect(sideDoors).toEqual([]);
  });
});

describe('the content script never reaches the engine', () => {
  const graph = staticGraph(repoPath('entrypoints/content.ts'));
  const files = [...graph.files].map(rel);
  it('reaches the detectors (guards the walk)', () => expect(files).toContain('lib/detect/scan.ts'));
  it('holds no engine module and none of its dependencies', () => {
    expect(files.filter((f) => f.startsWith(ENGINE))).toEqual([]);
    for (const heavy of ['zod', 'jose', '@credlens/jsonld', 'jsonld', '@noble/curves', 'pdfjs-dist', 'idb']) expect(graph.packages.has(heavy), heavy).toBe(false);
  });
});

describe('no import cycles', () => {
  it('among the modules of lib/, entrypoints/ and components/ (value imports)', () => {
    const files = sourceFiles('lib', 'entrypoints', 'components');
    expect(files.some((f) => edgesOf(f).length > 0)).toBe(true);
    expect(importCycles(files)).toEqual([]);
  });
});
