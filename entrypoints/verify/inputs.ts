/** Turns what the user dropped, picked or pasted into `verify/input` payloads. */
import { LIMITS } from '../../lib/engine';

export type VerifyPayload = { text: string; name?: string } | { bytesBase64: string; name?: string } | { url: string; name?: string };

/** Base64 of bytes, in chunks so a 4 MB image does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** True for a PDF by its magic bytes (%PDF-), whatever the file is called. */
export const isPdf = (bytes: Uint8Array): boolean =>
  bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

/** A payload for one file's bytes, or a reason it cannot be sent. */
export function filePayload(bytes: Uint8Array, name: string): VerifyPayload | { tooLarge: true } {
  if (bytes.length > LIMITS.inputBytes) return { tooLarge: true };
  return { bytesBase64: toBase64(bytes), name: name.slice(0, 300) };
}

/**
 * Pasted text: a single https URL is sent as a URL (the background fetches it
 * through the engine's safe fetch); anything else as text (JSON, a JWS).
 */
export function pastedPayload(raw: string): VerifyPayload | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^https?:\/\/\S+$/i.test(text)) {
    try {
      return { url: new URL(text).href };
    } catch {
      // not a valid URL after all: verify it as text, which will explain the problem
    }
  }
  return { text: text.slice(0, LIMITS.inputBytes) };
}
