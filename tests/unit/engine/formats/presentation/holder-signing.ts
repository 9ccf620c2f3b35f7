/**
 * Presentations signed the way wallets sign them with the Digital Bazaar
 * reference libraries: @digitalbazaar/vc `signPresentation` (an
 * AuthenticationProofPurpose with a challenge), DataIntegrityProof /
 * eddsa-rdfc-2022, a holder did:key made with @digitalbazaar/ed25519-multikey.
 * Attack tests then edit the result as a forger would.
 */
import { documentLoader } from '../../../../support/third-party-signing';

type Json = Record<string, unknown>;
// The Digital Bazaar packages ship no type declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

const load = (specifier: string): Promise<Untyped> => import(specifier);

export interface Holder {
  did: string;
  verificationMethod: string;
  /** signs `presentation` with proofPurpose authentication and this challenge (and domain) */
  sign(presentation: Json, options?: { challenge?: string; domain?: string; purpose?: 'authentication' | 'assertionMethod' }): Promise<Json>;
}

/** A fresh Ed25519 holder whose did:key lists its key for authentication. */
export async function newHolder(): Promise<Holder> {
  const [vc, { DataIntegrityProof }, { cryptosuite }, Ed25519Multikey, jsigs] = await Promise.all([
    load('@digitalbazaar/vc'),
    load('@digitalbazaar/data-integrity'),
    load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    load('@digitalbazaar/ed25519-multikey'),
    load('jsonld-signatures'),
  ]);
  const generated = await Ed25519Multikey.generate({});
  const mb = generated.publicKeyMultibase as string;
  const key = await Ed25519Multikey.from({ type: 'Multikey', id: `did:key:${mb}#${mb}`, controller: `did:key:${mb}`, publicKeyMultibase: mb, secretKeyMultibase: generated.secretKeyMultibase });
  return {
    did: `did:key:${mb}`,
    verificationMethod: key.id,
    async sign(presentation, { challenge = 'c-7f3a', domain, purpose = 'authentication' } = {}) {
      const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite });
      const proofPurpose = purpose === 'assertionMethod' ? new jsigs.purposes.AssertionProofPurpose() : undefined;
      return vc.signPresentation({ presentation: structuredClone(presentation), suite, challenge, domain, documentLoader, ...(proofPurpose ? { purpose: proofPurpose } : {}) });
    },
  };
}
