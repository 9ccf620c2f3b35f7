/**
 * The long fuzz run: `npm run fuzz` (tsx tests/fuzz/run.ts [multiplier] [seed]).
 * Runs every boundary property, the byte mutation property for every signed
 * source, the hostile-types property (any field of any type, SECURITY.md row 50)
 * for every source, the semantic (JSON-LD respelling) property for every third-party
 * signed source and the document-swap property (SECURITY.md rows 44–48) for every
 * credential of its world with `multiplier` × the short budget that `npm test` uses, prints the
 * seed (pass it back to replay a failure), inputs per property, mutants and
 * false verifications, and exits non-zero if any property failed.
 */
import { BOUNDARY_PROPERTIES } from './boundaries';
import type { FuzzProperty, FuzzStats } from './common';
import { hostileTypesProperty, loadHostileSources } from './hostile-types';
import { MESSAGE_PROPERTY } from './messages';
import { mutantProperty } from './mutants';
import { semanticProperty } from './semantic';
import { loadSemanticSources } from './semantic-sources';
import { loadSources } from './sources';
import { buildSwapWorld } from './swap-world';
import { SHORT_SWAP_RUNS, swapProperty } from './swaps';

const SHORT_BOUNDARY_RUNS = 300;
const SHORT_MUTANT_RUNS = 200;
const SHORT_SEMANTIC_RUNS = 500;
const SHORT_HOSTILE_RUNS = 50;

const multiplier = Number(process.argv[2] ?? 20);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
if (!Number.isFinite(multiplier) || multiplier <= 0 || !Number.isInteger(seed)) {
  console.error('usage: tsx tests/fuzz/run.ts [multiplier=20] [seed]');
  process.exit(2);
}

async function runAll(): Promise<number> {
  console.log(`credlens fuzz: seed ${seed}, ${multiplier}× the short budget`);
  const sources = await loadSources();
  const semanticSources = await loadSemanticSources();
  const hostileSources = await loadHostileSources();
  const swapWorld = await buildSwapWorld();
  const jobs: [FuzzProperty, number][] = [
    ...[...BOUNDARY_PROPERTIES, MESSAGE_PROPERTY].map((p): [FuzzProperty, number] => [p, Math.max(20, Math.round(SHORT_BOUNDARY_RUNS * (p.weight ?? 1) * multiplier))]),
    ...sources.map((s): [FuzzProperty, number] => [mutantProperty(s), SHORT_MUTANT_RUNS * multiplier]),
    ...semanticSources.map((s): [FuzzProperty, number] => [semanticProperty(s), SHORT_SEMANTIC_RUNS * multiplier]),
    ...hostileSources.map((s): [FuzzProperty, number] => [hostileTypesProperty(s), SHORT_HOSTILE_RUNS * multiplier]),
    ...swapWorld.sources.map((s): [FuzzProperty, number] => {
      const property = swapProperty(s, swapWorld);
      return [property, Math.round(SHORT_SWAP_RUNS * (property.weight ?? 1) * multiplier)];
    }),
  ];
  let failures = 0;
  let mutants = 0;
  let falseVerified = 0;
  const started = performance.now();
  for (const [property, numRuns] of jobs) {
    const t0 = performance.now();
    try {
      const stats: FuzzStats = await property.run({ numRuns, seed, perInputMs: 10_000 });
      mutants += stats.mutants ?? 0;
      falseVerified += stats.falseVerified ?? 0;
      const held = 'signatureHeld' in stats ? `, signature held ${String(stats.signatureHeld)}` : '';
      const swapped = 'verifiedHonest' in stats && 'verifiedAsForger' in stats ? `, verified as the issuer ${String(stats.verifiedHonest)}, as the forger's own ${String(stats.verifiedAsForger)}` : '';
      const extra = stats.mutants !== undefined ? `, mutants ${stats.mutants}, false-verified ${stats.falseVerified}, proof passed ${stats.proofPassed}${held}${swapped}` : '';
      console.log(`ok   ${property.name}: ${stats.runs} inputs, slowest ${stats.maxMs.toFixed(0)} ms${extra} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failures++;
      console.log(`FAIL ${property.name}\n${e instanceof Error ? e.message : String(e)}`);
    }
  }
  console.log(`total: ${jobs.length} properties, ${failures} failed; ${mutants} mutants, ${falseVerified} false-verified; ${((performance.now() - started) / 1000).toFixed(1)} s; seed ${seed}`);
  return failures > 0 || falseVerified > 0 ? 1 : 0;
}

process.exit(await runAll());
