/**
 * did:web (W3C CCG did:web Method Specification §3.2 Read): the DID names an
 * HTTPS location for its document. The URL is built from the DID alone and
 * fetched through ctx.fetch, which refuses private addresses, redirects,
 * oversize bodies and slow servers (SECURITY.md attacks 19, 20, 22).
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { splitDidUrl } from './did-key';
import { assertDidUrl, splitDidUrlParts } from './did-syntax';
import { keyFromDocument, parseControllerDocument, type ControllerDocument } from './document';
import { loadJsonDocument } from './load';
import type { ResolvedKey } from './types';

/**
 * Maps a did:web DID to its document URL (§3.2 steps 1–6). The DID is checked
 * for syntax first, host included (DID_INVALID, SECURITY.md row 47).
 * @example didWebToUrl('did:web:example.com') // 'https://example.com/.well-known/did.json'
 * @example didWebToUrl('did:web:example.com%3A8443:user:alice') // 'https://example.com:8443/user/alice/did.json'
 */
export function didWebToUrl(did: string): string {
  assertDidUrl(did);
  if (splitDidUrlParts(did).did !== did)
    throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'a did:web URL with a path, query or fragment names no DID document', did: did.slice(0, 200) });
  const id = did.slice('did:web:'.length);
  // An IPv6 literal keeps its colons inside brackets; it is split off first so it reaches the host policy intact.
  const bracketEnd = id.startsWith('[') ? id.indexOf(']') + 1 : 0;
  const [hostTail, ...path] = id.slice(bracketEnd).split(':');
  const host = (id.slice(0, bracketEnd) + (hostTail ?? '')).replace(/%3A/gi, ':');
  if (path.some((p) => p === '' || p === '.' || p === '..'))
    throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'malformed did:web path', did: did.slice(0, 200) });
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}

/** Fetches and validates the DID document for `did`; its `id` must be that DID (SECURITY.md attack 21). */
export async function resolveDidWebDocument(did: string, ctx: VerifyContext): Promise<ControllerDocument> {
  const doc = parseControllerDocument(await loadJsonDocument(didWebToUrl(did), 'did-document', ctx));
  if (doc.id !== did) throw new VerifierError('KEY_DID_DOCUMENT_MISMATCH', { expected: did.slice(0, 200), found: doc.id.slice(0, 200) });
  return doc;
}

/**
 * Resolves a did:web verification method (`did:web:…#key-1`) to its key.
 * @example await resolveDidWeb('did:web:example.com#key-1', ctx)
 */
export async function resolveDidWeb(verificationMethod: string, ctx: VerifyContext): Promise<ResolvedKey> {
  const { did, fragment } = splitDidUrl(verificationMethod);
  if (fragment === undefined || fragment === '') throw new VerifierError('KEY_NOT_FOUND', { keyId: verificationMethod.slice(0, 200), reason: 'no fragment' });
  const doc = await resolveDidWebDocument(did, ctx);
  return keyFromDocument(doc, verificationMethod, 'did:web');
}
