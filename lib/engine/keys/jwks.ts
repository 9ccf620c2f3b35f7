/**
 * The key set an HTTPS issuer publishes at
 * `https://{authority of issuer.id}/.well-known/jwks.json` (OB 3.0
 * Implementation Guide, key provenance for VC-JWT). Only public asymmetric
 * keys are kept; private or symmetric entries are dropped, never used.
 */
import { calculateJwkThumbprint } from 'jose';
import { z } from 'zod';
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { httpsOrigin } from './https';
import { toPublicJwk } from './jwk';
import { loadJsonDocument } from './load';
import type { ResolvedKey } from './types';

const JwksSchema = z.object({
  keys: z.array(z.looseObject({ kid: z.string().max(512).optional(), use: z.string().max(20).optional(), iss: z.string().max(2048).optional() })).max(50),
});

/** A usable key from a JWKS with its `kid` (when given) and RFC 7638 thumbprint. */
export interface JwksEntry {
  kid?: string;
  thumbprint: string;
  jwk: JsonWebKey;
}

/** The JWKS URL for an http(s) issuer id. Throws KEY_UNRESOLVABLE for non-URL issuers. */
export function jwksUrl(issuerId: string): string {
  const origin = httpsOrigin(issuerId);
  if (!origin) throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'issuer is not an https URL' });
  return `${origin}/.well-known/jwks.json`;
}

/**
 * Fetches the issuer's JWKS (cached) and returns its public keys.
 * @example const keys = await loadIssuerJwks('https://issuer.example/issuers/1', ctx)
 */
export async function loadIssuerJwks(issuerId: string, ctx: VerifyContext): Promise<JwksEntry[]> {
  return jwksEntries(await loadJsonDocument(jwksUrl(issuerId), 'jwks', ctx), issuerId);
}

/**
 * The usable signing keys of a JWK set published for `issuerId` (fetched, or
 * inline in JWT VC Issuer Metadata). Throws FETCH_BAD_CONTENT when it is not a JWK set.
 */
export async function jwksEntries(json: unknown, issuerId: string): Promise<JwksEntry[]> {
  const parsed = JwksSchema.safeParse(json);
  if (!parsed.success) throw new VerifierError('FETCH_BAD_CONTENT', { reason: 'not a JWK set' });
  const entries: JwksEntry[] = [];
  for (const raw of parsed.data.keys) {
    // RFC 7517 §4.2: a key marked for encryption is not a signing key; OB 3.0: a key naming another `iss` is not the issuer's.
    if ((raw.use !== undefined && raw.use !== 'sig') || (raw.iss !== undefined && raw.iss !== issuerId)) continue;
    let jwk: JsonWebKey;
    try {
      jwk = toPublicJwk(raw);
    } catch {
      continue;
    }
    entries.push({ kid: raw.kid, thumbprint: await calculateJwkThumbprint(jwk as Parameters<typeof calculateJwkThumbprint>[0]), jwk });
  }
  return entries;
}

/** Wraps a JWKS entry as a key controlled by the issuer whose origin published it. */
export function jwksKey(entry: JwksEntry, issuerId: string): ResolvedKey {
  return {
    id: `${jwksUrl(issuerId)}#${entry.kid ?? entry.thumbprint}`,
    controller: issuerId,
    publicKeyJwk: entry.jwk,
    relationships: { assertionMethod: true, authentication: false },
    source: 'jwks',
  };
}
