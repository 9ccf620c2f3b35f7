/**
 * Disclosures and the processed payload (RFC 9901 §4.2, §7.1 step 3): every
 * disclosed claim must be one the issuer signed a digest of, once. The rules
 * that make a disclosure that was not signed impossible to show (SECURITY.md
 * row 58):
 * - a disclosure is `[salt, name, value]` (an object property) or
 *   `[salt, value]` (an array element); its digest is the hash named by
 *   `_sd_alg` (SHA-256 by default) of its base64url text as sent;
 * - a property digest sits in an `_sd` array, an element digest in an array
 *   as `{"...": digest}`, in the payload or in a disclosed value;
 * - a digest found twice, a disclosure sent twice or never referenced, a
 *   property disclosure found where an element belongs (or the reverse), and
 *   a claim named `_sd`, `...` or already present, are all refused;
 * - digests without a disclosure are claims the holder did not disclose:
 *   they are dropped and only counted.
 */
import { VerifierError } from '../../errors';
import { fromBase64, fromUtf8, toBase64Url, utf8 } from '../../util/bytes';
import { isObject, parseJsonCapped } from '../../util/json';

/** `_sd_alg` values (IANA Named Information Hash Algorithm registry) and their WebCrypto names. */
const SD_HASHES: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
};

/** Small JSON values only: a disclosure is one claim. */
const DISCLOSURE_CAPS = { chars: 256 * 1024, depth: 32, keys: 5_000 };

export interface Disclosure {
  /** base64url as sent, which is what the digest covers */
  encoded: string;
  digest: string;
  /** absent for an array element */
  name?: string;
  value: unknown;
}

/** The payload with disclosed claims in place and undisclosed digests removed. */
export interface ProcessedPayload {
  payload: Record<string, unknown>;
  /** paths of the disclosed claims, for the technical details (`address.street`, `nationalities[1]`) */
  disclosed: string[];
  /** digests no disclosure was sent for: claims kept back, or decoys (RFC 9901 §4.2.5) */
  undisclosed: number;
}

const invalid = (reason: string) => new VerifierError('SD_JWT_DISCLOSURE_INVALID', { reason });

/** An own property, whatever its name: a claim named `__proto__` must stay a claim, never become the object's prototype (SECURITY.md row 50). */
const setOwn = (object: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * The hash an SD-JWT's digests are made with. Throws JWS_ALG_UNSUPPORTED for
 * a hash Credlens does not compute (a sound one may well be genuine, so this is
 * "could not check"), SD_JWT_INVALID for a value that is not a name.
 */
export function hashOf(sdAlg: unknown): 'SHA-256' | 'SHA-384' | 'SHA-512' {
  if (sdAlg === undefined) return 'SHA-256';
  if (typeof sdAlg !== 'string') throw new VerifierError('SD_JWT_INVALID', { reason: '_sd_alg is not a hash name' });
  if (!Object.hasOwn(SD_HASHES, sdAlg)) throw new VerifierError('JWS_ALG_UNSUPPORTED', { alg: `_sd_alg ${sdAlg.slice(0, 20)}` });
  return SD_HASHES[sdAlg]!;
}

/** base64url of the hash of `text`'s ASCII bytes (RFC 9901 §4.2.3). */
export async function digestOf(text: string, hash: 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest(hash, utf8(text) as BufferSource)));
}

/** Decodes the disclosures and computes their digests. Throws SD_JWT_DISCLOSURE_INVALID. */
export async function decodeDisclosures(encoded: readonly string[], hash: 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<Disclosure[]> {
  const out: Disclosure[] = [];
  const digests = new Set<string>();
  for (const text of encoded) {
    let array: unknown;
    try {
      array = parseJsonCapped(fromUtf8(fromBase64(text) ?? new Uint8Array()), DISCLOSURE_CAPS);
    } catch {
      throw invalid('a disclosure is not base64url-encoded JSON');
    }
    if (!Array.isArray(array) || (array.length !== 2 && array.length !== 3) || typeof array[0] !== 'string')
      throw invalid('a disclosure is not [salt, name, value] or [salt, value]');
    const name = array.length === 3 ? array[1] : undefined;
    if (array.length === 3 && typeof name !== 'string') throw invalid('a disclosed claim name is not a string');
    // §7.1 step 3.c.ii.3: these names are the digest containers themselves
    if (name === '_sd' || name === '...') throw invalid(`a disclosure names the claim "${name}"`);
    const digest = await digestOf(text, hash);
    if (digests.has(digest)) throw invalid('the same disclosure is sent twice');
    digests.add(digest);
    out.push({ encoded: text, digest, ...(name !== undefined ? { name: name as string } : {}), value: array[array.length - 1] });
  }
  return out;
}

/**
 * Puts the disclosed claims in place (RFC 9901 §7.1 step 3). Throws
 * SD_JWT_DISCLOSURE_INVALID for any disclosure that is not referenced exactly
 * once from where its kind belongs.
 */
export function processPayload(signed: Record<string, unknown>, disclosures: readonly Disclosure[]): ProcessedPayload {
  const byDigest = new Map(disclosures.map((d) => [d.digest, d]));
  const seen = new Set<string>();
  const used = new Set<string>();
  const disclosed: string[] = [];
  let undisclosed = 0;

  const claim = (digest: unknown): Disclosure | undefined => {
    if (typeof digest !== 'string') throw invalid('a digest is not a string');
    if (seen.has(digest)) throw invalid('a digest appears twice');
    seen.add(digest);
    const disclosure = byDigest.get(digest);
    if (disclosure) used.add(digest);
    else undisclosed++;
    return disclosure;
  };

  const walk = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      node.forEach((element, i) => {
        if (isObject(element) && Object.hasOwn(element, '...')) {
          if (Object.keys(element).length !== 1) throw invalid('an array element digest object has other members');
          const disclosure = claim(element['...']);
          if (!disclosure) return;
          if (disclosure.name !== undefined) throw invalid(`the claim "${disclosure.name.slice(0, 60)}" is disclosed where an array element belongs`);
          disclosed.push(`${path}[${i}]`);
          out.push(walk(disclosure.value, `${path}[${i}]`));
        } else {
          out.push(walk(element, `${path}[${i}]`));
        }
      });
      return out;
    }
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key !== '_sd') setOwn(out, key, walk(value, path ? `${path}.${key}` : key));
    }
    if (node._sd !== undefined) {
      if (!Array.isArray(node._sd)) throw invalid('_sd is not an array of digests');
      for (const digest of node._sd) {
        const disclosure = claim(digest);
        if (!disclosure) continue;
        if (disclosure.name === undefined) throw invalid('an array element is disclosed where a claim belongs');
        // §7.1 step 3.c.ii.4: a disclosure never overwrites a claim the issuer wrote in the clear
        if (Object.hasOwn(out, disclosure.name)) throw invalid(`the claim "${disclosure.name.slice(0, 60)}" is both in the clear and disclosed`);
        const at = path ? `${path}.${disclosure.name}` : disclosure.name;
        disclosed.push(at);
        setOwn(out, disclosure.name, walk(disclosure.value, at));
      }
    }
    return out;
  };

  const processed = walk(signed, '') as Record<string, unknown>;
  delete processed._sd_alg;
  // §7.1 step 5: a disclosure no digest of the signed payload names was not signed
  if (used.size !== byDigest.size) throw invalid('a disclosure is not referenced by any digest the issuer signed');
  return { payload: processed, disclosed, undisclosed };
}
