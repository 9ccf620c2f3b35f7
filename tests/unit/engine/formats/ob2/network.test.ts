/**
 * Hostile hosts behind the documents a badge makes us fetch (SECURITY.md
 * attacks 19–22): OB 2.0 key and badge URLs, and did:web issuers of an OB 3.0
 * credential, all go through safe-fetch with the same refusals.
 */
import { CompactSign, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { verify } from '../../../../../lib/engine/pipeline';
import type { Report } from '../../../../../lib/engine/report';
import { createFixtureTransport, type Served } from '../../../../support/fixture-transport';
import { createTestIssuer, signJcs } from '../../../../support/sign-jcs';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const problems = (r: Report) => r.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.code);

type Override = (url: string, init: RequestInit) => Promise<Response> | undefined;

function ctxWith(served: Record<string, Served>, transportOverride?: Override, timeoutMs?: number) {
  const fx = createFixtureTransport(served);
  const transport = async (url: string, init: RequestInit) => (await transportOverride?.(url, init)) ?? fx.transport(url, init);
  const requested = fx.requested;
  return { ctx: createContext({ transport: async (u, i) => (requested.push(u), transport(u, i)), now: () => NOW, timeoutMs }), requested };
}

let sign: (payload: unknown) => Promise<string>;
beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256');
  sign = (payload) => new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
});

const BADGE_URL = 'https://badges.example/badge.json';
const signedBy = (creator: string) => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'urn:uuid:1',
  recipient: { type: 'email', hashed: false, identity: 'a@b.example' },
  badge: BADGE_URL,
  issuedOn: '2024-01-01T00:00:00Z',
  verification: { type: 'signed', creator },
});

async function didWebCredential(did: string) {
  const issuer = createTestIssuer();
  const vm = `${did}#key-1`;
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: did,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:subject' },
  };
  const signed = await signJcs(credential, { ...issuer, verificationMethod: vm });
  return JSON.stringify(signed);
}

describe('row 19: private and local hosts are refused before any request', () => {
  const hosts = ['127.0.0.1', 'localhost:8080', '10.0.0.5', '2130706433', '[::ffff:7f00:1]'];

  it.each(hosts)('OB 2.0 key at https://%s/key.json', async (host) => {
    const { ctx, requested } = ctxWith({});
    const report = await verify({ text: await sign(signedBy(`https://${host}/key.json`)) }, ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(['FETCH_PRIVATE_ADDRESS', 'FETCH_URL_REJECTED']).toContain(problems(report)[0]);
    // the issuer's profile is looked up first (its badge class answers 404 here); the key's host never
    expect(new Set(requested)).toEqual(new Set([BADGE_URL]));
  });

  it.each(['did:web:127.0.0.1', 'did:web:localhost%3A8080', 'did:web:10.0.0.5', 'did:web:2130706433'])('%s issuer', async (did) => {
    const { ctx, requested } = ctxWith({});
    const report = await verify({ text: await didWebCredential(did) }, ctx);
    expect(report.verdict).not.toBe('verified');
    expect(requested).toEqual([]);
  });
});

describe('rows 20–22: redirects, mismatched documents, oversized and endless answers', () => {
  it('row 20: a redirect is not followed', async () => {
    const redirect = (url: string) => (url.includes('key.json') ? Promise.resolve(new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/' } })) : undefined);
    const { ctx, requested } = ctxWith({}, redirect);
    const report = await verify({ text: await sign(signedBy('https://keys.example/key.json')) }, ctx);
    expect(problems(report)).toEqual(['FETCH_REDIRECT_BLOCKED']);
    expect(new Set(requested)).toEqual(new Set([BADGE_URL, 'https://keys.example/key.json']));
    const web = ctxWith({}, (url) => (url.endsWith('did.json') ? Promise.resolve(new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/' } })) : undefined));
    const didReport = await verify({ text: await didWebCredential('did:web:issuer.example') }, web.ctx);
    expect(didReport.verdict).toBe('unverifiable');
    expect(web.requested).toEqual(['https://issuer.example/.well-known/did.json']);
  });

  it('row 21: a document that describes something else is refused', async () => {
    const other = JSON.stringify({ id: 'https://keys.example/other.json', publicKeyPem: 'x' });
    const report = await verify({ text: await sign(signedBy('https://keys.example/key.json')) }, ctxWith({ 'https://keys.example/key.json': other }).ctx);
    expect(problems(report)).toEqual(['KEY_DID_DOCUMENT_MISMATCH']);
    const doc = JSON.stringify({ id: 'did:web:evil.example', verificationMethod: [] });
    const web = await verify({ text: await didWebCredential('did:web:issuer.example') }, ctxWith({ 'https://issuer.example/.well-known/did.json': doc }).ctx);
    expect(problems(web)).toContain('KEY_DID_DOCUMENT_MISMATCH');
  });

  it('row 22: a 50 MB answer stops at the cap; an endless one at the deadline', async () => {
    const huge = (url: string) => (url.includes('key.json') ? Promise.resolve(new Response(new Uint8Array(50 * 1024 * 1024))) : undefined);
    const big = await verify({ text: await sign(signedBy('https://keys.example/key.json')) }, ctxWith({}, huge).ctx);
    expect(problems(big)).toEqual(['FETCH_TOO_LARGE']);
    // a body that never ends, but stops when the request is aborted (as fetch bodies do)
    const endless: Override = (url, init) =>
      url.includes('key.json')
        ? Promise.resolve(new Response(new ReadableStream({ start: (c) => init.signal?.addEventListener('abort', () => c.error(new Error('aborted'))) })))
        : undefined;
    const slow = await verify({ text: await sign(signedBy('https://keys.example/key.json')) }, ctxWith({}, endless, 300).ctx);
    expect(problems(slow)).toEqual(['FETCH_TIMEOUT']);
    expect(slow.verdict).toBe('unverifiable');
  });
});
