/**
 * Where a verification's time goes, measured as it runs: the wall time spent
 * waiting on the network (fetches that overlap are counted once, so the rest
 * of the wall time is the engine's own work or waiting for the CPU) and the
 * number of fetches. Kept on each row (RowTiming in lib/extension/tab-results.ts).
 */
import type { VerifyContext } from '../../engine';

export interface FetchTimer {
  ctx: VerifyContext;
  /** milliseconds during which at least one fetch was in flight */
  networkMs(): number;
  fetches(): number;
}

/** Wraps a context's fetch to time it; `now` is a millisecond clock (performance.now in the worker). */
export function timeFetches(ctx: VerifyContext, now: () => number): FetchTimer {
  let inFlight = 0;
  let since = 0;
  let waited = 0;
  let count = 0;
  const fetch: VerifyContext['fetch'] = async (url, purpose) => {
    count++;
    if (inFlight++ === 0) since = now();
    try {
      return await ctx.fetch(url, purpose);
    } finally {
      if (--inFlight === 0) waited += now() - since;
    }
  };
  return {
    ctx: { ...ctx, fetch },
    networkMs: () => (inFlight > 0 ? waited + now() - since : waited),
    fetches: () => count,
  };
}
