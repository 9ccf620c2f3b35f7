/** Reading a byte stream without trusting its length. */
import { concatBytes } from './bytes';

/**
 * Reads `reader` to the end, counting bytes as they arrive, and cancels it as soon
 * as more than `cap` bytes came: `tooLarge()` is then thrown. Other read errors
 * propagate unchanged for the caller to name.
 */
export async function readAllCapped(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  cap: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concatBytes(...chunks);
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
}
