/**
 * A fake web for key-resolution tests: serves JSON documents by URL through
 * the injected transport of createContext and records every request, so tests
 * can assert "nothing fetched".
 */
import { createContext, type VerifyContext } from '../../../../lib/engine/context';

export interface FakeWeb {
  ctx: VerifyContext;
  /** every URL the transport was asked for, in order */
  requests: string[];
}

export type Route = unknown | ((url: string) => Response);

/** Builds a context whose transport answers from `routes` (JSON bodies or Response factories); 404 otherwise. */
export function fakeWeb(routes: Record<string, Route> = {}, now = Date.parse('2026-01-01T00:00:00Z')): FakeWeb {
  const requests: string[] = [];
  const ctx = createContext({
    now: () => now,
    transport: async (url) => {
      requests.push(url);
      const route = routes[url];
      if (route === undefined) return new Response('not found', { status: 404 });
      if (typeof route === 'function') return (route as (u: string) => Response)(url);
      return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { ctx, requests };
}
