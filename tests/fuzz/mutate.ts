/**
 * One-change mutations of signed credentials, for the property "a signed
 * credential with any signed byte changed is never verified".
 *
 * What counts as a signed byte:
 * - Data Integrity (eddsa-rdfc-2022, Ed25519Signature2020, eddsa-jcs-2022,
 *   ecdsa-rdfc-2019, ecdsa-jcs-2019):
 *   the *meaning* of the JSON, not its bytes. Whitespace and key order are not
 *   signed (RDFC and JCS both canonicalise them away), so mutations are
 *   semantic: a string leaf gets one character replaced (never by the same
 *   letter in the other case: language tags compare case-insensitively), a
 *   number is incremented, a boolean flipped, a null replaced; a property or
 *   a unique array element outside `proof` is removed (not one whose value is
 *   null or [], which yields no RDF); a fresh property or array element is
 *   added outside `proof`. `@context` entries are changed in place but never
 *   added or removed: under RDFC a context none of whose terms is used does
 *   not change the signed dataset. Every proof field, proofValue included, is
 *   a leaf like any other (all of them are hashed into the proof config, and
 *   proofValue is the signature itself; the one other valid ECDSA signature,
 *   (r, n − s), is not one character away from (r, s)).
 * - Compact JWS (VC-JWT, OB 2.0 signed): every character of the header and
 *   payload segments (the JWS signing input is the base64url text itself,
 *   RFC 7515 §5.2), either as a raw base64url character swap or as a JSON
 *   change re-encoded; and every signature character except the last, whose
 *   low bits can be padding that decodes to the same bytes.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const POOL = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:/.#@ ';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Picks a replacement for `c` from `pool` that is not `c` in either case. */
function otherChar(c: string, pool: string, pick: number): string {
  const options = [...pool].filter((x) => x.toLowerCase() !== c.toLowerCase());
  return options[pick % options.length]!;
}

function walk(v: Json, path: Path, visit: (v: Json, path: Path) => void): void {
  visit(v, path);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], visit));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], visit);
}

const clone = <T>(v: T): T => structuredClone(v);
const inProof = (p: Path) => p[0] === 'proof';
const inContext = (p: Path) => p.includes('@context');

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root);
}

/** Replaces one character of a string, increments a number, flips a boolean, or replaces a null. */
function mutateLeaf(v: Json, pick: number): Json {
  if (typeof v === 'string') {
    if (v.length === 0) return 'x';
    const i = pick % v.length;
    return v.slice(0, i) + otherChar(v[i]!, POOL, pick >> 8) + v.slice(i + 1);
  }
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v + 1 : v * 2 + 1;
  if (typeof v === 'boolean') return !v;
  return 'x';
}

export type JsonMutation = 'leaf' | 'proof-leaf' | 'remove' | 'add';
export const JSON_MUTATIONS: readonly JsonMutation[] = ['leaf', 'proof-leaf', 'remove', 'add'];

/**
 * Applies one semantic change to `doc`; returns undefined when the chosen
 * kind has no place to apply (the caller then does not count the input).
 */
export function mutateJson(doc: Json, kind: JsonMutation, pick: number, pick2: number): Json | undefined {
  const out = clone(doc);
  const leaves: Path[] = [];
  const removable: Path[] = [];
  const growable: Path[] = [];
  walk(out, [], (v, path) => {
    const isLeaf = v === null || typeof v !== 'object';
    if (isLeaf && path.length > 0) leaves.push(path);
    if (path.length > 0 && !inProof(path) && !inContext(path)) {
      const parent = getAt(out, path.slice(0, -1));
      const empty = v === null || (Array.isArray(v) && v.length === 0);
      const unique = !Array.isArray(parent) || parent.filter((x) => JSON.stringify(x) === JSON.stringify(v)).length === 1;
      if (!empty && unique) removable.push(path);
    }
    if (v && typeof v === 'object' && !inProof(path) && !inContext(path) && path[path.length - 1] !== '@context') growable.push(path);
  });
  const choose = <T>(list: T[]) => (list.length ? list[pick % list.length] : undefined);
  if (kind === 'leaf' || kind === 'proof-leaf') {
    const path = choose(kind === 'leaf' ? leaves : leaves.filter(inProof));
    if (!path) return undefined;
    const parent = getAt(out, path.slice(0, -1)) as Record<string | number, Json>;
    parent[path[path.length - 1]!] = mutateLeaf(parent[path[path.length - 1]!]!, pick2);
  } else if (kind === 'remove') {
    const path = choose(removable);
    if (!path) return undefined;
    const parent = getAt(out, path.slice(0, -1));
    if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
    else delete (parent as Record<string, Json>)[path[path.length - 1] as string];
  } else {
    const path = choose(growable);
    if (!path) return undefined;
    const target = getAt(out, path);
    const fresh = `urn:fuzz:${pick2.toString(36)}`;
    if (Array.isArray(target)) {
      if (target.some((x) => x === fresh)) return undefined;
      target.push(fresh);
    } else {
      const key = ['name', 'description', 'narrative', 'id', 'extraClaim'][pick2 % 5]!;
      if (key in (target as object)) return undefined;
      (target as Record<string, Json>)[key] = fresh;
    }
  }
  return JSON.stringify(out) === JSON.stringify(doc) ? undefined : out;
}

/** Replaces one character inside a JSON string literal of `text` (keys included), keeping quotes and escapes. */
export function mutateJsonText(text: string, pick: number, pick2: number): string | undefined {
  const positions: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else positions.push(i);
    } else if (c === '"') inString = true;
  }
  if (positions.length === 0) return undefined;
  const at = positions[pick % positions.length]!;
  return text.slice(0, at) + otherChar(text[at]!, POOL, pick2) + text.slice(at + 1);
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

export type JwsMutation = 'raw' | 'header-json' | 'payload-json';
export const JWS_MUTATIONS: readonly JwsMutation[] = ['raw', 'header-json', 'payload-json'];

/** One change to a compact JWS, per the rules in this file's header. */
export function mutateJws(token: string, kind: JwsMutation, pick: number, pick2: number): string | undefined {
  const [h, p, s] = token.split('.') as [string, string, string];
  if (kind === 'raw') {
    // all of header and payload, and the signature without its last character
    const spans = h.length + 1 + p.length + 1 + (s.length - 1);
    let at = pick % spans;
    if (at === h.length || at === h.length + 1 + p.length) at += 1; // skip the dots
    return token.slice(0, at) + otherChar(token[at]!, B64URL, pick2) + token.slice(at + 1);
  }
  const segment = kind === 'header-json' ? h : p;
  const changed = mutateJson(JSON.parse(unb64(segment)) as Json, JSON_MUTATIONS[pick2 % JSON_MUTATIONS.length]!, pick, pick2 >> 2);
  if (changed === undefined) return undefined;
  const encoded = b64(JSON.stringify(changed));
  return kind === 'header-json' ? `${encoded}.${p}.${s}` : `${h}.${encoded}.${s}`;
}
