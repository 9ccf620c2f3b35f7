/**
 * Keys published over HTTPS. Two shapes are read:
 * - a controller document (W3C Controlled Identifiers 1.0 §2; the OB 3.0
 *   practice of `https://issuer.example/issuers/1#key-1`, where the issuer
 *   profile at the URL lists the key): the document must describe itself,
 *   i.e. its `id` is the URL it was fetched from;
 * - a standalone key document whose `id` is the URL and whose `controller`
 *   names the controller document, which must list the key back (CID §2.2.1
 *   "the controller document MUST reference the verification method").
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { keyFromDocument, parseControllerDocument, sameUrl, type ControllerDocument } from './document';
import { loadJsonDocument, withoutFragment } from './load';
import type { ResolvedKey } from './types';

export { sameUrl };

/** The origin of an http(s) URL with http treated as https, or undefined when it is not one. */
export function httpsOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `https://${u.host}`.replace(/:443$/, '');
  } catch {
    return undefined;
  }
}

async function loadController(url: string, ctx: VerifyContext): Promise<ControllerDocument> {
  const doc = parseControllerDocument(await loadJsonDocument(url, 'key-document', ctx));
  if (!sameUrl(doc.id, url)) throw new VerifierError('KEY_DID_DOCUMENT_MISMATCH', { expected: url.slice(0, 200), found: doc.id.slice(0, 200) });
  return doc;
}

/**
 * Resolves an https verification method URL to its key.
 * @example await resolveHttpsKey('https://issuer.example/issuers/1#key-1', ctx)
 */
export async function resolveHttpsKey(verificationMethod: string, ctx: VerifyContext): Promise<ResolvedKey> {
  const documentUrl = withoutFragment(verificationMethod);
  if (documentUrl !== verificationMethod) {
    return keyFromDocument(await loadController(documentUrl, ctx), verificationMethod, 'https');
  }
  const keyDoc = parseControllerDocument(await loadJsonDocument(documentUrl, 'key-document', ctx));
  if (!sameUrl(keyDoc.id, documentUrl)) throw new VerifierError('KEY_DID_DOCUMENT_MISMATCH', { expected: documentUrl.slice(0, 200), found: keyDoc.id.slice(0, 200) });
  const controllerId = typeof keyDoc.controller === 'string' ? keyDoc.controller : undefined;
  if (!controllerId) throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'key document names no controller' });
  // The controller document is only fetched on the key's own origin: a key cannot enrol itself elsewhere.
  if (httpsOrigin(controllerId) !== httpsOrigin(documentUrl)) throw new VerifierError('KEY_NOT_BOUND_TO_ISSUER', { keyId: documentUrl.slice(0, 200) });
  const controllerDoc = await loadController(withoutFragment(controllerId), ctx);
  const keyMethod = { ...(keyDoc as Record<string, unknown>), id: keyDoc.id, controller: controllerDoc.id };
  const merged: ControllerDocument = { ...controllerDoc, verificationMethod: [...(controllerDoc.verificationMethod ?? []), keyMethod] };
  const listed = keyFromDocument(merged, keyDoc.id, 'https');
  return { ...listed, document: { key: keyDoc, controller: controllerDoc } };
}
