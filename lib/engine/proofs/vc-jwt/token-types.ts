/**
 * What a JOSE `typ` header says a token is, in one table. Explicit typing
 * (RFC 8725 §3.11) keeps one kind of token from being accepted as another: a
 * key binding JWT, a status list or a presentation is never read as a
 * credential, and a token typed as something Credlens does not know is not a
 * credential either (the W3C VC-JOSE-COSE test suite's "invalid media type"
 * cases).
 */

/**
 * - `jwt`: the generic types of the VC 1.1 JWT encoding and of OB 3.0 VC-JWT
 *   (`JWT`, or none at all), whose payload shape decides what it carries;
 * - `vc` / `vp`: VC-JOSE-COSE §3.1.1 / §3.1.2 (`vc+jwt`, `vp+jwt`, and the
 *   `…+ld+json+jwt` names of its drafts): the payload is the credential or
 *   presentation itself;
 * - `sd-jwt`: the issuer-signed JWT of an SD-JWT (RFC 9901 leaves `typ` to
 *   the application: `dc+sd-jwt` for SD-JWT VC, `vc+sd-jwt` for its older
 *   drafts and for VC-JOSE-COSE §3.2);
 * - `kb`: a key binding JWT (RFC 9901 §4.3); `status-list`: a Token Status
 *   List (draft-ietf-oauth-status-list §5.1).
 */
export type TokenKind = 'jwt' | 'vc' | 'vp' | 'sd-jwt' | 'kb' | 'status-list';

const TOKEN_TYPES: Readonly<Record<string, TokenKind>> = {
  jwt: 'jwt',
  jose: 'jwt',
  'vc+jwt': 'vc',
  'vc+ld+jwt': 'vc',
  'vc+ld+json+jwt': 'vc',
  'vp+jwt': 'vp',
  'vp+ld+jwt': 'vp',
  'vp+ld+json+jwt': 'vp',
  'kb+jwt': 'kb',
  'statuslist+jwt': 'status-list',
};

/**
 * The kind a `typ` names: 'jwt' when absent, undefined for a type Credlens
 * does not know. RFC 7515 §4.1.9: media type names are case-insensitive and
 * the `application/` prefix may be left out.
 * @example tokenKind('application/vc+jwt') // 'vc'
 */
export function tokenKind(typ: unknown): TokenKind | undefined {
  if (typ === undefined) return 'jwt';
  if (typeof typ !== 'string') return undefined;
  const name = typ.toLowerCase().replace(/^application\//, '');
  if (Object.hasOwn(TOKEN_TYPES, name)) return TOKEN_TYPES[name];
  // RFC 9901 §9.11 leaves the type of an SD-JWT to its application; they all end in "+sd-jwt"
  if (name === 'sd-jwt' || name.endsWith('+sd-jwt')) return 'sd-jwt';
  return undefined;
}

/** `cty` values VC-JOSE-COSE allows for a secured credential or presentation (§3.1.1, §3.1.2, §3.2). */
const CONTENT_TYPES: Readonly<Record<'vc' | 'vp', ReadonlySet<string>>> = {
  vc: new Set(['vc', 'vc+ld+json']),
  vp: new Set(['vp', 'vp+ld+json']),
};

/** Whether a `cty` header (absent is fine) may carry a credential or presentation of `kind`. */
export function contentTypeFits(cty: unknown, kind: 'vc' | 'vp'): boolean {
  if (cty === undefined) return true;
  return typeof cty === 'string' && CONTENT_TYPES[kind].has(cty.toLowerCase().replace(/^application\//, ''));
}

/** A `typ` cut for messages (header values are attacker text). */
export const shownType = (typ: unknown): string => (typeof typ === 'string' ? typ.slice(0, 40) : typeof typ);
