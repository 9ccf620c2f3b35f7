/**
 * The local demo world: one HTTPS server on 127.0.0.1 that answers for
 * linkedin.com, credly.com, credential.net and the demo issuer by Host header.
 * Chromium reaches it through `--host-resolver-rules` (so the extension's
 * production URL patterns run unchanged and nothing leaves the machine) and
 * trusts its throwaway certificate through an SPKI allow-list.
 */
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildCatalogue, HOSTS, type Catalogue, type ExpectedCredential, type Resource } from './catalogue';
import { CANDIDATE } from './credentials';
import { createWorldTls } from './tls';

export { HOSTS, type ExpectedCredential } from './catalogue';
export { CANDIDATE } from './credentials';

export interface World {
  port: number;
  hosts: string[];
  /** base64 SHA-256 of the server key's SPKI */
  spkiHash: string;
  /** PEM of the throwaway CA, for Node clients */
  caPem: string;
  expected: ExpectedCredential[];
  pages: Catalogue['pages'];
  /** the profile owner the demo credentials were issued to */
  candidate: typeof CANDIDATE;
  /** every request the world answered, as "host path", for assertions about what was fetched */
  requests: string[];
  /** the same requests over HTTPS with the headers that could leak who is looking (cookie, referer) */
  requestLog: LoggedRequest[];
  /**
   * A fetch-compatible transport answering from the same routes in memory, for
   * running the engine in Node against the world without TLS (lib/engine/net/safe-fetch.ts `Transport`).
   */
  transport: (url: string, init?: RequestInit) => Promise<Response>;
  /**
   * Revokes a demo credential (by title) while the world runs: its issuer's
   * BitstringStatusList is re-signed with the credential's bit set and served
   * from then on. Throws for a credential without a status entry.
   */
  revoke(title: string): Promise<void>;
  /** the ten-certification profile the end-to-end benchmark times (tests/world/bench-profile.ts) */
  benchProfile: import('./bench-profile').BenchProfile;
  /** the profile whose certifications link to issuers' own sites, shorteners and pages */
  issuerLinks: import('./issuer-links').IssuerLinkProfiles;
  /** Chromium switches that route the demo hosts here and trust only this server key */
  chromiumArgs: string[];
  stop(): Promise<void>;
}

export interface LoggedRequest {
  host: string;
  path: string;
  /** when the request arrived (ms since the epoch), before any `delayMs` */
  at: number;
  accept?: string;
  cookie?: string;
  referer?: string;
}

export interface WorldOptions {
  /** defaults to CREDLENS_WORLD_PORT or 8443; 0 picks a free port */
  port?: number;
  /** every response waits this long before it is sent, like a server across the internet (the benchmark uses 100 ms) */
  delayMs?: number;
}

type Routes = Map<string, Resource>;

/** Answers a request from the route table by Host header and path, `delayMs` after it arrived; records it. */
function answer(routes: Routes, requests: string[], log: LoggedRequest[], delayMs = 0): http.RequestListener {
  const respond = respondFrom(routes, requests, log);
  return delayMs > 0 ? (req, res) => void setTimeout(respond, delayMs, req, res, Date.now()) : (req, res) => respond(req, res, Date.now());
}

function respondFrom(routes: Routes, requests: string[], log: LoggedRequest[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse, at: number): void => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push(`${host} ${path}`);
    const { accept, cookie, referer } = req.headers;
    log.push({ host, path, at, ...(accept ? { accept } : {}), ...(cookie ? { cookie } : {}), ...(referer ? { referer } : {}) });
    const readable = req.method === 'GET' || req.method === 'HEAD';
    const resource = readable ? routes.get(`${host}${path}`) : undefined;
    // CORS is open because real issuers serve public credentials this way; the extension fetches with credentials omitted.
    const common = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (!resource) {
      res.writeHead(readable ? 404 : 405, { ...common, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(resource.status ?? 200, { ...common, 'content-type': resource.contentType, ...resource.headers });
    res.end(req.method === 'HEAD' ? undefined : resource.body);
  };
}

/** The same routes as an in-memory fetch, for the engine in Node. */
function inMemoryTransport(routes: Routes, requests: string[]): World['transport'] {
  return async (url) => {
    const u = new URL(url);
    requests.push(`${u.hostname} ${u.pathname}`);
    const r = u.protocol === 'https:' && !u.port ? routes.get(`${u.hostname}${u.pathname}`) : undefined;
    if (!r) throw new TypeError(`fetch failed: ${url} is not in the demo world`);
    const body = typeof r.body === 'string' ? r.body : new Uint8Array(r.body);
    return new Response(body, { status: r.status ?? 200, headers: { 'content-type': r.contentType, ...r.headers } });
  };
}

/** Listens on `wanted`; when the default port is taken (a demo already running) any free port works, the host map follows it. */
async function listen(server: https.Server, wanted: number, fallback: boolean): Promise<number> {
  const attempt = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await attempt(wanted);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !fallback) throw e;
    await attempt(0);
  }
  return (server.address() as AddressInfo).port;
}

/** Signs the credentials, builds the pages and starts serving. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const hosts: string[] = Object.values(HOSTS);
  const tls = createWorldTls(hosts);
  const catalogue = await buildCatalogue();
  const requests: string[] = [];
  const requestLog: LoggedRequest[] = [];
  const server = https.createServer({ cert: tls.certChainPem, key: tls.keyPem }, answer(catalogue.routes, requests, requestLog, options.delayMs));
  const wanted = options.port ?? Number(process.env.CREDLENS_WORLD_PORT ?? 8443);
  const port = await listen(server, wanted, options.port === undefined);
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return {
    port,
    hosts,
    spkiHash: tls.spkiHash,
    caPem: tls.caPem,
    expected: catalogue.expected,
    pages: catalogue.pages,
    candidate: CANDIDATE,
    requests,
    requestLog,
    transport: inMemoryTransport(catalogue.routes, requests),
    revoke: catalogue.revoke,
    benchProfile: catalogue.benchProfile,
    issuerLinks: catalogue.issuerLinks,
    chromiumArgs: [
      // Every other name fails to resolve, so nothing can leave the machine by accident.
      `--host-resolver-rules=${rules}, MAP * ~NOTFOUND, EXCLUDE localhost`,
      `--ignore-certificate-errors-spki-list=${tls.spkiHash}`,
    ],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
