import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../lib/engine/limits';
import { ACCEPT, createFetcher, type Transport } from '../../../../lib/engine/net/safe-fetch';
import { codeOf } from '../../../support/codes';
import { recorder } from '../../../support/net';

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('createFetcher', () => {
  it('fetches without cookies, referrer or redirects, with an accept header per purpose', async () => {
    const { calls, transport } = recorder(async () => new Response('{"id":"x"}', { headers: { 'content-type': 'application/json' } }));
    const doc = await createFetcher({ allowHosts: new Set(), transport })('https://issuer.example/.well-known/did.json', 'did-document');
    expect(new TextDecoder().decode(doc.bytes)).toBe('{"id":"x"}');
    expect(calls[0]!.init).toMatchObject({ redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    expect((calls[0]!.init.headers as Record<string, string>).accept).toContain('application/did+json');
  });

  it('never contacts a private address (row 5/19): no request is made', async () => {
    const { calls, transport } = recorder(async () => new Response('{}'));
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://169.254.169.254/latest/', 'key-document'))).toBe('FETCH_PRIVATE_ADDRESS');
    expect(calls).toHaveLength(0);
  });

  it('refuses redirects instead of following them (row 20)', async () => {
    const { transport } = recorder(async () => new Response(null, { status: 302, headers: { location: 'http://192.168.1.1/' } }));
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://issuer.example/did.json', 'did-document'))).toBe('FETCH_REDIRECT_BLOCKED');
  });

  it('stops reading past the byte cap even without a content-length (row 22)', async () => {
    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const { transport } = recorder(async () => new Response(body));
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://issuer.example/did.json', 'did-document'))).toBe('FETCH_TOO_LARGE');
    expect(sent).toBeLessThan(LIMITS.bytes['did-document'] + 3 * chunk.length);
  });

  it('refuses a declared content-length over the cap before reading', async () => {
    const { transport } = recorder(async () => new Response('x', { headers: { 'content-length': String(50 * 1024 * 1024) } }));
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://issuer.example/did.json', 'did-document'))).toBe('FETCH_TOO_LARGE');
  });

  it('gives up on a never-ending stream at the deadline (row 22)', async () => {
    const { transport } = recorder(
      async (_url, init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
            },
          }),
        ),
    );
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport, timeoutMs: 50 })('https://issuer.example/did.json', 'did-document'))).toBe('FETCH_TIMEOUT');
  });

  it('reports HTTP errors with their status, but lets 410 Gone through for OB 2.0 revocation', async () => {
    const fetcher = (status: number) => createFetcher({ allowHosts: new Set(), transport: async () => new Response('{}', { status }) });
    expect(await codeOf(fetcher(500)('https://issuer.example/a', 'ob2-document'))).toBe('FETCH_HTTP_STATUS');
    expect((await fetcher(410)('https://issuer.example/a', 'ob2-document')).status).toBe(410);
  });

  it('maps a transport failure to FETCH_NETWORK', async () => {
    const fetcher = createFetcher({ allowHosts: new Set(), transport: async () => { throw new TypeError('fetch failed'); } });
    expect(await codeOf(fetcher('https://issuer.example/a', 'jwks'))).toBe('FETCH_NETWORK');
  });
});

describe('createFetcher: a credential link in a browser, where redirects are opaque (SECURITY.md row 55)', () => {
  /** What a browser's fetch answers for `redirect: 'manual'`: an opaque redirect, its target hidden. */
  const opaqueRedirect = () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, url: '' }) as unknown as Response;
  /** A response the browser reached by following redirects itself, at `finalUrl`. */
  const followedTo = (finalUrl: string, body: string) => Object.defineProperty(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }), 'url', { value: finalUrl });

  it('lets the browser follow, then checks where it ended before reading anything', async () => {
    const calls: RequestRedirect[] = [];
    const transport: Transport = async (_url, init) => {
      calls.push(init.redirect!);
      return init.redirect === 'manual' ? opaqueRedirect() : followedTo('https://credentials.uni-example.de/c/1.json', '{"ok":true}');
    };
    const doc = await createFetcher({ allowHosts: new Set(), transport })('https://sho.rt/x', 'credential-link');
    expect(calls).toEqual(['manual', 'follow']);
    expect(doc).toMatchObject({ url: 'https://credentials.uni-example.de/c/1.json', redirects: ['https://sho.rt/x'] });
  });

  it('refuses an answer the browser reached on a private address', async () => {
    const transport: Transport = async (_url, init) => (init.redirect === 'manual' ? opaqueRedirect() : followedTo('https://10.0.0.7/c.json', '{}'));
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://sho.rt/x', 'credential-link'))).toBe('FETCH_REDIRECT_BLOCKED');
  });

  it('never follows for any other purpose', async () => {
    const transport: Transport = async () => opaqueRedirect();
    expect(await codeOf(createFetcher({ allowHosts: new Set(), transport })('https://issuer.example/.well-known/jwks.json', 'jwks'))).toBe('FETCH_REDIRECT_BLOCKED');
  });
});

describe('bug: a credential link\'s accept header of more than 128 bytes made every cross-origin fetch need a CORS preflight', () => {
  it('every accept header is CORS-safelisted (Fetch §2.2.2: at most 128 bytes, no unsafe bytes)', () => {
    for (const [purpose, value] of Object.entries(ACCEPT)) {
      expect(new TextEncoder().encode(value).length, purpose).toBeLessThanOrEqual(128);
      expect(value, purpose).not.toMatch(/[\u0000-\u0008\u000a-\u001f"():<>?@[\\\]{}\u007f]/);
    }
  });
});
