/**
 * The only document loader Credlens hands to jsonld.js: it serves bundled
 * contexts and refuses everything else, so JSON-LD processing never reaches
 * the network (SECURITY.md attack 14; digitalbazaar/vc lib/documentLoader.js
 * is the model).
 */
import { VerifierError } from '../errors';
import { BUNDLED_CONTEXTS, type JsonLdDocument } from './contexts';

/** What jsonld.js expects a document loader to resolve with. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: JsonLdDocument;
  /**
   * `static`: the document never changes. jsonld.js keeps a resolved context in
   * its shared cache, across calls, only when the loader tags it so
   * (ContextResolver._cacheResolvedContext); untagged, every canonicalisation
   * resolved and processed every bundled context again.
   */
  tag: 'static';
}

// Built once, and tagged static: the bundled contexts are immutable, so jsonld.js may keep them processed.
const REMOTE_DOCUMENTS: ReadonlyMap<string, RemoteDocument> = new Map(
  [...BUNDLED_CONTEXTS.values()].map((c) => [c.url, { contextUrl: null, documentUrl: c.url, document: c.document, tag: 'static' as const }]),
);

/**
 * Resolves a context URL from the bundle; any other URL throws
 * `DI_CONTEXT_NOT_ALLOWED` naming it (the credential becomes unverifiable).
 *
 * @example
 * await staticDocumentLoader('https://www.w3.org/ns/credentials/v2') // { documentUrl, document, contextUrl: null }
 */
export async function staticDocumentLoader(url: string): Promise<RemoteDocument> {
  const found = REMOTE_DOCUMENTS.get(url);
  if (!found) throw new VerifierError('DI_CONTEXT_NOT_ALLOWED', { url: String(url).slice(0, 200) });
  return found;
}

/** True when `url` is a bundled context. */
export const isBundledContext = (url: string): boolean => REMOTE_DOCUMENTS.has(url);
