/**
 * A throwaway test CA and one server certificate, made fresh at every start of
 * the demo world with the `openssl` CLI (in a temporary folder that is removed
 * straight away). Nothing is trusted system-wide: the test browser trusts
 * exactly this leaf key through `--ignore-certificate-errors-spki-list=<spkiHash>`
 * (Chromium's per-profile SPKI allow-list), so the key is worthless elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WorldTls {
  /** PEM of the leaf certificate followed by the CA certificate */
  certChainPem: string;
  /** PKCS#8 PEM of the leaf private key */
  keyPem: string;
  /** PEM of the CA certificate alone (for Node clients in tests) */
  caPem: string;
  /** base64 SHA-256 of the leaf SubjectPublicKeyInfo, the value Chromium's SPKI allow-list takes */
  spkiHash: string;
}

function openssl(cwd: string, args: string[]): void {
  execFileSync(process.env.OPENSSL_PATH ?? 'openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the CA and a leaf valid for every host the world answers for. */
export function createWorldTls(hosts: readonly string[]): WorldTls {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credlens-world-tls-'));
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '7',
      '-subj', '/CN=Credlens demo world test CA (throwaway)',
      '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(dir, ['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=credlens demo world']);
    const san = [...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
    writeFileSync(path.join(dir, 'leaf.ext'),
      `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`);
    openssl(dir, ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-days', '7', '-extfile', 'leaf.ext', '-out', 'leaf.pem']);
    const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
    const keyPem = read('leaf.key');
    const spkiDer = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
    return {
      certChainPem: read('leaf.pem') + read('ca.pem'),
      keyPem,
      caPem: read('ca.pem'),
      spkiHash: createHash('sha256').update(spkiDer).digest('base64'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
