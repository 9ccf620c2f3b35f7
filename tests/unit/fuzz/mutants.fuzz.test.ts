/**
 * Short budget of the mutation property inside `npm test` (the long run is
 * `npm run fuzz`, tests/fuzz/run.ts): for every signed source, one-change
 * mutants are never verified and never pass their proof check.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/engine/pipeline';
import { fixturesPresent } from '../../support/fixture-transport';
import { mutantProperty } from '../../fuzz/mutants';
import { loadSources } from '../../fuzz/sources';

const RUNS = 200;
const sources = await loadSources();

describe('fuzz: one signed byte changed is never verified (short budget)', () => {
  it('has sources in every signing format (fixture-based ones need ../shared/fixtures)', () => {
    const names = sources.map((s) => s.name).join(' | ');
    for (const format of ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'VC-JWT']) expect(names).toContain(format);
    if (fixturesPresent) for (const format of ['Ed25519Signature2020', 'OB 2.0 signed JWS']) expect(names).toContain(format);
  });

  it('control: a change that is not a signed byte (re-indenting the JSON) still verifies, so the property is not vacuous', async () => {
    for (const source of sources.filter((s) => s.kind === 'json' && s.baseline === 'verified')) {
      const pretty = JSON.stringify(JSON.parse(source.text), null, 2);
      expect((await verify({ text: pretty }, source.context())).verdict, source.name).toBe('verified');
    }
  });

  it.each(sources.map((s) => [s.name, s] as const))('%s', async (_name, source) => {
    const stats = await mutantProperty(source).run({ numRuns: RUNS, seed: 20261122, perInputMs: 5_000 });
    expect(stats.runs).toBeGreaterThan(RUNS / 2); // most inputs are real mutants
    expect(stats.falseVerified).toBe(0);
    expect(stats.proofPassed).toBe(0);
  });
});
