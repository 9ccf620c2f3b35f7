/**
 * The popup only displays results: its static import graph must not reach
 * the verification engine or its heavy dependencies (SECURITY.md budgets,
 * popup: no jsonld or jose in the popup bundle; zod stays behind lazy
 * imports). Dynamic `import()` and `import type` are allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return undefined;
}

/** Every file and bare package reached through static imports from `entry`. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (!spec || /\.(css|json)$/.test(spec)) continue;
      if (spec.startsWith('.')) {
        const resolved = resolveLocal(file, spec);
        if (resolved) queue.push(resolved);
      } else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('popup import graph', () => {
  const graph = staticGraph(path.join(root, 'entrypoints/popup/main.tsx'));
  const rel = [...graph.files].map((f) => path.relative(root, f));

  it('reaches the popup components', () => {
    expect(rel).toContain('components/PopupApp/index.tsx');
    expect(rel).toContain('components/CredentialDetails/index.tsx');
  });

  it('does not reach zod, jose, jsonld or other engine dependencies', () => {
    for (const heavy of ['zod', 'jose', 'jsonld', '@noble/curves', '@peculiar/x509', 'pdfjs-dist', 'idb']) {
      expect(graph.packages.has(heavy), heavy).toBe(false);
    }
  });

  it('does not reach the verification pipeline or the history store', () => {
    expect(rel.filter((f) => f === 'lib/pipeline.ts' || f.startsWith('lib/history/') || f === 'lib/qa/edc.ts')).toEqual([]);
  });
});
