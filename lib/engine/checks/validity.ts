/**
 * Validity window: validFrom/validUntil (VC 2.0 §4.9) and issuanceDate/
 * expirationDate (VC 1.1 §4.6–4.7), with a small clock skew. Not yet valid is
 * a failure; past the end is `expired`.
 */
import type { Check } from '../report';
import { fail, pass } from './result';

export interface ValidityWindow {
  validFrom?: string;
  validUntil?: string;
}

export function checkValidity(window: ValidityWindow, now: number, skewSeconds: number): Check {
  const skew = skewSeconds * 1000;
  const from = window.validFrom ? Date.parse(window.validFrom) : undefined;
  const until = window.validUntil ? Date.parse(window.validUntil) : undefined;
  if (window.validFrom && Number.isNaN(from)) return fail('validity', 'STRUCTURE_DATES', { reason: `validFrom "${window.validFrom}" is not a date` });
  if (window.validUntil && Number.isNaN(until)) return fail('validity', 'STRUCTURE_DATES', { reason: `validUntil "${window.validUntil}" is not a date` });
  if (from !== undefined && until !== undefined && until < from)
    return fail('validity', 'STRUCTURE_DATES', { reason: 'it ends before it starts' });
  if (from !== undefined && now + skew < from) return fail('validity', 'CRED_NOT_YET_VALID', { validFrom: window.validFrom! });
  if (until !== undefined && now - skew > until) return fail('validity', 'CRED_EXPIRED', { validUntil: window.validUntil! });
  return pass('validity', until !== undefined ? `Valid until ${window.validUntil}` : 'Valid, with no end date');
}
