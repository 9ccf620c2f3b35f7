/** Credential status (revocation / suspension). (Placeholder: any status entry is "could not check".) */
import type { VerifyContext } from '../context';
import { error, skip } from '../checks/result';
import type { Check } from '../report';
import { asArray, isObject } from '../util/json';

export async function checkCredentialStatus(credential: Record<string, unknown>, _ctx: VerifyContext): Promise<Check> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) return skip('status', 'NOT_APPLICABLE', 'The issuer publishes no revocation status for this credential');
  const type = isObject(entries[0]) ? String(entries[0].type) : 'unknown';
  return error('status', 'STATUS_UNSUPPORTED', { type });
}
