/** Baked SVG badges. (Placeholder until the bounded scanner lands.) */
import { VerifierError } from '../errors';

/** Returns the embedded credential text (JSON, compact JWS or a hosted assertion URL). */
export function extractFromSvg(_text: string): string {
  throw new VerifierError('IMAGE_NO_CREDENTIAL');
}
