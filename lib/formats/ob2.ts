/** Open Badges 2.0 (hosted and signed). (Placeholder until implemented: reports "could not check".) */
import type { VerifyContext } from '../context';
import { error } from '../checks/result';
import { asArray, isObject } from '../util/json';
import type { FormatOutcome } from './types';

export const isOb2Json = (v: unknown): v is Record<string, unknown> =>
  isObject(v) &&
  (asArray(v.type).includes('Assertion') ||
    asArray(v['@context']).some((c) => typeof c === 'string' && c.startsWith('https://w3id.org/openbadges')) ||
    (v.recipient !== undefined && v.badge !== undefined) ||
    (isObject(v.verify) && typeof v.verify.url === 'string'));

export const isOb2JwsPayload = (v: unknown): boolean => isOb2Json(v);

export async function verifyOb2Json(_assertion: Record<string, unknown>, _ctx: VerifyContext): Promise<FormatOutcome> {
  return unsupported('ob2-hosted');
}

export async function verifyOb2Jws(_jws: string, _ctx: VerifyContext): Promise<FormatOutcome> {
  return unsupported('ob2-signed');
}

function unsupported(format: FormatOutcome['format']): FormatOutcome {
  return { format, checks: [error('structure', 'INPUT_UNSUPPORTED_FORMAT', { reason: 'Open Badges 2.0' })], required: ['hosted'], summary: {}, technical: {} };
}
