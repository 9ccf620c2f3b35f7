/**
 * ecdsa-sd-2023 credentials made the way other issuers and wallets make them:
 * the issuer signs a base proof with @digitalbazaar/ecdsa-sd-2023-cryptosuite
 * (through @digitalbazaar/vc `issue`), the holder derives a disclosure with
 * `derive`. Also the reference verifier, for comparisons and the benchmark.
 * Contexts come from the npm packages (tests/support/third-party-signing.ts).
 */
import { decode as decodeCbor, encode as encodeCbor } from 'cborg';
import { documentLoader } from '../../../../support/third-party-signing';

type Json = Record<string, unknown>;
// The Digital Bazaar packages ship no type declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

const load = (specifier: string): Promise<Untyped> => import(specifier);
let libs: Promise<Untyped[]> | undefined;
const loadLibs = () =>
  (libs ??= Promise.all([
    load('@digitalbazaar/vc'),
    load('@digitalbazaar/data-integrity'),
    load('@digitalbazaar/ecdsa-sd-2023-cryptosuite'),
    load('@digitalbazaar/ecdsa-multikey'),
  ]));

export interface SdIssuer {
  did: string;
  verificationMethod: string;
  /** a base proof with these mandatory JSON pointers (vc-di-ecdsa §3.4.1) */
  issue(credential: Json, mandatoryPointers: string[]): Promise<Json>;
  /** the holder's derived credential disclosing these pointers (vc-di-ecdsa §3.4.5) */
  derive(base: Json, selectivePointers: string[]): Promise<Json>;
  /** the reference verifier's answer for a derived credential */
  referenceVerify(derived: Json): Promise<boolean>;
}

/** A fresh P-256 or P-384 did:key issuer using the reference implementation. */
export async function sdIssuer(curve: 'P-256' | 'P-384' = 'P-256'): Promise<SdIssuer> {
  const [vc, { DataIntegrityProof }, { createSignCryptosuite, createDiscloseCryptosuite, createVerifyCryptosuite }, EcdsaMultikey] = await loadLibs();
  const generated = await EcdsaMultikey.generate({ curve });
  const mb = generated.publicKeyMultibase as string;
  const did = `did:key:${mb}`;
  const key = await EcdsaMultikey.from({ ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })), id: `${did}#${mb}`, controller: did });
  const keyDocument = await key.export({ publicKey: true, includeContext: true });
  // did:key documents for the reference verifier (the engine resolves did:key itself).
  const loader = async (url: string) => {
    if (url.startsWith(did)) {
      const document = url.includes('#') ? keyDocument : { '@context': 'https://www.w3.org/ns/did/v1', id: did, verificationMethod: [keyDocument], assertionMethod: [keyDocument.id] };
      return { contextUrl: null, documentUrl: url, document };
    }
    return documentLoader(url);
  };
  return {
    did,
    verificationMethod: key.id,
    async issue(credential, mandatoryPointers) {
      const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: createSignCryptosuite({ mandatoryPointers, requiredAlgorithm: curve }) });
      return vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader, now: new Date('2026-01-01T00:00:00Z') });
    },
    async derive(base, selectivePointers) {
      const suite = new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers }) });
      return vc.derive({ verifiableCredential: structuredClone(base), suite, documentLoader: loader });
    },
    async referenceVerify(derived) {
      const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite({ requiredAlgorithm: curve }) });
      const result = await vc.verifyCredential({ credential: structuredClone(derived), suite, documentLoader: loader, checkStatus: async () => ({ verified: true }) });
      return result.verified === true;
    },
  };
}

/** The five components of a derived proofValue, decoded for a forger to rearrange, and encoded back. */
export function editDerivedProof(credential: Json, edit: (components: unknown[]) => void): Json {
  const proof = credential.proof as Json;
  const bytes = Buffer.from((proof.proofValue as string).slice(1), 'base64url');
  const components = decodeCbor(bytes.subarray(3), { useMaps: true }) as unknown[];
  edit(components);
  const encoded = Buffer.concat([bytes.subarray(0, 3), Buffer.from(encodeCbor(components))]);
  return { ...credential, proof: { ...proof, proofValue: `u${encoded.toString('base64url')}` } };
}

/**
 * A derived credential whose base signature is by a P-384 issuer key, hashed as vc-di-ecdsa
 * §3.4.3 says (SHA-384 for proofHash and mandatoryHash). The reference library signs base
 * proofs with P-256 keys only, so the holder's derivation is the reference's (made with a
 * throw-away P-256 issuer key), and the base signature is then made again by the P-384 key
 * over the statements and proof options that the reference primitives (@digitalbazaar/di-sd-primitives)
 * compute: nothing of the engine is used to sign.
 */
export async function p384Derived(credentialFor: (issuerDid: string) => Json, mandatoryPointers: string[], selectivePointers: string[]): Promise<{ derived: Json; did: string }> {
  const { newEcdsaSigner } = await import('../../../../support/sign-helper');
  const p384 = await newEcdsaSigner('P-384');
  const helper = await sdIssuer('P-256');
  const derivedByHelper = await helper.derive(await helper.issue(credentialFor(p384.did), mandatoryPointers), selectivePointers);
  const { proof: helperProof, ...document } = derivedByHelper;
  const proof: Json = { ...(helperProof as Json), verificationMethod: p384.verificationMethod };
  const primitives: Untyped = await load('@digitalbazaar/di-sd-primitives');
  const options = { documentLoader };
  const parts = decodeCbor(Buffer.from((proof.proofValue as string).slice(1), 'base64url').subarray(3), { useMaps: true }) as unknown[];
  const labelMap = new Map([...(parts[3] as Map<number, Uint8Array>)].map(([k, v]) => [`c14n${k}`, `u${Buffer.from(v).toString('base64url')}`]));
  const statements: string[] = await primitives.labelReplacementCanonicalizeJsonLd({ document, labelMapFactoryFunction: primitives.createLabelMapFunction({ labelMap }), options });
  const mandatory = statements.filter((_, i) => (parts[4] as number[]).includes(i));
  const sha384 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-384', new TextEncoder().encode(text)));
  const proofHash = await sha384(await primitives.canonizeProof({ document, proof, options }));
  const mandatoryHash = await sha384(mandatory.join(''));
  const publicKey = parts[1] as Uint8Array;
  const baseSignature = await p384.sign(Uint8Array.from([...proofHash, ...publicKey, ...mandatoryHash]));
  const derived = editDerivedProof({ ...document, proof }, (components) => {
    components[0] = baseSignature;
  });
  return { derived, did: p384.did };
}
