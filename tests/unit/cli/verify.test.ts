/**
 * The command-line verifier as a user runs it: a child process
 * (`tsx lib/cli/verify.ts …`, as `npm run verify` runs it) on files baked in a temp dir, and on badges served
 * by a real local HTTPS server (self-signed certificate made here, trusted via
 * NODE_EXTRA_CA_CERTS, host allowed with --allow-host).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../lib/cli/verify';
import type { Report } from '../../../lib/engine/report';
import { encodeStatusList } from '../../../lib/engine/status/bitstring';
import { iTXt, makePng } from '../../support/bake';
import { startHttpsServer, type LocalHttpsServer } from '../../support/https-server';
import { createTestIssuer, signJcs, type TestIssuer } from '../../support/sign-jcs';
import { REPO_ROOT } from '../../support/fixtures';

const ROOT = REPO_ROOT;
const dir = mkdtempSync(path.join(tmpdir(), 'credlens-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/verify.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const reports = (run: Run): Report[] => JSON.parse(run.stdout) as Report[];

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** An OB 3.0 credential issued to grace@example.org (salted, hashed email). */
function badgeFor(issuer: TestIssuer, extra: Record<string, unknown> = {}) {
  const salt = 'pepper-1';
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6f1c1f4e-3a55-4b5e-9d3c-1a2b3c4d5e6f',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Example Academy' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Data Literacy',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          salt,
          identityHash: 'sha256$' + createHash('sha256').update(`grace@example.org${salt}`).digest('hex'),
        },
      ],
      achievement: { id: 'https://academy.example/achievements/1', type: ['Achievement'], name: 'Data Literacy', description: 'Reads charts', criteria: { narrative: 'Passed the exam' } },
    },
    ...extra,
  };
}

describe('CLI arguments', () => {
  it('parses every recipient hint and repeated allowed hosts', () => {
    const args = parseArgs(['--email', 'a@b.example', '--url', 'https://a.example', '--telephone', '+15550100', '--did', 'did:example:a', '--allow-host', 'h:1', '--allow-host', 'h:2', 'x.json']);
    expect(args.recipient).toEqual({ email: 'a@b.example', url: 'https://a.example', telephone: '+15550100', did: 'did:example:a' });
    expect(args.allowHosts).toEqual(['h:1', 'h:2']);
    expect(args.inputs).toEqual(['x.json']);
    expect(() => parseArgs(['--did'])).toThrow('--did needs a value');
    expect(() => parseArgs(['-', '-'])).toThrow('standard input can be read only once');
  });
});

describe('CLI on baked files', { timeout: 60_000 }, () => {
  const issuer = createTestIssuer();
  let signed: Record<string, unknown>;
  beforeAll(async () => {
    signed = await signJcs(badgeFor(issuer), issuer);
  });

  it('verifies a baked PNG and matches the recipient email (exit 0)', async () => {
    const png = write('badge.png', makePng(iTXt('openbadgecredential', JSON.stringify(signed))));
    const run = await cli(['--json', '--email', 'grace@example.org', png]);
    const [report] = reports(run);
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ verdict: 'verified', container: 'png', format: 'vc-data-integrity' });
    expect(report!.recipient).toMatchObject({ outcome: 'match', message: 'Issued to grace@example.org' });
    expect(report!.summary.title).toBe('Data Literacy');
  });

  it('a tampered credential fails with the signature code (exit 1), and its recipient is not read', async () => {
    const tampered = { ...signed, name: 'Data Science PhD' };
    const file = write('tampered.json', JSON.stringify(tampered));
    const run = await cli(['--json', '--email', 'grace@example.org', file]);
    const [report] = reports(run);
    expect(run.code).toBe(1);
    expect(report!.verdict).toBe('failed');
    expect(report!.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
    expect(report!.recipient.outcome).toBe('not-checked');
  });

  it('an unknown cryptosuite is unverifiable (exit 1), and the readable report says so', async () => {
    const unknown = { ...signed, proof: { ...(signed.proof as object), cryptosuite: 'rot13-2099' } };
    const file = write('unknown-suite.json', JSON.stringify(unknown));
    const json = await cli(['--json', file]);
    expect(json.code).toBe(1);
    expect(reports(json)[0]).toMatchObject({ verdict: 'unverifiable' });
    expect(reports(json)[0]!.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'error', code: 'DI_UNSUPPORTED_CRYPTOSUITE' });
    const text = await cli([file]);
    expect(text.stdout).toContain('COULD NOT BE CHECKED');
  });

  it('row 50: hostile inputs among good ones: every input gets its report, in order, and only the good ones are verified', async () => {
    const good = write('good.json', JSON.stringify(signed));
    const goodPng = write('good.png', makePng(iTXt('openbadgecredential', JSON.stringify(signed))));
    const hostile = [
      write('to-string.json', JSON.stringify({ ...signed, issuer: JSON.parse('{"id": {"toString": "not a function"}, "name": {"__proto__": {"x": 1}}}') })),
      write('swarm.json', JSON.stringify({ ...signed, evidence: Array.from({ length: 50_000 }, () => ({})) })),
      write('two-credentials.png', makePng(iTXt('openbadges', JSON.stringify(signed)), iTXt('openbadgecredential', JSON.stringify(signed)))),
      write('noise.bin', new Uint8Array(4096).map((_, i) => (i * 7919) % 256)),
      write('1mb-name.json', JSON.stringify({ ...signed, name: 'x'.repeat(1024 * 1024) })),
    ];
    const inputs = [good, ...hostile, goodPng];
    const run = await cli(['--json', ...inputs]);
    const all = reports(run);
    expect(run.code).toBe(1);
    expect(all.map((r) => r.inputName)).toEqual(inputs);
    expect(all.map((r) => r.verdict)).toEqual(['verified', ...hostile.map(() => expect.not.stringMatching(/^verified$/)), 'verified']);
    expect(all.flatMap((r) => r.checks).some((c) => c.code === 'INTERNAL')).toBe(false);
    expect(run.stderr).toBe('');
  });

  it('row 50: a file that cannot be read is named on stderr; the other inputs still get their reports (exit 2)', async () => {
    const good = write('good-too.json', JSON.stringify(signed));
    const missing = path.join(dir, 'no-such-file.json');
    const json = await cli(['--json', missing, good]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(`cannot read ${missing}`);
    expect(reports(json).map((r) => [r.inputName, r.verdict])).toEqual([[good, 'verified']]);
    const text = await cli([good, missing]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('VERIFIED');
  });

  it('usage errors exit 2', async () => {
    expect((await cli([])).code).toBe(2);
    const bogus = await cli(['--frobnicate', 'x.json']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('unknown option --frobnicate');
  });
});

describe('CLI against a local HTTPS server', { timeout: 60_000 }, () => {
  let server: LocalHttpsServer;
  const issuer = createTestIssuer();
  beforeAll(async () => {
    server = await startHttpsServer();
    const o = server.origin;
    const ob2 = (id: string) => ({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id,
      recipient: { type: 'email', hashed: false, identity: 'grace@example.org' },
      badge: `${o}/badge.json`,
      issuedOn: '2024-01-01T00:00:00Z',
      verification: { type: 'hosted' },
    });
    server.routes.set('/issuer.json', { body: JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${o}/issuer.json`, name: 'Local University', url: o }) });
    server.routes.set('/badge.json', { body: JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${o}/badge.json`, name: 'Hosted Badge', description: 'd', image: `${o}/b.png`, criteria: `${o}/c`, issuer: `${o}/issuer.json` }) });
    server.routes.set('/assertions/1.json', { body: JSON.stringify(ob2(`${o}/assertions/1.json`)) });
    server.routes.set('/assertions/2.json', { status: 410, body: '' });
    write('revoked-ob2.json', JSON.stringify(ob2(`${o}/assertions/2.json`)));
    const list = await signJcs(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: `${o}/status/1`,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: '2024-01-01T00:00:00Z',
        credentialSubject: { id: `${o}/status/1#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([42]) },
      },
      issuer,
    );
    server.routes.set('/status/1', { body: JSON.stringify(list) });
  });
  afterAll(async () => server?.close());

  const env = () => ({ NODE_EXTRA_CA_CERTS: server.certFile });

  it('verifies a hosted OB 2.0 assertion given by URL (real TLS, real fetch)', async () => {
    const run = await cli(['--json', '--allow-host', server.hostPort, '--email', 'grace@example.org', `${server.origin}/assertions/1.json`], env());
    const [report] = reports(run);
    expect(report).toMatchObject({ verdict: 'verified', format: 'ob2-hosted', container: 'url' });
    expect(report!.recipient.outcome).toBe('match');
    expect(run.code).toBe(0);
    expect(server.requested).toEqual(expect.arrayContaining(['/assertions/1.json', '/badge.json', '/issuer.json']));
  });

  it('reports revoked when the issuer answers 410 Gone; a revoked status-list bit too', async () => {
    const gone = await cli(['--json', '--allow-host', server.hostPort, path.join(dir, 'revoked-ob2.json')], env());
    expect(reports(gone)[0]!.verdict).toBe('revoked');
    expect(gone.code).toBe(1);
    const entry = (index: number) => ({ id: `${server.origin}/status/1#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: `${server.origin}/status/1` });
    const revoked = write('revoked-ob3.json', JSON.stringify(await signJcs(badgeFor(issuer, { credentialStatus: entry(42) }), issuer)));
    const fine = write('fine-ob3.json', JSON.stringify(await signJcs(badgeFor(issuer, { credentialStatus: entry(41) }), issuer)));
    const run = await cli(['--json', '--allow-host', server.hostPort, revoked, fine], env());
    expect(reports(run).map((r) => r.verdict)).toEqual(['revoked', 'verified']);
    expect(server.requested.filter((u) => u === '/status/1')).toHaveLength(1);
  });

  it('without --allow-host the local server is never contacted', async () => {
    const before = server.requested.length;
    const run = await cli(['--json', `${server.origin}/assertions/1.json`], env());
    expect(reports(run)[0]!.verdict).toBe('unverifiable');
    expect(server.requested.length).toBe(before);
  });
});
