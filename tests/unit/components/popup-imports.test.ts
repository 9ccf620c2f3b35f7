/**
 * The popup only displays results: its static import graph must not reach
 * the verification engine or its heavy dependencies (SECURITY.md budgets,
 * popup: no jsonld or jose in the popup bundle; zod stays behind lazy
 * imports). Dynamic `import()` and `import type` are allowed; names taken from
 * the engine's front door follow only their own re-exports (tests/support/import-graph.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';
import { staticGraph } from '../../support/import-graph';

const root = REPO_ROOT;

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
    expect(rel.filter((f) => f === 'lib/engine/pipeline.ts' || f.startsWith('lib/extension/history/') || f === 'lib/qa/edc.ts')).toEqual([]);
  });
});
