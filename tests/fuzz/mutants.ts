/**
 * "A signed credential with any signed byte changed is never verified":
 * one property per signed source (tests/fuzz/sources.ts), each input one
 * mutation (tests/fuzz/mutate.ts explains what counts as a signed byte).
 * Counts mutants and false verifications; the property fails on the first
 * mutant that is verified or whose proof check passes.
 */
import fc from 'fast-check';
import type { Report } from '../../lib/engine/report';
import { assertProperty, stopwatch, verifyChecked, type FuzzProperty } from './common';
import { JSON_MUTATIONS, JWS_MUTATIONS, mutateJson, mutateJsonText, mutateJws } from './mutate';
import type { SignedSource } from './sources';

const proofPassed = (r: Report) => r.checks.some((c) => c.id === 'proof' && c.status === 'pass');

/** Mutation kinds per source kind; 'text' is a character swap inside a JSON string literal. */
const kindsFor = (source: SignedSource): readonly string[] => (source.kind === 'jws' ? JWS_MUTATIONS : [...JSON_MUTATIONS, 'text']);

function mutate(source: SignedSource, kind: string, pick: number, pick2: number): string | undefined {
  if (source.kind === 'jws') return mutateJws(source.text, kind as (typeof JWS_MUTATIONS)[number], pick, pick2);
  if (kind === 'text') return mutateJsonText(source.text, pick, pick2);
  const changed = mutateJson(JSON.parse(source.text), kind as (typeof JSON_MUTATIONS)[number], pick, pick2);
  return changed === undefined ? undefined : JSON.stringify(changed);
}

/** Checks that the intact source reaches its baseline, so a mutant's failure means something. */
export async function checkBaseline(source: SignedSource): Promise<void> {
  const report = await verifyChecked({ text: source.text }, source.context());
  const ok = source.baseline === 'verified' ? report.verdict === 'verified' : proofPassed(report) && report.verdict !== 'verified';
  if (!ok) throw new Error(`${source.name}: intact source is ${report.verdict}, expected baseline ${source.baseline}`);
}

/** The mutation property for one source. */
export function mutantProperty(source: SignedSource): FuzzProperty {
  const name = `mutants: ${source.name}`;
  return {
    name,
    async run(options) {
      const sw = stopwatch(name, options);
      let mutants = 0;
      let falseVerified = 0;
      let proofs = 0;
      await checkBaseline(source);
      const arb = fc.tuple(fc.constantFrom(...kindsFor(source)), fc.nat(), fc.nat());
      await assertProperty(arb, async ([kind, pick, pick2]) => {
        const text = mutate(source, kind, pick, pick2);
        if (text === undefined || text === source.text) return; // nowhere to apply: not a mutant
        mutants++;
        const report = await sw.time(() => verifyChecked({ text }, source.context()));
        if (report.verdict === 'verified') falseVerified++;
        if (proofPassed(report)) proofs++;
        if (report.verdict === 'verified' || proofPassed(report))
          throw new Error(`${kind} mutant of ${source.name} ${report.verdict === 'verified' ? 'verified' : 'passed its proof'}: ${text.slice(0, 2000)}`);
      }, options);
      return { ...sw.stats, mutants, falseVerified, proofPassed: proofs };
    },
  };
}
