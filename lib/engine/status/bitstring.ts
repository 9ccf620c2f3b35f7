/**
 * The bitstring shared by W3C Bitstring Status List and StatusList2021:
 * `encodedList` is the GZIP-compressed bitstring, base64url-encoded (with a
 * multibase `u` prefix in Bitstring Status List §2.1, plain base64 in
 * StatusList2021). Pure functions, so the bit logic is testable on its own.
 */
import { readAllCapped } from '../util/stream';
import { VerifierError } from '../errors';
import { LIMITS } from '../limits';
import { fromBase64, toBase64Url } from '../util/bytes';

const isGzip = (b: Uint8Array | undefined): b is Uint8Array => !!b && b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** base64url of the compressed list, with or without the multibase `u` prefix. */
export function decodeEncodedList(encodedList: string): Uint8Array {
  if (encodedList.startsWith('u')) {
    const multibase = fromBase64(encodedList.slice(1));
    if (isGzip(multibase)) return multibase;
  }
  const plain = fromBase64(encodedList);
  if (isGzip(plain)) return plain;
  throw new VerifierError('STATUS_VERIFICATION_ERROR', { reason: 'encodedList is not base64url-encoded GZIP' });
}

/**
 * Inflates with DecompressionStream, counting bytes as they come out, and
 * stops at `maxBytes` (SECURITY.md attack 32: a small list can inflate to
 * gigabytes).
 */
export async function inflateCapped(gzip: Uint8Array, maxBytes: number = LIMITS.statusListInflatedBytes): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(gzip);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  try {
    return await readAllCapped(reader, maxBytes, () => new VerifierError('STATUS_LIST_TOO_LARGE', { cap: maxBytes }));
  } catch (e) {
    if (e instanceof VerifierError) throw e;
    throw new VerifierError('STATUS_VERIFICATION_ERROR', { reason: 'encodedList is not valid GZIP' });
  }
}

/** Decodes `encodedList` into the raw bitstring (capped). */
export async function decodeStatusList(encodedList: string, maxBytes?: number): Promise<Uint8Array> {
  return inflateCapped(decodeEncodedList(encodedList), maxBytes);
}

/**
 * `statusListIndex` as a safe non-negative integer; the spec writes it as a
 * string of digits, some issuers as a number. Anything else is STATUS_RANGE
 * (W3C RANGE_ERROR).
 */
export function parseStatusIndex(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : NaN;
  // Only strings and numbers are echoed: String() of a parsed {"toString": …} object throws.
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 40) : typeof value;
  if (!Number.isSafeInteger(n) || n < 0) throw new VerifierError('STATUS_RANGE', { index: shown });
  return n;
}

/**
 * Reads one status bit. Bitstring Status List §"Bitstring Encoding": index 0
 * is the left-most (most significant) bit of the first byte.
 */
export function readStatusBit(bitstring: Uint8Array, index: number): boolean {
  if (index >= bitstring.length * 8) throw new VerifierError('STATUS_RANGE', { index, length: bitstring.length * 8 });
  return ((bitstring[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
}

/** Builds an encodedList (multibase base64url GZIP) from set indexes; for tests and tools. */
export async function encodeStatusList(setIndexes: number[], lengthBits = 131_072): Promise<string> {
  const bits = new Uint8Array(Math.ceil(lengthBits / 8));
  for (const i of setIndexes) bits[i >> 3] = (bits[i >> 3] ?? 0) | (0x80 >> (i & 7));
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bits);
      c.close();
    },
  }).pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const gz = new Uint8Array(await new Response(stream).arrayBuffer());
  return 'u' + toBase64Url(gz);
}
