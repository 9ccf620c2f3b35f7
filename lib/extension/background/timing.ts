/**
 * Where a verification's time goes, measured as it runs: the wall time spent
 * waiting on the network (fetches that overlap are counted once, so the rest
 * of the wall time is the engine's own work or waiting for the CPU) and the
 * number of fetches. Kept on each row (RowTiming in lib/extension/tab-results.ts).
 */
import type { VerifyContext } from '../../engine';

export interface FetchTimer {
  ctx: VerifyContext;
  /** milliseconds during which at least one fetch of this verification, or a load it joined, was in flight */
  networkMs(): number;
  /** fetches this verification made itself */
  fetches(): number;
}

/**
 * Wraps a context's fetch to time it; `now` is a millisecond clock (performance.now in the worker).
 * A load another verification started and this one joined (the in-flight loads are shared,
 * lib/engine/cache.ts) is waiting on the network too, so the joined promise is timed as well.
 */
export function timeFetches(ctx: VerifyContext, now: () => number): FetchTimer {
  let inFlight = 0;
  let since = 0;
  let waited = 0;
  let count = 0;
  const begin = () => {
    if (inFlight++ === 0) since = now();
  };
  const end = () => {
    if (--inFlight === 0) waited += now() - since;
  };
  const fetch: VerifyContext['fetch'] = async (url, purpose) => {
    count++;
    begin();
    try {
      return await ctx.fetch(url, purpose);
    } finally {
      end();
    }
  };
  const joined = (load: Promise<unknown>) => {
    begin();
    void load.then(end, end);
  };
  return {
    ctx: { ...ctx, fetch, inflight: new JoinTimingMap(ctx.inflight, joined) },
    networkMs: () => (inFlight > 0 ? waited + now() - since : waited),
    fetches: () => count,
  };
}

/**
 * The shared in-flight map seen by one verification: every read is the shared
 * map's (the same promise objects, which lib/engine/cache.ts compares by
 * identity), and a load found there is reported as joined.
 */
class JoinTimingMap extends Map<string, Promise<unknown>> {
  constructor(
    private readonly shared: Map<string, Promise<unknown>>,
    private readonly onJoin: (load: Promise<unknown>) => void,
  ) {
    super();
  }
  override get(key: string): Promise<unknown> | undefined {
    const load = this.shared.get(key);
    if (load) this.onJoin(load);
    return load;
  }
  override set(key: string, value: Promise<unknown>): this {
    this.shared.set(key, value);
    return this;
  }
  override has(key: string): boolean {
    return this.shared.has(key);
  }
  override delete(key: string): boolean {
    return this.shared.delete(key);
  }
  override get size(): number {
    return this.shared.size;
  }
}
