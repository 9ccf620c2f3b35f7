import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { didMethod, resolveVerificationMethod } from '../../../../lib/engine/keys/resolve';
import { toBase64Url, utf8 } from '../../../../lib/engine/util/bytes';
import { fakeWeb } from './fake-web';

const MB = encodeEd25519Multikey(new Uint8Array(32).fill(5));
const DID = 'did:web:issuer.example';
const DOC_URL = 'https://issuer.example/.well-known/did.json';
const didDoc = { id: DID, verificationMethod: [{ id: `${DID}#k`, type: 'Multikey', controller: DID, publicKeyMultibase: MB }], assertionMethod: ['#k'] };

describe('resolveVerificationMethod', () => {
  it('dispatches on the DID method or URL scheme', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(new Uint8Array(32).fill(5)) };
    const { ctx } = fakeWeb({ [DOC_URL]: didDoc, 'https://issuer.example/profile': { id: 'https://issuer.example/profile', assertionMethod: [{ id: '#k', type: 'Multikey', publicKeyMultibase: MB }] } });
    const sources = await Promise.all(
      [`did:key:${MB}#${MB}`, `did:jwk:${toBase64Url(utf8(JSON.stringify(jwk)))}#0`, `${DID}#k`, 'https://issuer.example/profile#k'].map(
        async (vm) => (await resolveVerificationMethod(vm, ctx)).source,
      ),
    );
    expect(sources).toEqual(['did:key', 'did:jwk', 'did:web', 'https']);
  });

  it('other DID methods are KEY_DID_METHOD_UNSUPPORTED and nothing is fetched', async () => {
    const { ctx, requests } = fakeWeb();
    await expect(resolveVerificationMethod('did:ion:EiA123#key-1', ctx)).rejects.toMatchObject({ code: 'KEY_DID_METHOD_UNSUPPORTED', detail: { method: 'did:ion' } });
    await expect(resolveVerificationMethod('urn:uuid:1234', ctx)).rejects.toMatchObject({ code: 'KEY_UNRESOLVABLE' });
    expect(requests).toHaveLength(0);
  });

  it.each(['did:WEB:issuer.example#k', 'did:web:exämple.com#k', 'did:web:#k', 'did:key:#k', 'did:key:z6Mk!!#z6Mk!!', 'did:web:issuer.example#a b', 'DID:web:issuer.example#k'])(
    'SECURITY.md row 47: %s is not a DID URL → DID_INVALID, nothing fetched',
    async (vm) => {
      const { ctx, requests } = fakeWeb({ [DOC_URL]: didDoc });
      await expect(resolveVerificationMethod(vm, ctx)).rejects.toMatchObject({ code: 'DID_INVALID' });
      expect(requests).toEqual([]);
    },
  );

  it('shares one fetch between concurrent resolutions and caches the result', async () => {
    const { ctx, requests } = fakeWeb({ [DOC_URL]: didDoc });
    const [a, b] = await Promise.all([resolveVerificationMethod(`${DID}#k`, ctx), resolveVerificationMethod(`${DID}#k`, ctx)]);
    expect(a.publicKeyJwk).toEqual(b.publicKeyJwk);
    await resolveVerificationMethod(`${DID}#k`, ctx);
    expect(requests).toEqual([DOC_URL]);
  });

  it('fetches again once the key cache entry expired (LIMITS.keyCacheMs)', async () => {
    let now = 1_000_000;
    const requests: string[] = [];
    const ctx = createContext({ now: () => now, transport: async (url) => (requests.push(url), new Response(JSON.stringify(didDoc))) });
    await resolveVerificationMethod(`${DID}#k`, ctx);
    now += 11 * 60 * 1000;
    await resolveVerificationMethod(`${DID}#k`, ctx);
    expect(requests).toHaveLength(2);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const ctx = createContext({ transport: async () => (fail ? new Response('', { status: 503 }) : new Response(JSON.stringify(didDoc))) });
    await expect(resolveVerificationMethod(`${DID}#k`, ctx)).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
    fail = false;
    await expect(resolveVerificationMethod(`${DID}#k`, ctx)).resolves.toMatchObject({ controller: DID });
  });

  it('didMethod names the method of a DID URL only', () => {
    expect(didMethod('did:web:x#k')).toBe('web');
    expect(didMethod('https://x/')).toBeUndefined();
  });
});
