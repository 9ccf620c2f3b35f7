/**
 * A local HTTPS server on 127.0.0.1 with a throwaway self-signed certificate
 * made at test time with the `openssl` CLI (a P-256 key, SAN IP:127.0.0.1,
 * valid one day), for tests that must go through real TLS and real fetch.
 * Start the CLI with `NODE_EXTRA_CA_CERTS=<certFile>` and
 * `--allow-host 127.0.0.1:<port>`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Route {
  status?: number;
  body: string | Uint8Array;
  contentType?: string;
}

export interface LocalHttpsServer {
  origin: string;
  hostPort: string;
  certFile: string;
  /** path → answer; may be changed while the server runs */
  routes: Map<string, Route>;
  requested: string[];
  close(): Promise<void>;
}

function selfSignedCertificate(dir: string): { certFile: string; key: string; cert: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
    '-keyout', keyFile, '-out', certFile, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { certFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

export async function startHttpsServer(routes: Record<string, Route> = {}): Promise<LocalHttpsServer> {
  const { cert, key, certFile } = selfSignedCertificate(mkdtempSync(path.join(tmpdir(), 'credlens-tls-')));
  const table = new Map(Object.entries(routes));
  const requested: string[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const url = req.url ?? '/';
    requested.push(url);
    const route = table.get(url);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/json' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    certFile,
    routes: table,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
