/**
 * Public JWK validation: only asymmetric public keys of the curves and types
 * our algorithms use are accepted. A `d` (private) member or `kty: "oct"`
 * (a shared secret) is refused outright (SECURITY.md attack 24), and the
 * returned JWK keeps only the public members, so nothing private is carried on.
 */
import { z } from 'zod';
import { VerifierError } from '../errors';
import { fromBase64 } from '../util/bytes';

const b64u = z.string().min(1).max(2048).regex(/^[A-Za-z0-9_-]+$/);

const OkpJwk = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: b64u });
const EcJwk = z.object({ kty: z.literal('EC'), crv: z.enum(['P-256', 'P-384', 'secp256k1']), x: b64u, y: b64u });
const RsaJwk = z.object({ kty: z.literal('RSA'), n: b64u, e: b64u });
const PublicJwk = z.discriminatedUnion('kty', [OkpJwk, EcJwk, RsaJwk]);

const COORDINATE_BYTES: Record<string, number> = { Ed25519: 32, 'P-256': 32, 'P-384': 48, secp256k1: 32 };
const EC_CURVES: ReadonlySet<unknown> = new Set(['P-256', 'P-384', 'secp256k1']);

/**
 * Validates an untrusted JWK and returns its public members only.
 * Throws KEY_MALFORMED for private or symmetric keys and for bad shapes.
 * @example toPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
 */
export function toPublicJwk(value: unknown): JsonWebKey {
  if (typeof value !== 'object' || value === null) throw new VerifierError('KEY_MALFORMED', { reason: 'JWK is not an object' });
  const raw = value as Record<string, unknown>;
  if ('d' in raw || 'p' in raw || 'q' in raw) throw new VerifierError('KEY_MALFORMED', { reason: 'private key material' });
  if (raw.kty === 'oct' || 'k' in raw) throw new VerifierError('KEY_MALFORMED', { reason: 'symmetric key' });
  // Real but unsupported key types are "could not check", not "malformed".
  if ((raw.kty === 'OKP' && raw.crv !== 'Ed25519') || (raw.kty === 'EC' && !EC_CURVES.has(raw.crv)))
    throw new VerifierError('KEY_UNSUPPORTED', { reason: `${String(raw.kty)} ${String(raw.crv)}`.slice(0, 60) });
  const parsed = PublicJwk.safeParse(raw);
  if (!parsed.success) throw new VerifierError('KEY_MALFORMED', { reason: 'unsupported or invalid JWK' });
  const jwk = parsed.data;
  if (jwk.kty !== 'RSA') {
    const size = COORDINATE_BYTES[jwk.crv]!;
    const coords = jwk.kty === 'EC' ? [jwk.x, jwk.y] : [jwk.x];
    if (coords.some((c) => fromBase64(c)?.length !== size)) throw new VerifierError('KEY_MALFORMED', { reason: 'wrong coordinate length' });
  } else if ((fromBase64(jwk.n)?.length ?? 0) < 256) {
    // RFC 7518 §3.3: RSA keys of 2048 bits or larger MUST be used.
    throw new VerifierError('KEY_MALFORMED', { reason: 'RSA key shorter than 2048 bits' });
  }
  return { ...jwk };
}
