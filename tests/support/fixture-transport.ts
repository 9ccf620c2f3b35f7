/**
 * An injected transport that answers the URLs the shared fixtures refer to
 * with the fixture files, as the source test harnesses did (1EdTech
 * TestOB20Inspector maps example.org to ob20/assets/; the DCC fixtures'
 * status lists and did:web documents are included next to them). Anything
 * else answers 404, and every requested URL is recorded.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extractFromPng, isPng } from '../../lib/engine/extract/png';
import type { Transport } from '../../lib/engine/net/safe-fetch';

import { fixturePath, readFixture } from './fixtures';

export { FIXTURES, fixturePath, fixturesPresent, readFixture, readFixtureText } from './fixtures';

const DCC_LISTS = 'dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/';

/** URL prefix → fixture folder (the rest of the URL path is the file name). */
const PREFIXES: [string, string][] = [
  ['https://example.org/', '1edtech-validator/ob20/assets/'],
  ['https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/', DCC_LISTS],
  ['https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/', DCC_LISTS],
  ['https://digitalcredentials.github.io/vc-test-fixtures/dids/', 'dcc-vc-test-fixtures/dids/'],
  [
    'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/',
    '1edtech-validator/ob30/bit-string-list/',
  ],
];

export type Served = string | Uint8Array | { status: number; body: string | Uint8Array; contentType?: string };

export interface FixtureTransport {
  transport: Transport;
  requested: string[];
}

/**
 * Builds the transport. `extra` serves further documents by exact URL
 * (checked first), e.g. a hosted assertion at its own id.
 */
export function createFixtureTransport(extra: Record<string, Served> = {}): FixtureTransport {
  const requested: string[] = [];
  const transport: Transport = async (url) => {
    requested.push(url);
    const served = extra[url] ?? fromFixtures(url);
    if (served === undefined) return new Response('not found', { status: 404 });
    if (typeof served === 'string' || served instanceof Uint8Array) return respond(200, served);
    return respond(served.status, served.body, served.contentType);
  };
  return { transport, requested };
}

function respond(status: number, body: string | Uint8Array, contentType = 'application/json'): Response {
  return new Response(body as BodyInit, { status, headers: { 'content-type': contentType } });
}

function fromFixtures(url: string): Uint8Array | undefined {
  for (const [prefix, folder] of PREFIXES) {
    if (!url.startsWith(prefix)) continue;
    const rest = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!);
    if (rest.includes('..')) return undefined;
    const file = fixturePath(folder + rest);
    return existsSync(file) && statSync(file).isFile() ? new Uint8Array(readFileSync(file)) : undefined;
  }
  return undefined;
}

/**
 * A hosted OB 2.0 assertion is fetched again at its own `id`, a URL the
 * fixture folder does not hold. This serves the assertion a fixture carries
 * (JSON file or baked PNG) at its id, as its issuer would host it; pass the
 * result in `extra`. Files without a JSON assertion give `{}`.
 */
export function hostedCopyOf(rel: string): Record<string, string> {
  const bytes = readFixture(rel);
  let text: string;
  try {
    text = isPng(bytes) ? extractFromPng(bytes) : new TextDecoder().decode(bytes);
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' && /^https?:/.test(id) ? { [id]: text } : {};
  } catch {
    return {};
  }
}
