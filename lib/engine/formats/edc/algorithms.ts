/**
 * Everything the seal check needs to know about one algorithm, in one place
 * (the jose `jws_algorithms.ts` pattern). `none` and the HMAC algorithms are
 * simply absent: a seal must be verifiable with the certificate's public key
 * (RFC 7518 §3.1; ETSI TS 119 182-1 §5.1.2 lists only asymmetric algorithms).
 */

type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';
/** Public-key families a seal certificate may hold. */
export type KeyFamily = 'RSA' | 'EC';

/** One signature algorithm, as WebCrypto needs it. */
export interface SignatureAlgorithm {
  family: KeyFamily;
  hash: Hash;
  /** WebCrypto algorithm name */
  name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA';
  /** RSA-PSS salt length (RFC 7518 §3.5: equal to the hash size) */
  saltLength?: number;
  /** ECDSA curve the JWS alg is bound to (RFC 7518 §3.4) */
  namedCurve?: 'P-256' | 'P-384' | 'P-521';
}

/** JWS `alg` values accepted for JAdES seals. */
export const JWS_ALGORITHMS: Readonly<Record<string, SignatureAlgorithm>> = {
  RS256: { family: 'RSA', hash: 'SHA-256', name: 'RSASSA-PKCS1-v1_5' },
  RS384: { family: 'RSA', hash: 'SHA-384', name: 'RSASSA-PKCS1-v1_5' },
  RS512: { family: 'RSA', hash: 'SHA-512', name: 'RSASSA-PKCS1-v1_5' },
  PS256: { family: 'RSA', hash: 'SHA-256', name: 'RSA-PSS', saltLength: 32 },
  PS384: { family: 'RSA', hash: 'SHA-384', name: 'RSA-PSS', saltLength: 48 },
  PS512: { family: 'RSA', hash: 'SHA-512', name: 'RSA-PSS', saltLength: 64 },
  ES256: { family: 'EC', hash: 'SHA-256', name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { family: 'EC', hash: 'SHA-384', name: 'ECDSA', namedCurve: 'P-384' },
  ES512: { family: 'EC', hash: 'SHA-512', name: 'ECDSA', namedCurve: 'P-521' },
};

/** X.509 signature algorithm OIDs (RFC 4055 §5, RFC 5758 §3.2) accepted on certificates. */
export const CERT_SIGNATURE_OIDS: Readonly<Record<string, SignatureAlgorithm>> = {
  '1.2.840.113549.1.1.11': { family: 'RSA', hash: 'SHA-256', name: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.12': { family: 'RSA', hash: 'SHA-384', name: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.13': { family: 'RSA', hash: 'SHA-512', name: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.10045.4.3.2': { family: 'EC', hash: 'SHA-256', name: 'ECDSA' },
  '1.2.840.10045.4.3.3': { family: 'EC', hash: 'SHA-384', name: 'ECDSA' },
  '1.2.840.10045.4.3.4': { family: 'EC', hash: 'SHA-512', name: 'ECDSA' },
};

/** Named-curve OIDs (RFC 5480 §2.1.1.1). */
export const CURVE_OIDS: Readonly<Record<string, 'P-256' | 'P-384' | 'P-521'>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

/** Bytes per coordinate (and per r, s half of an ECDSA signature) on each curve. */
export const CURVE_COORDINATE_BYTES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 } as const;

/** Smallest RSA modulus accepted (as jose does for RS/PS algorithms). */
export const MIN_RSA_BITS = 2048;

/** WebCrypto parameters for importing a key and for verifying with it. */
export function webCryptoParams(alg: SignatureAlgorithm, curve?: 'P-256' | 'P-384' | 'P-521') {
  if (alg.family === 'EC') {
    return {
      importParams: { name: 'ECDSA', namedCurve: curve ?? alg.namedCurve } as EcKeyImportParams,
      verifyParams: { name: 'ECDSA', hash: alg.hash } as EcdsaParams,
    };
  }
  return {
    importParams: { name: alg.name, hash: alg.hash } as RsaHashedImportParams,
    verifyParams: (alg.name === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: alg.saltLength } : { name: alg.name }) as RsaPssParams | Algorithm,
  };
}
