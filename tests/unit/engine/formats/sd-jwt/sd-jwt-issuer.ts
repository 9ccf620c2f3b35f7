/**
 * SD-JWTs issued in tests as RFC 9901 §4 describes, signed with jose and
 * freshly generated keys: claims made selectively disclosable get a
 * disclosure `[salt, name, value]` and their SHA-256 digest in `_sd`; array
 * elements a `[salt, value]` disclosure and a `{"...": digest}` entry. A
 * holder then presents some of the disclosures, with or without a key
 * binding JWT over what it presents.
 */
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { toBase64Url, utf8 } from '../../../../../lib/engine/util/bytes';

export interface IssuedSdJwt {
  /** the issuer-signed JWT */
  jwt: string;
  /** every disclosure, by claim name (array elements by `name[i]`) */
  disclosures: Record<string, string>;
}

const b64json = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));
let saltCounter = 0;
const salt = () => toBase64Url(utf8(`salt-${++saltCounter}-${Math.random()}`)).slice(0, 22);

export async function digest(disclosure: string, hash: 'SHA-256' | 'SHA-384' = 'SHA-256'): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest(hash, utf8(disclosure) as BufferSource)));
}

/** A disclosure of a claim, or of an array element when `name` is undefined. */
export const disclosureOf = (name: string | undefined, value: unknown): string => b64json(name === undefined ? [salt(), value] : [salt(), name, value]);

export interface TestKey {
  alg: 'ES256' | 'EdDSA' | 'ES384';
  publicJwk: JWK;
  privateKey: CryptoKey;
}

export async function newKey(alg: TestKey['alg'] = 'ES256'): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, publicJwk: await exportJWK(publicKey), privateKey: privateKey as CryptoKey };
}

export const signJwt = (key: TestKey, header: Record<string, unknown>, payload: unknown): Promise<string> =>
  new CompactSign(utf8(JSON.stringify(payload))).setProtectedHeader({ alg: key.alg, ...header }).sign(key.privateKey);

/**
 * Issues an SD-JWT: `claims` in the clear, `disclosable` as top-level
 * selectively disclosable claims, `elements` as disclosable elements of
 * array claims (`{ nationalities: ['DE'] }`).
 */
export async function issueSdJwt(
  key: TestKey,
  claims: Record<string, unknown>,
  disclosable: Record<string, unknown> = {},
  options: { header?: Record<string, unknown>; elements?: Record<string, unknown[]>; decoys?: number } = {},
): Promise<IssuedSdJwt> {
  // no prototype: a claim named __proto__ is a disclosure like any other
  const disclosures: Record<string, string> = Object.create(null);
  const sd: string[] = [];
  for (const [name, value] of Object.entries(disclosable)) {
    disclosures[name] = disclosureOf(name, value);
    sd.push(await digest(disclosures[name]!));
  }
  for (let i = 0; i < (options.decoys ?? 0); i++) sd.push(await digest(b64json([salt(), 'decoy', i])));
  const payload: Record<string, unknown> = { ...claims, ...(sd.length ? { _sd: sd.sort() } : {}), _sd_alg: 'sha-256' };
  for (const [name, elements] of Object.entries(options.elements ?? {})) {
    const entries: unknown[] = [];
    for (const [i, element] of elements.entries()) {
      disclosures[`${name}[${i}]`] = disclosureOf(undefined, element);
      entries.push({ '...': await digest(disclosures[`${name}[${i}]`]!) });
    }
    payload[name] = entries;
  }
  const jwt = await signJwt(key, { typ: 'dc+sd-jwt', ...options.header }, payload);
  return { jwt, disclosures };
}

/** The SD-JWT as presented: the issuer JWT, the chosen disclosures, and `~` (no key binding yet). */
export const present = (issued: IssuedSdJwt, names: string[] = Object.keys(issued.disclosures)): string =>
  `${issued.jwt}~${names.map((n) => `${issued.disclosures[n]}~`).join('')}`;

/** Appends a key binding JWT by `holder` over `presented` (RFC 9901 §4.3). */
export async function withKeyBinding(presented: string, holder: TestKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const kb = await signJwt(holder, { typ: 'kb+jwt', ...header }, {
    iat: Math.floor(Date.parse('2026-05-01T00:00:00Z') / 1000),
    aud: 'https://verifier.example',
    nonce: 'n-0S6_WzA2Mj',
    sd_hash: await digest(presented),
    ...claims,
  });
  return `${presented}${kb}`;
}
