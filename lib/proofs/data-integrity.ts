/** Embedded Data Integrity proofs. (Placeholder until the cryptosuites land: reports "could not check".) */
import type { VerifyContext } from '../context';
import { error, skip } from '../checks/result';
import type { Check, TechnicalDetails } from '../report';

export interface ProofOutcome {
  /** a 'proof' check and an 'issuer-binding' check */
  checks: Check[];
  technical: TechnicalDetails;
}

export async function verifyDataIntegrity(credential: Record<string, unknown>, _ctx: VerifyContext): Promise<ProofOutcome> {
  const proof = credential.proof as { cryptosuite?: string; type?: string } | undefined;
  return {
    checks: [error('proof', 'DI_UNSUPPORTED_CRYPTOSUITE', { suite: String(proof?.cryptosuite ?? proof?.type) }), skip('issuer-binding')],
    technical: {},
  };
}
