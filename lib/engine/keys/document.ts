/**
 * Controller documents (W3C Controlled Identifiers 1.0 §2) and DID documents
 * (DID Core §5) share one shape: an `id`, `verificationMethod` entries, and
 * verification relationships that reference a method by id (absolute or a
 * relative `#fragment`) or embed it.
 */
import { z } from 'zod';
import { VerifierError } from '../errors';
import { decodeEd25519Base58, decodeMultikey } from './multikey';
import { toPublicJwk } from './jwk';
import type { ResolvedKey } from './types';

const MethodSchema = z.looseObject({
  id: z.string().min(1).max(2048),
  type: z.string().max(200).optional(),
  controller: z.string().max(2048).optional(),
  publicKeyMultibase: z.string().max(200).optional(),
  publicKeyJwk: z.unknown().optional(),
  publicKeyBase58: z.string().max(100).optional(),
});
type VerificationMethod = z.infer<typeof MethodSchema>;

const Reference = z.union([z.string().max(2048), MethodSchema]);
const References = z.union([Reference, z.array(Reference).max(100)]).optional();

/** The parts of a controller/DID document the verifier reads; other members are kept for display. */
export const ControllerDocumentSchema = z.looseObject({
  id: z.string().min(1).max(2048),
  controller: z.union([z.string(), z.array(z.string()).max(20)]).optional(),
  verificationMethod: z.array(MethodSchema).max(100).optional(),
  assertionMethod: References,
  authentication: References,
  // OB 2.0 / pre-CID issuer profiles list keys under `publicKey`
  publicKey: References,
});
export type ControllerDocument = z.infer<typeof ControllerDocumentSchema>;

/** Validates an untrusted parsed document; a bad shape means the key cannot be found there. */
export function parseControllerDocument(value: unknown): ControllerDocument {
  const parsed = ControllerDocumentSchema.safeParse(value);
  if (!parsed.success) throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'not a controller document' });
  return parsed.data;
}

const refs = (v: ControllerDocument['assertionMethod']) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Resolves a relative reference (`#key-1`) against the document id (DID Core §3.2.2 relative DID URLs). */
export function absoluteId(ref: string, documentId: string): string {
  return ref.startsWith('#') ? documentId + ref : ref;
}

function listedIn(rel: ControllerDocument['assertionMethod'], vmId: string, docId: string): boolean {
  return refs(rel).some((r) => absoluteId(typeof r === 'string' ? r : r.id, docId) === vmId);
}

/** Every verification method a document defines or embeds, with absolute ids. */
export function allMethods(doc: ControllerDocument): VerificationMethod[] {
  const embedded = [doc.assertionMethod, doc.authentication, doc.publicKey]
    .flatMap(refs)
    .filter((r): r is VerificationMethod => typeof r !== 'string');
  return [...(doc.verificationMethod ?? []), ...embedded].map((m) => ({ ...m, id: absoluteId(m.id, doc.id) }));
}

/** The public JWK a verification method carries, whatever its type. */
export function methodJwk(method: VerificationMethod): JsonWebKey {
  if (method.publicKeyJwk !== undefined) return toPublicJwk(method.publicKeyJwk);
  if (method.publicKeyMultibase !== undefined) return decodeMultikey(method.publicKeyMultibase);
  if (method.publicKeyBase58 !== undefined && method.type === 'Ed25519VerificationKey2018')
    return decodeEd25519Base58(method.publicKeyBase58);
  throw new VerifierError('KEY_UNSUPPORTED', { reason: 'no supported public key member', type: method.type ?? '' });
}

/** http and https ids name the same resource here: safe-fetch only ever fetches https. */
export const sameUrl = (a: string, b: string): boolean => a.replace(/^http:/, 'https:') === b.replace(/^http:/, 'https:');

/**
 * Finds `vmId` in the document and returns it as a ResolvedKey controlled by
 * the document. A method naming another controller gets no relationships:
 * only its controller's own document could grant them (CID 1.0 §3.3
 * "Retrieve Verification Method": the method's controller must be the
 * document it was retrieved through).
 */
export function keyFromDocument(doc: ControllerDocument, vmId: string, source: ResolvedKey['source']): ResolvedKey {
  const method = allMethods(doc).find((m) => m.id === vmId);
  if (!method) throw new VerifierError('KEY_NOT_FOUND', { keyId: vmId.slice(0, 200) });
  const ownController = method.controller === undefined || sameUrl(method.controller, doc.id);
  return {
    id: vmId,
    controller: ownController ? doc.id : method.controller!,
    publicKeyJwk: methodJwk(method),
    relationships: {
      // `publicKey` only counts in https issuer profiles (OB 2.0 §Profile); DID Core dropped it.
      assertionMethod: ownController && (listedIn(doc.assertionMethod, vmId, doc.id) || (source === 'https' && listedIn(doc.publicKey, vmId, doc.id))),
      authentication: ownController && listedIn(doc.authentication, vmId, doc.id),
    },
    source,
    document: doc,
  };
}

/** Keys a document lists for assertions (used when a JWT names no `kid`). */
export function assertionKeys(doc: ControllerDocument, source: ResolvedKey['source']): ResolvedKey[] {
  const ids = [...refs(doc.assertionMethod), ...(source === 'https' ? refs(doc.publicKey) : [])].map((r) => absoluteId(typeof r === 'string' ? r : r.id, doc.id));
  const keys: ResolvedKey[] = [];
  for (const id of new Set(ids).values()) {
    try {
      keys.push(keyFromDocument(doc, id, source));
    } catch {
      // a method we cannot read is simply not a candidate
    }
  }
  return keys;
}
