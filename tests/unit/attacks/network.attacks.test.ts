/**
 * SECURITY.md attack table, key resolution / network rows 19–22, through verify(): a
 * Data Integrity credential whose issuer and verification method are a
 * did:web, with the DID document served (or not) by a recording fake network.
 * Row 19 is also run against the host policy alone for every numeric spelling
 * of a private address (decimal, hex, short IPv4, IPv4-mapped IPv6).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { vetUrl } from '../../../lib/engine/net/host-policy';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../support/sign-helper';
import { expectCode, guarded, spyNet, verifyJson } from './harness';

const DID = 'did:web:issuer.example';
const DOC_URL = 'https://issuer.example/.well-known/did.json';
const DOC_CAP = 64 * 1024;

let signer: TestSigner;
beforeAll(async () => {
  signer = await newSigner();
});

const issuedBy = (did: string) => signCredential(unsignedCredential(did), signer, { verificationMethod: `${did}#k1` });

function didDocument(id = DID) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id,
    verificationMethod: [{ id: `${id}#k1`, type: 'Multikey', controller: id, publicKeyMultibase: signer.verificationMethod.split('#')[1] }],
    assertionMethod: [`${id}#k1`],
  };
}

describe('SECURITY.md attack table — key resolution and network', () => {
  it('control: the same did:web credential verifies when its document is served', async () => {
    const { ctx, requests } = spyNet({ [DOC_URL]: didDocument() });
    expect((await verifyJson(await issuedBy(DID), ctx)).verdict).toBe('verified');
    expect(requests).toEqual([DOC_URL]);
  });

  it.each([
    ['did:web:127.0.0.1', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:localhost%3A8080', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:10.0.0.5', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:2130706433', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:[::ffff:7f00:1]', 'FETCH_PRIVATE_ADDRESS'],
    ['did:web:issuer.example%3A8443', 'FETCH_URL_REJECTED'],
  ])('row 19: %s → %s, no request, never verified', async (did, code) => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(await issuedBy(did), ctx);
    expectCode(report, code);
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('unverifiable');
  });

  it.each([
    'https://127.0.0.1/', 'https://2130706433/', 'https://0x7f000001/', 'https://127.1/', 'https://0177.0.0.1/',
    'https://[::ffff:127.0.0.1]/', 'https://[::1]/', 'https://169.254.169.254/latest/', 'https://192.168.1.1/',
    'https://172.16.0.1/', 'https://localhost/', 'https://a.localhost/', 'https://localhost./', 'https://intranet/',
  ])('row 19 (host policy): %s is refused as a private address', async (url) => {
    await guarded(() => expect(() => vetUrl(url, { allowHosts: new Set() })).toThrow(expect.objectContaining({ code: 'FETCH_PRIVATE_ADDRESS' })));
  });

  it('row 20: did.json answers 302 → http://192.168.1.1/ → FETCH_REDIRECT_BLOCKED, the redirect is not followed', async () => {
    const { ctx, requests } = spyNet({ [DOC_URL]: () => new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/' } }) });
    const report = await verifyJson(await issuedBy(DID), ctx);
    expectCode(report, 'FETCH_REDIRECT_BLOCKED');
    expect(requests).toEqual([DOC_URL]);
    expect(report.verdict).toBe('unverifiable');
  });

  it('row 21: a did:web document whose id is another DID → KEY_DID_DOCUMENT_MISMATCH, never verified', async () => {
    const { ctx } = spyNet({ [DOC_URL]: didDocument('did:web:attacker.example') });
    const report = await verifyJson(await issuedBy(DID), ctx);
    expectCode(report, 'KEY_DID_DOCUMENT_MISMATCH');
    expect(report.verdict).not.toBe('verified');
  });

  it('row 22: a 50 MB reply → FETCH_TOO_LARGE after the 64 KB cap, reading stops near the cap', async () => {
    let pulled = 0;
    const huge = () =>
      new Response(
        new ReadableStream({
          pull(c) {
            if (pulled >= 50 * 1024 * 1024) return c.close();
            pulled += 16 * 1024;
            c.enqueue(new Uint8Array(16 * 1024).fill(32));
          },
        }),
        { status: 200 },
      );
    const report = await verifyJson(await issuedBy(DID), spyNet({ [DOC_URL]: huge }).ctx);
    expectCode(report, 'FETCH_TOO_LARGE');
    expect(pulled).toBeLessThan(4 * DOC_CAP); // memory bounded: a few chunks past the cap at most
    expect(report.verdict).toBe('unverifiable');
  });

  it('row 22: a declared Content-Length of 50 MB is refused before reading', async () => {
    let pulled = 0;
    const declared = () =>
      new Response(new ReadableStream({ pull: (c) => void ((pulled += 1), c.enqueue(new Uint8Array(1024))) }), {
        status: 200,
        headers: { 'content-length': String(50 * 1024 * 1024) },
      });
    const report = await verifyJson(await issuedBy(DID), spyNet({ [DOC_URL]: declared }).ctx);
    expectCode(report, 'FETCH_TOO_LARGE');
    expect(pulled * 1024).toBeLessThanOrEqual(DOC_CAP);
  });

  it('row 22: a never-ending stream → FETCH_TIMEOUT at the deadline', async () => {
    const endless = (_url: string, init: RequestInit) =>
      new Response(
        new ReadableStream({
          pull: (c) =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                if (init.signal?.aborted) c.error(new Error('aborted'));
                else c.enqueue(new Uint8Array([32]));
                resolve();
              }, 5),
            ),
        }),
        { status: 200 },
      );
    const { ctx } = spyNet({ [DOC_URL]: endless }, { timeoutMs: 150 });
    const report = await verifyJson(await issuedBy(DID), ctx, 2_000);
    expectCode(report, 'FETCH_TIMEOUT');
    expect(report.verdict).toBe('unverifiable');
  });
});
