/**
 * Which earlier checks are "the same credential". The input hash is not
 * enough: a badge first checked as a PNG and re-checked from its stored JSON
 * has other bytes but the same signed content. So the key is the SHA-256 of
 * the signed payload in a canonical key order; for a hosted OB 2.0 assertion
 * (whose hosted copy is the authority and may change) it is its hosted URL;
 * without a payload it falls back to the input hash.
 */
import { type Report } from '../../engine';

/** JSON with object keys sorted, so equal content gives equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key that links re-checks of one credential. */
export async function credentialKeyOf(report: Report): Promise<string> {
  const credential = report.credential;
  const hostedId = credential && typeof credential === 'object' ? (credential as { id?: unknown }).id : undefined;
  if (report.format === 'ob2-hosted' && typeof hostedId === 'string') return `hosted:${hostedId}`;
  if (credential !== undefined && credential !== null) return `content:${await sha256Hex(stableStringify(credential))}`;
  return `input:${report.inputHash}`;
}
