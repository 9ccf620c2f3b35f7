/**
 * Credentials signed with the 2018–2020 Linked Data Signature suites the way
 * the OB 3.0 plugfests of 2022–23 signed them, with third-party libraries:
 * Ed25519Signature2018 with @digitalbazaar/ed25519-signature-2018 (through
 * @digitalbazaar/vc `issue`), JsonWebSignature2020 with
 * @digitalbazaar/jws-linked-data-signature. Keys are did:jwk, so the engine resolves them
 * without the network; contexts come from npm packages.
 */
import { createRequire } from 'node:module';
import { fromBase58 } from '../../../../../lib/engine/util/bytes';
import { documentLoader as packageLoader } from '../../../../support/third-party-signing';

type Json = Record<string, unknown>;
// The signing libraries ship no (usable) type declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

const require = createRequire(import.meta.url);
const load = (specifier: string): Promise<Untyped> => import(specifier);

const EXTRA_CONTEXTS = new Map<string, unknown>([
  ...(require('ed25519-signature-2018-context').contexts as Map<string, unknown>),
  // the npm copy of the JsonWebSignature2020 context (the engine bundles the published one, equal apart from privateKeyJwk)
  ['https://w3id.org/security/suites/jws-2020/v1', require('@transmute/security-context/contexts/suites/jws-2020-v1.json')],
]);

export async function documentLoader(url: string) {
  const document = EXTRA_CONTEXTS.get(url);
  return document === undefined ? packageLoader(url) : { contextUrl: null, documentUrl: url, document };
}

export interface JwsIssuer {
  did: string;
  verificationMethod: string;
  sign(credential: Json): Promise<Json>;
}

const didJwk = (jwk: JsonWebKey) => `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;

async function generateJwk(kind: 'Ed25519' | 'P-256' | 'P-384'): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const algorithm = kind === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: kind };
  const pair = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const strip = ({ kty, crv, x, y, d }: JsonWebKey) => ({ kty, crv, x, ...(y ? { y } : {}), ...(d ? { d } : {}) });
  return { publicJwk: strip(await crypto.subtle.exportKey('jwk', pair.publicKey)), privateJwk: strip(await crypto.subtle.exportKey('jwk', pair.privateKey)) };
}

/** An Ed25519Signature2018 issuer (@digitalbazaar/ed25519-signature-2018, Ed25519VerificationKey2018). */
export async function ed25519Signature2018Issuer(): Promise<JwsIssuer> {
  const [vc, { Ed25519Signature2018 }, { Ed25519VerificationKey2018 }] = await Promise.all([
    load('@digitalbazaar/vc'),
    load('@digitalbazaar/ed25519-signature-2018'),
    load('@digitalbazaar/ed25519-verification-key-2018'),
  ]);
  const generated = await Ed25519VerificationKey2018.generate();
  const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(fromBase58(generated.publicKeyBase58)!).toString('base64url') };
  const did = didJwk(publicJwk);
  const key = await Ed25519VerificationKey2018.from({ ...generated.export({ publicKey: true, privateKey: true }), id: `${did}#0`, controller: did });
  return {
    did,
    verificationMethod: key.id,
    async sign(credential) {
      const suite = new Ed25519Signature2018({ key, date: '2026-01-01T00:00:00Z' });
      return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
    },
  };
}

/**
 * A JsonWebSignature2020 issuer with an Ed25519, P-256 or P-384 JsonWebKey2020. The proof is made by
 * @digitalbazaar/jws-linked-data-signature (the JWS Linked Data Signature base that
 * Ed25519Signature2018 uses, with the suite type and JOSE algorithm of JsonWebSignature2020), over
 * a WebCrypto signer. (@transmute/json-web-signature, the suite's own library, does not load on
 * Node 20 with current dependencies: its jsonld 5 wants `ky/umd`.)
 */
export async function jsonWebSignature2020Issuer(kind: 'Ed25519' | 'P-256' | 'P-384'): Promise<JwsIssuer> {
  const [vc, { JwsLinkedDataSignature }] = await Promise.all([load('@digitalbazaar/vc'), load('@digitalbazaar/jws-linked-data-signature')]);
  const { publicJwk, privateJwk } = await generateJwk(kind);
  const did = didJwk(publicJwk);
  const algorithm = kind === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: kind, hash: kind === 'P-256' ? 'SHA-256' : 'SHA-384' };
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, algorithm, false, ['sign']);
  const alg = kind === 'Ed25519' ? 'EdDSA' : kind === 'P-256' ? 'ES256' : 'ES384';
  const signer = { id: `${did}#0`, algorithm: alg, sign: async ({ data }: { data: Uint8Array }) => new Uint8Array(await crypto.subtle.sign(algorithm, privateKey, data as BufferSource)) };
  return {
    did,
    verificationMethod: signer.id,
    async sign(credential) {
      const suite = new JwsLinkedDataSignature({ type: 'JsonWebSignature2020', alg, signer, date: '2026-01-01T00:00:00Z', contextUrl: 'https://w3id.org/security/suites/jws-2020/v1' });
      return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
    },
  };
}
