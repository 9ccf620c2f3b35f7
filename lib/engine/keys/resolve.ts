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
import { resolveDidWeb, resolveDidWebDocument } from './did-web';
import { assertionKeys } from './document';
import { resolveHttpsKey } from './https';
import type { KeyResolver, ResolvedKey } from './types';

/** The DID method of a DID URL (`did:web:x#k` → 'web'), or undefined when it is not a DID. */
export function didMethod(url: string): string | undefined {
  return /^did:([a-z0-9]+):/.exec(url)?.[1];
}

/** What Credlens can do with one DID method: resolve a verification method, and list a DID's assertion keys. */
interface DidMethod {
  /** the key a DID URL names (`did:…#fragment`) */
  resolve(verificationMethod: string, ctx: VerifyContext): Promise<ResolvedKey>;
  /** every key the DID lists for making assertions (a token that names no key is tried against them) */
  assertionKeys(did: string, ctx: VerifyContext): Promise<ResolvedKey[]>;
}

/**
 * The DID methods Credlens resolves, in one table. did:key and did:jwk carry
 * their key in the identifier (nothing fetched); did:web reads its document
 * over https (cached). Any other method is KEY_DID_METHOD_UNSUPPORTED.
 */
export const DID_METHODS: Readonly<Record<string, DidMethod>> = {
  key: { resolve: async (vm) => resolveDidKey(vm), assertionKeys: async (did) => [resolveDidKey(did)] },
  jwk: { resolve: async (vm) => resolveDidJwk(vm), assertionKeys: async (did) => [resolveDidJwk(did)] },
  web: {
    resolve: (vm, ctx) => cachedKey(vm, ctx, () => resolveDidWeb(vm, ctx)),
    assertionKeys: async (did, ctx) => assertionKeys(await resolveDidWebDocument(did, ctx), 'did:web'),
  },
};

/** The table row for a DID's method; KEY_DID_METHOD_UNSUPPORTED when there is none. */
export function didMethodFor(did: string): DidMethod {
  const method = didMethod(did) ?? '';
  if (!Object.hasOwn(DID_METHODS, method)) throw new VerifierError('KEY_DID_METHOD_UNSUPPORTED', { method: `did:${method}`.slice(0, 40) });
  return DID_METHODS[method]!;
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
  if (didMethod(verificationMethod) !== undefined) return didMethodFor(verificationMethod).resolve(verificationMethod, ctx);
  if (/^https?:\/\//i.test(verificationMethod)) return cachedKey(verificationMethod, ctx, () => resolveHttpsKey(verificationMethod, ctx));
  throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'verification method is neither a DID URL nor an https URL' });
};

function cachedKey(vm: string, ctx: VerifyContext, load: () => Promise<ResolvedKey>): Promise<ResolvedKey> {
  return cached(ctx.cache, ctx.inflight as Map<string, Promise<ResolvedKey>>, `key:${vm}`, LIMITS.keyCacheMs, load);
}
