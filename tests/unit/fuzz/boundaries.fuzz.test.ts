/**
 * Short budget of the boundary properties inside `npm test` (the long run is
 * `npm run fuzz`): every parser and boundary, on generated input, never
 * throws anything but its own VerifierError, answers within its per-input
 * deadline and keeps its output bounded.
 */
import { describe, expect, it } from 'vitest';
import { BOUNDARY_PROPERTIES } from '../../fuzz/boundaries';
import { MESSAGE_PROPERTY } from '../../fuzz/messages';

const RUNS = 300;

describe('fuzz: parsers and boundaries (short budget)', () => {
  it.each([...BOUNDARY_PROPERTIES, MESSAGE_PROPERTY].map((p) => [p.name, p] as const))('%s', async (_name, property) => {
    const numRuns = Math.max(20, Math.round(RUNS * (property.weight ?? 1)));
    const stats = await property.run({ numRuns, seed: 20261122, perInputMs: 5_000 });
    expect(stats.runs).toBe(numRuns);
  });
});
