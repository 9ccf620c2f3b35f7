/** Helpers for tests of the network module (lib/engine/net). */
import { VerifierError } from '../../lib/engine/errors';
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

/** The code a promise is rejected with; undefined when it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof VerifierError ? e.code : 'not a VerifierError';
  }
}
