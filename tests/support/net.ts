/** Helpers for tests of the network module (lib/engine/net). */
import type { Transport } from '../../lib/engine/net/safe-fetch';

/** A transport that records every request and answers with `respond`. */
export function recorder(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const transport: Transport = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { calls, transport };
}
