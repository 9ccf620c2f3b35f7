/**
 * A transport over node:https that trusts one extra CA (the local server's
 * throwaway certificate), so the engine's safe fetch runs against a real TLS
 * server inside one process. Bench-only plumbing; lib/ never uses it.
 */
import { request } from 'node:https';
import type { Transport } from '../../lib/engine/net/safe-fetch';

export function tlsTransport(ca: string, onRequest?: (url: string) => void): Transport {
  return (url, init) =>
    new Promise((resolve, reject) => {
      onRequest?.(url);
      const req = request(url, { method: 'GET', ca, headers: init.headers as Record<string, string>, signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
}
