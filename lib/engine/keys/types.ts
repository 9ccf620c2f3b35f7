/** A public key resolved from a verification method, with what it is bound to. */
export interface ResolvedKey {
  /** the verification method id as resolved (DID URL or https URL with fragment) */
  id: string;
  /** who controls the key, per the document it came from (a DID or an https URL) */
  controller: string;
  /** the public key as a JWK (OKP Ed25519, EC P-256/P-384, RSA); never contains `d` */
  publicKeyJwk: JsonWebKey;
  /** verification relationships the controller document lists this key under */
  relationships: { assertionMethod: boolean; authentication: boolean };
  /** where the key came from, for the technical details */
  source: 'did:key' | 'did:jwk' | 'did:web' | 'https' | 'jwks' | 'ob2-publicKey' | 'jws-header'
    /** SD-JWT VC: the issuer's JWT VC Issuer Metadata, or the certificate chain in the token's `x5c` */
    | 'jwt-vc-issuer' | 'x5c'
    /** SD-JWT: the holder key the issuer bound in the `cnf` claim */
    | 'cnf';
  /** the controller/DID document, when one was fetched or generated */
  document?: unknown;
}

/** Resolves a verification method URL (or DID URL) to a key. Throws VerifierError (KEY_*, FETCH_*). */
export type KeyResolver = (verificationMethod: string, ctx: import('../context').VerifyContext) => Promise<ResolvedKey>;
