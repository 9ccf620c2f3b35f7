/**
 * JSON Canonicalization Scheme (RFC 8785), used by eddsa-jcs-2022
 * (W3C vc-di-eddsa §3.4). Small enough to own rather than depend on.
 */
import { VerifierError } from '../../errors';

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code
 * units (RFC 8785 §3.2.3), numbers and strings as ECMAScript JSON.stringify
 * writes them (§3.2.2.3 and §3.2.2.2 adopt exactly that serialisation), no
 * whitespace. Throws DI_CANONICALIZATION_FAILED for values I-JSON forbids.
 *
 * @example
 * canonicalizeJcs({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalizeJcs(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    // RFC 8785 §3.2.2.3: NaN and Infinity have no JSON form.
    if (!Number.isFinite(value)) throw new VerifierError('DI_CANONICALIZATION_FAILED', { reason: 'a number that JSON cannot hold' });
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    // RFC 8785 §3.1: input must be I-JSON (RFC 7493 §2.1), so no lone surrogates.
    if (!value.isWellFormed()) throw new VerifierError('DI_CANONICALIZATION_FAILED', { reason: 'a string with a lone surrogate' });
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalizeJcs).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Array.prototype.sort compares strings by UTF-16 code units, as §3.2.3 requires.
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${canonicalizeJcs(k)}:${canonicalizeJcs(record[k])}`).join(',')}}`;
  }
  throw new VerifierError('DI_CANONICALIZATION_FAILED', { reason: `a ${typeof value} is not JSON` });
}
