/**
 * Test signer: Data Integrity `eddsa-jcs-2022` (W3C vc-di-eddsa §3.3) with a
 * did:key Ed25519 key generated in the test, so tests can issue credentials
 * (and status lists) of their own without any network or fixed secret.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeEd25519Multikey } from '../../lib/engine/keys/multikey';
import { canonicalizeJcs } from '../../lib/engine/proofs/data-integrity/jcs';
import { concatBytes, sha256, toBase58, utf8 } from '../../lib/engine/util/bytes';

export interface TestIssuer {
  did: string;
  verificationMethod: string;
  secretKey: Uint8Array;
}

export function createTestIssuer(): TestIssuer {
  const secretKey = ed25519.utils.randomSecretKey();
  const multikey = encodeEd25519Multikey(ed25519.getPublicKey(secretKey));
  const did = `did:key:${multikey}`;
  return { did, verificationMethod: `${did}#${multikey}`, secretKey };
}

/** Returns a copy of `document` with an eddsa-jcs-2022 proof by `issuer`. */
export async function signJcs(document: Record<string, unknown>, issuer: TestIssuer, created = '2024-01-01T00:00:00Z'): Promise<Record<string, unknown>> {
  const { proof: _drop, ...unsecured } = document;
  const proofConfig = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created,
    verificationMethod: issuer.verificationMethod,
    proofPurpose: 'assertionMethod',
    '@context': unsecured['@context'],
  };
  const hashData = concatBytes(await sha256(utf8(canonicalizeJcs(proofConfig))), await sha256(utf8(canonicalizeJcs(unsecured))));
  const signature = ed25519.sign(hashData, issuer.secretKey);
  const { '@context': _ctx, ...proof } = proofConfig;
  return { ...unsecured, proof: { ...proof, proofValue: 'z' + toBase58(signature) } };
}
