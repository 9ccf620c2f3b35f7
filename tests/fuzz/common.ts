/**
 * Shared pieces of the fuzz properties: run options and statistics, and the
 * report invariants every verify() call must satisfy (never throws, one of
 * the five verdicts, within its per-input deadline, bounded report size).
 */
import fc from 'fast-check';
import type { VerifyContext } from '../../lib/engine/context';
import { isVerifierError } from '../../lib/engine/errors';
import { verify, type VerifyInput } from '../../lib/engine/pipeline';
import { VERDICTS, type Report } from '../../lib/engine/report';

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** deadline for one input, in ms */
  perInputMs: number;
}

export interface FuzzStats {
  name: string;
  /** inputs fast-check generated and checked */
  runs: number;
  /** slowest single input, in ms */
  maxMs: number;
  /** mutation properties only: mutants verified, and how many were (wrongly) verified */
  mutants?: number;
  falseVerified?: number;
  /** mutants whose proof check passed (must be 0 as well) */
  proofPassed?: number;
}

export interface FuzzProperty {
  name: string;
  /** relative weight of numRuns (expensive properties run fewer inputs) */
  weight?: number;
  run(options: FuzzOptions): Promise<FuzzStats>;
}

/** A report of at most this many characters, beyond the size of the input itself. */
export const REPORT_OVERHEAD_CHARS = 64 * 1024;

/** Tracks runs and the slowest input; `time` fails an input over its deadline. */
export function stopwatch(name: string, options: FuzzOptions) {
  const stats: FuzzStats = { name, runs: 0, maxMs: 0 };
  return {
    stats,
    async time<T>(work: () => Promise<T> | T): Promise<T> {
      const started = performance.now();
      const value = await work();
      const ms = performance.now() - started;
      stats.runs++;
      stats.maxMs = Math.max(stats.maxMs, ms);
      if (ms > options.perInputMs) throw new Error(`${name}: one input took ${ms.toFixed(0)} ms (deadline ${options.perInputMs} ms)`);
      return value;
    },
  };
}

/** verify() under the invariants; returns the report. */
export async function verifyChecked(input: VerifyInput, ctx: VerifyContext): Promise<Report> {
  const report = await verify(input, ctx); // a rejection fails the property: verify must always resolve
  if (!VERDICTS.includes(report.verdict)) throw new Error(`verdict outside the five: ${String(report.verdict)}`);
  const inputChars = 'text' in input ? input.text.length : 'bytes' in input ? input.bytes.length : 0;
  const size = JSON.stringify(report).length;
  // The signed payload once, and each summary field at most twice (the title is also the achievement's name,
  // the image also the achievement's image): three times the input, whatever is in it.
  if (size > REPORT_OVERHEAD_CHARS + 3 * inputChars) throw new Error(`report of ${size} chars for an input of ${inputChars}`);
  return report;
}

/** Calls `work`; a VerifierError whose code passes `allowed` is fine, anything else thrown is rethrown. */
export function expectOnlyVerifierErrors<T>(work: () => T, allowed: (code: string) => boolean): T | undefined {
  try {
    return work();
  } catch (e) {
    if (isVerifierError(e) && allowed(e.code)) return undefined;
    throw e;
  }
}

/** Async variant of expectOnlyVerifierErrors. */
export async function expectOnlyVerifierErrorsAsync<T>(work: () => Promise<T>, allowed: (code: string) => boolean): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (isVerifierError(e) && allowed(e.code)) return undefined;
    throw e;
  }
}

/** fc.assert with the run options; fast-check reports the seed and the shrunk counterexample on failure. */
export async function assertProperty<T>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>, options: FuzzOptions): Promise<void> {
  await fc.assert(fc.asyncProperty(arb, check), { numRuns: options.numRuns, seed: options.seed, endOnFailure: true });
}
