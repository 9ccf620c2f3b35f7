/**
 * One entry point for turning a verification method URL into a public key,
 * dispatching on the URL scheme / DID method. Network-backed results are
 * cached per URL (LIMITS.keyCacheMs) and concurrent loads are shared.
 */
import { cached } from '../cache';
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { LIMITS } from '../limits';
import { resolveDidJwk } from './did-jwk';
import { resolveDidKey } from './did-key';
import { assertDidUrl, isDidLike } from './did-syntax';
import { resolveDidWeb } from './did-web';
import { resolveHttpsKey } from './https';
import type { KeyResolver, ResolvedKey } from './types';

/** The DID method of a DID URL (`did:web:x#k` → 'web'), or undefined when it is not a DID. */
export function didMethod(url: string): string | undefined {
  return /^did:([a-z0-9]+):/.exec(url)?.[1];
}

const MAX_VM_LENGTH = 8192;

/**
 * Resolves a verification method URL to its key. Supports did:key, did:jwk,
 * did:web and http(s) controller/key documents; other DID methods are
 * KEY_DID_METHOD_UNSUPPORTED (could not check), and what is written as a DID
 * but is not one is DID_INVALID. Throws VerifierError.
 * @example const key = await resolveVerificationMethod('did:key:z6Mk…#z6Mk…', ctx)
 */
export const resolveVerificationMethod: KeyResolver = async (verificationMethod, ctx) => {
  if (typeof verificationMethod !== 'string' || verificationMethod.length === 0 || verificationMethod.length > MAX_VM_LENGTH)
    throw new VerifierError('KEY_MALFORMED', { reason: 'verification method is not a URL' });
  // SECURITY.md row 47: a DID is checked for syntax before any resolver reads it.
  if (isDidLike(verificationMethod)) assertDidUrl(verificationMethod);
  const method = didMethod(verificationMethod);
  if (method === 'key') return resolveDidKey(verificationMethod);
  if (method === 'jwk') return resolveDidJwk(verificationMethod);
  if (method === 'web') return cachedKey(verificationMethod, ctx, () => resolveDidWeb(verificationMethod, ctx));
  if (method !== undefined) throw new VerifierError('KEY_DID_METHOD_UNSUPPORTED', { method: `did:${method}` });
  if (/^https?:\/\//i.test(verificationMethod)) return cachedKey(verificationMethod, ctx, () => resolveHttpsKey(verificationMethod, ctx));
  throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'verification method is neither a DID URL nor an https URL' });
};

function cachedKey(vm: string, ctx: VerifyContext, load: () => Promise<ResolvedKey>): Promise<ResolvedKey> {
  return cached(ctx.cache, ctx.inflight as Map<string, Promise<ResolvedKey>>, `key:${vm}`, LIMITS.keyCacheMs, load);
}
