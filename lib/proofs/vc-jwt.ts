/** VC-JWT (compact JWS). (Placeholder until implemented: reports "could not check".) */
import type { VerifyContext } from '../context';
import { error, skip } from '../checks/result';
import type { Check, TechnicalDetails } from '../report';

export interface JwtOutcome {
  /** 'proof', 'issuer-binding' and 'claims' checks */
  checks: Check[];
  technical: TechnicalDetails;
  /** the credential the signature covers, once the signature is known good or at least decodable */
  credential?: Record<string, unknown>;
}

export async function verifyVcJwt(_jws: string, _ctx: VerifyContext): Promise<JwtOutcome> {
  return { checks: [error('proof', 'INPUT_UNSUPPORTED_FORMAT', { reason: 'VC-JWT' }), skip('issuer-binding'), skip('claims')], technical: {} };
}
