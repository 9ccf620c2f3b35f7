/**
 * Command-line verifier (the only Node-specific file in lib/).
 *
 *   npm run verify -- [--json] [--allow-host host:port]... [--email ADDR] [--url URL] <file|url|->...
 *
 * Prints a readable report per input, or with --json a JSON array of reports in
 * input order and nothing else on stdout. Exit 0 when every input is verified,
 * 1 otherwise, 2 on a usage error or an input that cannot be read. One input
 * never costs the others their reports: a file that cannot be read is named on
 * stderr and left out (SECURITY.md row 50). All inputs share one process and
 * its caches.
 */
import { readFile } from 'node:fs/promises';
import { createContext, verify, type RecipientHint, type Report, type VerifyInput } from '../engine';
import { platformDataUrl } from '../detect/platforms';

const USAGE = `Usage: npm run verify -- [--json] [--allow-host host:port]... [--email ADDR] [--url URL] <file|https-url|->...

Verifies micro-credentials: Open Badges 2.0/3.0, W3C Verifiable Credentials
(Data Integrity or VC-JWT), baked PNG/SVG badges, European Digital Credentials.

  --json               print a JSON array of reports (one per input) and nothing else
  --allow-host H:P     allow fetching from a private/local host (intranet issuers, tests)
  --email ADDR         check that each credential was issued to this email
  --url URL            check that each credential was issued to this URL
  --telephone NUMBER   check that each credential was issued to this phone number
  --did DID            check that each credential was issued to this DID
  -                    read one input from standard input

Exit status: 0 all verified, 1 otherwise, 2 usage error.`;

interface Args {
  json: boolean;
  allowHosts: string[];
  recipient: RecipientHint;
  inputs: string[];
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, allowHosts: [], recipient: {}, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--allow-host') args.allowHosts.push(value());
    else if (a === '--email') args.recipient.email = value();
    else if (a === '--url') args.recipient.url = value();
    else if (a === '--telephone') args.recipient.telephone = value();
    else if (a === '--did') args.recipient.did = value();
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new UsageError('no input given');
  if (args.inputs.filter((x) => x === '-').length > 1) throw new UsageError('standard input can be read only once');
  return args;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function toInput(arg: string): Promise<VerifyInput | { error: string }> {
  if (arg === '-') return { bytes: await readStdin(), name: 'stdin' };
  // a link given on the command line is followed to the credential, as a link a profile gives (lib/engine/follow.ts)
  if (/^https?:\/\//i.test(arg)) return { url: arg, name: arg, follow: true };
  try {
    return { bytes: new Uint8Array(await readFile(arg)), name: arg };
  } catch (e) {
    return { error: `cannot read ${arg}: ${(e as NodeJS.ErrnoException).code ?? 'error'}` };
  }
}

const MARK: Record<Report['verdict'], string> = {
  verified: 'VERIFIED',
  failed: 'FAILED',
  expired: 'EXPIRED',
  revoked: 'REVOKED',
  unverifiable: 'COULD NOT BE CHECKED',
};
const STATUS_MARK = { pass: '✓', fail: '✗', error: '?', skip: '-' } as const;

export function formatReport(r: Report): string {
  const s = r.summary;
  const lines = [`${r.inputName ?? 'input'}: ${MARK[r.verdict]}  (${r.format}, ${r.container})`];
  if (s.title) lines.push(`  Title:   ${s.title}`);
  if (s.issuer?.name || s.issuer?.id) lines.push(`  Issuer:  ${[s.issuer.name, s.issuer.id].filter(Boolean).join(' — ')}`);
  if (s.validFrom) lines.push(`  Issued:  ${s.validFrom}${s.validUntil ? `   Valid until: ${s.validUntil}` : ''}`);
  for (const c of r.checks) lines.push(`  ${STATUS_MARK[c.status]} ${c.id}: ${c.message}${c.status === 'pass' || c.status === 'skip' ? '' : ` [${c.code}]`}`);
  if (r.recipient.outcome !== 'not-checked') lines.push(`  Recipient: ${r.recipient.outcome} — ${r.recipient.message}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write((e.message ? `error: ${e.message}\n\n` : '') + USAGE + '\n');
      return 2;
    }
    throw e;
  }
  const ctx = createContext({ allowHosts: args.allowHosts, platformDataUrl, recipient: Object.keys(args.recipient).length ? args.recipient : undefined });
  const reports: Report[] = [];
  let unreadable = false;
  let crashed = false;
  for (const arg of args.inputs) {
    const input = await toInput(arg);
    if ('error' in input) {
      process.stderr.write(`error: ${input.error}\n`);
      unreadable = true;
      continue;
    }
    try {
      reports.push(await verify(input, ctx));
    } catch (e) {
      // verify() resolves for every input; should a bug make it throw, the other inputs still get their reports
      process.stderr.write(`internal error on ${arg}: ${e instanceof Error ? e.message : String(e)}\n`);
      crashed = true;
    }
  }
  if (args.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else if (reports.length > 0) process.stdout.write(reports.map(formatReport).join('\n\n') + '\n');
  if (unreadable) return 2;
  return !crashed && reports.every((r) => r.verdict === 'verified') ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]verify\.[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
