/** Baked PNG badges. (Placeholder until the bounded chunk reader lands.) */
import { VerifierError } from '../errors';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const isPng = (b: Uint8Array): boolean => b.length >= 8 && SIGNATURE.every((x, i) => b[i] === x);

/** Returns the embedded credential text (JSON, compact JWS or a hosted assertion URL). */
export function extractFromPng(_bytes: Uint8Array): string {
  throw new VerifierError('IMAGE_NO_CREDENTIAL');
}
