/**
 * JSON parsing with caps checked *before* JSON.parse builds anything large:
 * length, nesting depth and key count (SECURITY.md attack 27).
 */
import { VerifierError } from '../errors';
import { LIMITS } from '../limits';

export interface JsonCaps {
  chars: number;
  depth: number;
  keys: number;
}

const DEFAULT_CAPS: JsonCaps = { chars: LIMITS.jsonChars, depth: LIMITS.jsonDepth, keys: LIMITS.jsonKeys };

/** A linear scan that counts depth and object keys, skipping string contents. */
export function checkJsonShape(text: string, caps: JsonCaps = DEFAULT_CAPS): void {
  if (text.length > caps.chars) throw new VerifierError('INPUT_TOO_LARGE', { chars: text.length, cap: caps.chars });
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > caps.depth) throw new VerifierError('INPUT_TOO_DEEP', { cap: caps.depth });
    } else if (c === 125 || c === 93) depth--;
    else if (c === 58 && ++keys > caps.keys) throw new VerifierError('INPUT_TOO_LARGE', { keys: caps.keys });
  }
}

/** Parses untrusted JSON text under the caps; throws VerifierError, never SyntaxError. */
export function parseJsonCapped(text: string, caps: JsonCaps = DEFAULT_CAPS): unknown {
  checkJsonShape(text, caps);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new VerifierError('INPUT_UNPARSEABLE', { reason: e instanceof Error ? e.message.slice(0, 120) : 'bad JSON' });
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON-LD values are often "one or many": normalise to an array. */
export const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The `id` of a value that may be a string or an object with an `id`. */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : isObject(v) && typeof v.id === 'string' ? v.id : undefined;

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Counts the JSON values in `value` (objects, arrays, strings, numbers,
 * booleans, null), stopping as soon as the count passes `cap`: a cost bound
 * for work that is superlinear in the values, such as JSON-LD expansion and
 * the conversion to RDF (SECURITY.md row 49). Iterative, so any depth is safe.
 */
export function countJsonNodes(value: unknown, cap: number): number {
  const pending: unknown[] = [value];
  let count = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (++count > cap) return count;
    if (Array.isArray(next)) for (const item of next) pending.push(item);
    else if (typeof next === 'object' && next !== null) for (const item of Object.values(next)) pending.push(item);
  }
  return count;
}
