import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { didWebToUrl, resolveDidWeb } from '../../../../lib/engine/keys/did-web';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { toBase58 } from '../../../../lib/engine/util/bytes';
import { fakeWeb } from './fake-web';
import { FIXTURES } from '../../../support/fixtures';

const fixturesPresent = existsSync(FIXTURES);
const MB = encodeEd25519Multikey(Uint8Array.from({ length: 32 }, (_, i) => i));
const DID = 'did:web:issuer.example';
const DOC_URL = 'https://issuer.example/.well-known/did.json';

const didDocument = (overrides: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/did/v1'],
  id: DID,
  verificationMethod: [
    { id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: MB },
    { id: '#key-2', type: 'Ed25519VerificationKey2018', controller: DID, publicKeyBase58: toBase58(new Uint8Array(32).fill(9)) },
    { id: `${DID}#auth`, type: 'Multikey', controller: DID, publicKeyMultibase: MB },
  ],
  assertionMethod: [`${DID}#key-1`, '#key-2'],
  authentication: ['#auth'],
  ...overrides,
});

describe('didWebToUrl (did:web §3.2 Read)', () => {
  it.each([
    ['did:web:example.com', 'https://example.com/.well-known/did.json'],
    ['did:web:example.com:user:alice', 'https://example.com/user/alice/did.json'],
    ['did:web:example.com%3A8443', 'https://example.com:8443/.well-known/did.json'],
    ['did:web:example.com%3a8443:a', 'https://example.com:8443/a/did.json'],
  ])('%s → %s', (did, url) => expect(didWebToUrl(did)).toBe(url));

  it('keeps an international name in its punycode form', () => {
    expect(didWebToUrl('did:web:xn--80ak6aa92e.com')).toBe('https://xn--80ak6aa92e.com/.well-known/did.json');
  });

  it.each([
    ['a non-ASCII host', 'did:web:exämple.com'],
    ['a percent-encoded non-ASCII host', 'did:web:ex%C3%A4mple.com'],
    ['an A-label that is not punycode', 'did:web:xn--a.com'],
    ['no host', 'did:web:'],
    ['an uppercase method', 'did:WEB:example.com'],
  ])('SECURITY.md row 47: %s → DID_INVALID', (_name, did) => {
    expect(() => didWebToUrl(did)).toThrow(expect.objectContaining({ code: 'DID_INVALID' }));
  });

  it('a did:web URL with a path or query names no document → KEY_UNRESOLVABLE', () => {
    expect(() => didWebToUrl('did:web:example.com/path')).toThrow(expect.objectContaining({ code: 'KEY_UNRESOLVABLE' }));
    expect(() => didWebToUrl('did:web:example.com?versionId=1')).toThrow(expect.objectContaining({ code: 'KEY_UNRESOLVABLE' }));
  });

  it('refuses path traversal, and smuggled URL syntax as no DID at all', () => {
    expect(() => didWebToUrl('did:web:example.com:..:x')).toThrow(expect.objectContaining({ code: 'KEY_UNRESOLVABLE' }));
    expect(() => didWebToUrl('did:web:evil.example%2F@127.0.0.1')).toThrow(expect.objectContaining({ code: 'DID_INVALID' }));
    expect(() => didWebToUrl('did:web:evil.example%2F.127.0.0.1')).toThrow(expect.objectContaining({ code: 'DID_INVALID' }));
  });
});

describe('resolveDidWeb', () => {
  it('finds absolute and relative verification methods and their relationships', async () => {
    const { ctx, requests } = fakeWeb({ [DOC_URL]: didDocument() });
    const k1 = await resolveDidWeb(`${DID}#key-1`, ctx);
    expect(k1).toMatchObject({ controller: DID, source: 'did:web', relationships: { assertionMethod: true, authentication: false } });
    expect(k1.publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const k2 = await resolveDidWeb(`${DID}#key-2`, ctx);
    expect(k2.relationships.assertionMethod).toBe(true);
    const auth = await resolveDidWeb(`${DID}#auth`, ctx);
    expect(auth.relationships).toEqual({ assertionMethod: false, authentication: true });
    expect(requests).toEqual([DOC_URL]); // one fetch, then the cached document
  });

  it('reads publicKeyJwk methods (JsonWebKey2020)', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' };
    const doc = didDocument({ verificationMethod: [{ id: '#j', type: 'JsonWebKey2020', controller: DID, publicKeyJwk: jwk }], assertionMethod: ['#j'] });
    const { ctx } = fakeWeb({ [DOC_URL]: doc });
    expect((await resolveDidWeb(`${DID}#j`, ctx)).publicKeyJwk).toEqual(jwk);
  });

  it('reports a method the document does not have as KEY_NOT_FOUND', async () => {
    const { ctx } = fakeWeb({ [DOC_URL]: didDocument() });
    await expect(resolveDidWeb(`${DID}#nope`, ctx)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
  });

  // SECURITY.md attack 19
  it.each([
    ['did:web:127.0.0.1#k', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:localhost%3A8080#k', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:10.0.0.5#k', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:2130706433#k', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:[::ffff:7f00:1]#k', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:issuer.example%3A8443#k', 'FETCH_URL_REJECTED'],
  ])('row 19: %s → %s with no request', async (vm, code) => {
    const { ctx, requests } = fakeWeb();
    await expect(resolveDidWeb(vm, ctx)).rejects.toMatchObject({ code });
    expect(requests).toHaveLength(0);
  });

  it('row 20: a redirect is not followed', async () => {
    const redirect = () => new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/' } });
    const { ctx, requests } = fakeWeb({ [DOC_URL]: redirect });
    await expect(resolveDidWeb(`${DID}#key-1`, ctx)).rejects.toMatchObject({ code: 'FETCH_REDIRECT_BLOCKED' });
    expect(requests).toEqual([DOC_URL]);
  });

  it('row 21: a document whose id is another DID → KEY_DID_DOCUMENT_MISMATCH', async () => {
    const { ctx } = fakeWeb({ [DOC_URL]: didDocument({ id: 'did:web:attacker.example' }) });
    await expect(resolveDidWeb(`${DID}#key-1`, ctx)).rejects.toMatchObject({ code: 'KEY_DID_DOCUMENT_MISMATCH' });
  });

  it('row 22: a 50 MB reply is cut off at the 64 KB cap', async () => {
    let sent = 0;
    const huge = () =>
      new Response(
        new ReadableStream({
          pull(c) {
            sent += 16384;
            if (sent > 50 * 1024 * 1024) c.close();
            else c.enqueue(new Uint8Array(16384).fill(32));
          },
        }),
        { status: 200 },
      );
    const { ctx } = fakeWeb({ [DOC_URL]: huge });
    await expect(resolveDidWeb(`${DID}#key-1`, ctx)).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
    expect(sent).toBeLessThan(256 * 1024);
  });

  it('row 22: a never-ending stream stops at the deadline with FETCH_TIMEOUT', async () => {
    const endless = (_url: string, init: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            pull: (c) => new Promise<void>((resolve) => setTimeout(() => (init.signal?.aborted ? c.error(new Error('aborted')) : c.enqueue(new Uint8Array([32])), resolve()), 5)),
          }),
        ),
      );
    const ctx = createContext({ transport: endless, timeoutMs: 100 });
    const started = Date.now();
    await expect(resolveDidWeb(`${DID}#key-1`, ctx)).rejects.toMatchObject({ code: 'FETCH_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a body that is not JSON → FETCH_BAD_CONTENT', async () => {
    const { ctx } = fakeWeb({ [DOC_URL]: () => new Response('<html>', { status: 200 }) });
    await expect(resolveDidWeb(`${DID}#key-1`, ctx)).rejects.toMatchObject({ code: 'FETCH_BAD_CONTENT' });
  });
});

describe.skipIf(!fixturesPresent)('shared fixture DID documents (../shared/fixtures/dcc-vc-test-fixtures/dids)', () => {
  it.each(['oidf', 'legacy'])('resolves the %s document served for its did:web id', async (name) => {
    const did = `did:web:digitalcredentials.github.io:vc-test-fixtures:dids:${name}`;
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, `dcc-vc-test-fixtures/dids/${name}/did.json`), 'utf8'));
    const url = `https://digitalcredentials.github.io/vc-test-fixtures/dids/${name}/did.json`;
    const { ctx, requests } = fakeWeb({ [url]: doc });
    const vm = `${did}#z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ`;
    const key = await resolveDidWeb(vm, ctx);
    expect(requests).toEqual([url]);
    expect(key).toMatchObject({ id: vm, controller: did, relationships: { assertionMethod: true } });
    expect(key.publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });
});

describe('methods naming another controller', () => {
  it('a document cannot grant assertionMethod to a key it says someone else controls', async () => {
    const doc = didDocument({
      verificationMethod: [{ id: `${DID}#foreign`, type: 'Multikey', controller: 'did:web:victim.example', publicKeyMultibase: MB }],
      assertionMethod: [`${DID}#foreign`],
    });
    const { ctx } = fakeWeb({ [DOC_URL]: doc });
    const key = await resolveDidWeb(`${DID}#foreign`, ctx);
    expect(key).toMatchObject({ controller: 'did:web:victim.example', relationships: { assertionMethod: false } });
  });
});
