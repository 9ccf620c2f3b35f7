/** The error code a failing step gives, for tests that assert codes. */
import { VerifierError } from '../../lib/engine/errors';

/** The code a promise is rejected with; undefined when it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof VerifierError ? e.code : 'not a VerifierError';
  }
}

/** The `code` a synchronous step throws with; undefined when it returns. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}
