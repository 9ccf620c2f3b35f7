/** European Digital Credentials. (Placeholder until implemented: reports "could not check".) */
import type { VerifyContext } from '../context';
import { error } from '../checks/result';
import { asArray, isObject } from '../util/json';
import type { FormatOutcome } from './types';

export const isEdcJson = (v: unknown): boolean =>
  isObject(v) && ((typeof v.payload === 'string' && Array.isArray(v.signatures)) || asArray(v.type).includes('EuropeanDigitalCredential'));

export async function verifyEdc(_text: string, _ctx: VerifyContext): Promise<FormatOutcome> {
  return { format: 'edc', checks: [error('seal', 'INPUT_UNSUPPORTED_FORMAT', { reason: 'European Digital Credential' })], required: ['seal'], summary: {}, technical: {} };
}
