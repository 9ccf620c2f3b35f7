/**
 * Shared harness for the attack tables (SECURITY.md attack table). Every row runs
 * through `guarded`: the call must resolve (an uncaught exception fails the
 * row, whatever else it asserts) and must finish inside its time budget. The
 * network is a recording fake, so each row can assert "nothing fetched".
 */
import { expect } from 'vitest';
import { createContext, type VerifyContext } from '../../../lib/engine/context';
import { verify, type VerifyInput } from '../../../lib/engine/pipeline';
import { VERDICTS, type Check, type Report } from '../../../lib/engine/report';

/** A fixed clock: every signed test credential is valid from 2025 on. */
export const NOW = Date.parse('2026-06-01T00:00:00Z');

/** A route answers with JSON (any value), a ready Response, or a Response factory. */
export type Route = unknown | ((url: string, init: RequestInit) => Response | Promise<Response>);

export interface SpyNet {
  ctx: VerifyContext;
  /** every URL the transport was asked for, in order (empty = nothing fetched) */
  requests: string[];
}

/** A context whose transport serves `routes` (404 otherwise) and records every request. */
export function spyNet(routes: Record<string, Route> = {}, options: { now?: number; timeoutMs?: number } = {}): SpyNet {
  const requests: string[] = [];
  const ctx = createContext({
    now: () => options.now ?? NOW,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    transport: async (url, init) => {
      requests.push(url);
      const route = routes[url];
      if (route === undefined) return new Response('not found', { status: 404 });
      if (typeof route === 'function') return (route as (u: string, i: RequestInit) => Response | Promise<Response>)(url, init);
      if (typeof route === 'string') return new Response(route, { status: 200, headers: { 'content-type': 'application/json' } });
      return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { ctx, requests };
}

/** Default per-row budget (SECURITY.md attack table: a hostile input must not stall the worker). */
export const ROW_BUDGET_MS = 5_000;

/**
 * Runs `work`, failing the row on any thrown exception or when it takes longer
 * than `budgetMs`. Returns the value and the elapsed time.
 */
export async function guarded<T>(work: () => Promise<T> | T, budgetMs = ROW_BUDGET_MS): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let value: T;
  try {
    value = await work();
  } catch (e) {
    expect.fail(`uncaught exception: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const ms = performance.now() - started;
  expect(ms, `finished within ${budgetMs} ms`).toBeLessThan(budgetMs);
  return { value, ms };
}

/** verify() under the harness; the verdict must be one of the five. */
export async function verifyRow(input: VerifyInput, ctx: VerifyContext, budgetMs = ROW_BUDGET_MS): Promise<Report> {
  const { value: report } = await guarded(() => verify(input, ctx), budgetMs);
  expect(VERDICTS).toContain(report.verdict);
  return report;
}

/** verify() of a JSON value given as text. */
export const verifyJson = (value: unknown, ctx: VerifyContext, budgetMs?: number): Promise<Report> =>
  verifyRow({ text: JSON.stringify(value) }, ctx, budgetMs);

/** The first check carrying `code`, or undefined. */
export const withCode = (report: Report, code: string): Check | undefined => report.checks.find((c) => c.code === code);

/** Codes of the checks that did not pass (fail or error). */
export const problemCodes = (report: Report): string[] =>
  report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.code);

/** Asserts the report carries `code` (in any check) and returns that check. */
export function expectCode(report: Report, code: string): Check {
  const check = withCode(report, code);
  expect(check, `expected ${code} among ${JSON.stringify(report.checks.map((c) => [c.id, c.status, c.code]))}`).toBeDefined();
  return check!;
}
