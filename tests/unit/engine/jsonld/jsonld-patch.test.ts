/**
 * The engine canonicalises with its own, patched copy of jsonld.js
 * (@credlens/jsonld, lib/engine/jsonld/patch-jsonld.mjs: active contexts share term
 * definitions instead of deep-copying them). This differential test holds its
 * canonical N-Quads byte-identical to unpatched jsonld.js, on every fixture
 * document and on fuzzed respellings of signed credentials, errors included.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import jsonldReference from 'jsonld';
import jsonldPatched from '@credlens/jsonld';
import { describe, expect, it } from 'vitest';
import { staticDocumentLoader } from '../../../../lib/engine/jsonld/static-loader';
import { FIXTURES, fixturesPresent } from '../../../support/fixture-transport';
import { SEMANTIC_REWRITES, rewrite } from '../../../fuzz/semantic';
import { loadSemanticSources } from '../../../fuzz/semantic-sources';

const OPTIONS = { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: staticDocumentLoader, safe: true, base: null };

/** Canonical N-Quads, or the name and code of the error, so both sides can be compared either way. */
async function canonical(lib: typeof jsonldReference, document: unknown): Promise<string> {
  try {
    return (await lib.canonize(structuredClone(document) as object, OPTIONS as never)) as unknown as string;
  } catch (e) {
    const err = e as { name?: string; details?: { code?: string } };
    return `error ${err.name ?? ''} ${err.details?.code ?? ''}`;
  }
}

const withoutProof = (doc: Record<string, unknown>) => {
  const { proof: _proof, ...rest } = doc;
  return rest;
};

function jsonDocuments(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'contexts' ? [] : jsonDocuments(full);
    return /\.(json|jsonld)$/.test(name) ? [full] : [];
  });
}

describe('the patched jsonld.js', () => {
  it('is installed with the patch (package.json postinstall ran)', () => {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('@credlens/jsonld/package.json')), 'lib', 'context.js');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('credlens: term definitions are shared');
    // the contexts a type-scoped context stacks on are shared too, so processed contexts are found again
    expect(source).toContain('NON_PROPAGATED_CHILDREN.set(activeCtx, rval)');
    expect(source).not.toContain('return this.previousContext.clone();');
    expect(jsonldPatched).not.toBe(jsonldReference);
  });
});

describe.skipIf(!fixturesPresent)('canonical forms equal unpatched jsonld.js on every fixture document', () => {
  const documents = fixturesPresent
    ? jsonDocuments(FIXTURES).flatMap((file) => {
        try {
          const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
          return value && typeof value === 'object' && !Array.isArray(value) && '@context' in value ? [[path.relative(FIXTURES, file), value as Record<string, unknown>] as const] : [];
        } catch {
          return [];
        }
      })
    : [];

  it('finds JSON-LD documents among the fixtures', () => expect(documents.length).toBeGreaterThan(60));

  it.each(documents)('%s', async (_file, document) => {
    const unsecured = withoutProof(document);
    expect(await canonical(jsonldPatched, unsecured)).toBe(await canonical(jsonldReference, unsecured));
  });
});

describe('canonical forms equal unpatched jsonld.js on fuzzed respellings of signed credentials', () => {
  it('400 mutants', async () => {
    const sources = await loadSemanticSources();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.constantFrom(...SEMANTIC_REWRITES), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }), async (pick, steps) => {
        const source = sources[pick % sources.length]!;
        const text = rewrite(source.text, steps) ?? source.text;
        const unsecured = withoutProof(JSON.parse(text) as Record<string, unknown>);
        compared++;
        expect(await canonical(jsonldPatched, unsecured)).toBe(await canonical(jsonldReference, unsecured));
      }),
      { numRuns: 400, seed: 20261205 },
    );
    expect(compared).toBe(400);
  });
});
