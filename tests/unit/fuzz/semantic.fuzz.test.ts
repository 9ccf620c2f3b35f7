/**
 * Short budget of the semantic mutation property inside `npm test` (the long
 * run is `npm run fuzz`): credentials signed by a third party, respelled within
 * JSON-LD's rules, are never verified against their signed data, and whatever
 * does verify shows and checks exactly what the signed data says (SECURITY.md row 43).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/engine/pipeline';
import { loadSemanticSources } from '../../fuzz/semantic-sources';
import { disagreements, semanticProperty, type SemanticStats } from '../../fuzz/semantic';

const RUNS = 150;
const sources = await loadSemanticSources();
const totals = { mutants: 0, falseVerified: 0, verifiedAgreeing: 0, signatureHeld: 0 };

describe('fuzz: JSON-LD respellings never change what is verified (short budget)', () => {
  it('control: for each intact source, the report agrees with the signed facts read independently', async () => {
    for (const source of sources.filter((s) => s.truth === 'verified')) {
      const report = await verify({ text: source.text }, source.context());
      expect(report.verdict, source.name).toBe('verified');
      expect(disagreements(report, source.facts), source.name).toEqual([]);
    }
  });

  it('control: the facts are not vacuous (each source has an issuer, a title and, where signed, an end date or status)', () => {
    for (const source of sources) {
      expect(source.facts.issuer, source.name).toHaveLength(1);
      expect(source.facts.titles.length, source.name).toBeGreaterThan(0);
      if (source.truth === 'expired') expect(source.facts.validUntil.length, source.name).toBe(1);
      if (source.truth === 'revoked') expect(source.facts.statusCount, source.name).toBe(1);
    }
  });

  it.each(sources.map((s) => [s.name, s] as const))('%s', async (_name, source) => {
    const stats = (await semanticProperty(source).run({ numRuns: RUNS, seed: 20261205, perInputMs: 5_000 })) as SemanticStats;
    totals.mutants += stats.mutants ?? 0;
    totals.falseVerified += stats.falseVerified ?? 0;
    totals.verifiedAgreeing += stats.verifiedAgreeing;
    totals.signatureHeld += stats.signatureHeld;
    expect(stats.mutants).toBeGreaterThan(RUNS / 2);
    expect(stats.falseVerified).toBe(0);
  });

  afterAll(() => {
    console.log(`semantic mutants (short): ${totals.mutants} mutants over ${sources.length} sources, ${totals.signatureHeld} kept a valid signature, ${totals.falseVerified} false verified, ${totals.verifiedAgreeing} verified and agreeing with the signed data`);
  });
});
