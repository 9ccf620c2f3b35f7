/**
 * "Plain JSON-LD": the subset of JSON-LD in which a credential's JSON members
 * mean what their names say, so the engine may read the JSON (SECURITY.md
 * row 43). A Data Integrity proof over RDFC signs the RDF dataset, not the
 * JSON, and JSON-LD allows many JSON spellings of one dataset: a property
 * moved under `@nest`, a value wrapped in `@value`/`@set`/`@list`, a key
 * written as an absolute IRI, a keyword aliased by an inline context, an
 * unsigned `@context` in the proof. Each keeps the signature valid while the
 * member the engine reads (validUntil, credentialStatus, proof `expires`,
 * names) is absent or different. The VC and Open Badges data models use none
 * of these, so a document that does is refused, whatever its cryptosuite.
 *
 * Allowed: `@context` as bundled context URLs at the top, on an embedded
 * credential (OB 3.0 endorsements, CLR 2.0 nested credentials), and in a proof
 * equal to the document's; value objects `{"@value", "@language", "@direction"}`
 * for language-tagged text (VC 2.0 §11.1). Everything else that JSON-LD
 * treats as syntax is refused. lib/engine/jsonld/signed-reading.ts then compares
 * what the engine read with the signed dataset itself.
 */
import { VerifierError } from '../errors';
import { isObject } from '../util/json';
import { isBundledContext } from './static-loader';

const VALUE_OBJECT_KEYS = new Set(['@value', '@language', '@direction']);

const notPlain = (reason: string, at: string) => new VerifierError('DI_NOT_PLAIN_JSON_LD', { reason, at: at.slice(0, 120) });

/**
 * Throws DI_CONTEXT_NOT_ALLOWED (a context that is not bundled, or written
 * inline) or DI_NOT_PLAIN_JSON_LD (any other JSON-LD syntax the data models
 * do not use) for `credential`, proofs included.
 */
export function assertPlainJsonLd(credential: Record<string, unknown>): void {
  checkContext(credential['@context'], '@context');
  walkNode(credential, '', 'credential', credential['@context']);
}

function checkContext(value: unknown, at: string): void {
  const entries = Array.isArray(value) ? value : [value];
  for (const entry of entries) {
    if (typeof entry !== 'string')
      throw new VerifierError('DI_CONTEXT_NOT_ALLOWED', { url: `an inline context at ${at.slice(0, 100)}` });
    if (!isBundledContext(entry)) throw new VerifierError('DI_CONTEXT_NOT_ALLOWED', { url: entry.slice(0, 200) });
  }
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const isPrefix = (prefix: unknown, of: unknown) => listOf(prefix).every((c, i) => JSON.stringify(c) === JSON.stringify(listOf(of)[i]));

const typesOf = (node: Record<string, unknown>): unknown[] => (Array.isArray(node.type) ? node.type : [node.type]);

/** What a node object is: a credential (top or embedded), one of its proofs, or data inside it. */
type Role = 'credential' | 'proof' | 'data';

/** `credentialContext` is the @context of the credential the node belongs to. */
function walkNode(node: Record<string, unknown>, at: string, role: Role, credentialContext: unknown): void {
  for (const [key, value] of Object.entries(node)) {
    const here = at ? `${at}.${key}` : key;
    if (key === '@context') {
      if (role === 'proof') {
        // vc-di-eddsa §3.3.2 lets a proof carry a prefix of the document's contexts and then processes
        // the document under that prefix alone: the contexts left out would not be part of the signed reading.
        if (!isPrefix(value, credentialContext))
          throw new VerifierError('DI_MALFORMED_PROOF', { reason: 'the proof @context is not the start of the credential @context' });
        if (JSON.stringify(value) !== JSON.stringify(credentialContext)) throw notPlain("a proof @context shorter than the credential's", here);
      } else if (role === 'data') {
        throw notPlain('an @context inside the data', here);
      }
      continue;
    }
    if (key.startsWith('@')) throw notPlain(`the keyword ${key.slice(0, 40)}`, here);
    if (key.includes(':')) throw notPlain('a member named by an IRI', here);
    if (key === 'type' && typesOf(node).some((t) => typeof t === 'string' && t.startsWith('@'))) throw notPlain('a keyword as a type', here);
    walkValue(value, here, key === 'proof' && role === 'credential' ? 'proof' : 'data', credentialContext);
  }
}

function walkValue(value: unknown, at: string, role: Role, credentialContext: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkValue(v, `${at}[${i}]`, role, credentialContext));
    return;
  }
  if (!isObject(value)) return;
  if ('@value' in value) {
    // VC 2.0 §11.1 language and base direction: the only value object the data models use.
    for (const key of Object.keys(value)) if (!VALUE_OBJECT_KEYS.has(key)) throw notPlain(`a value object with ${key.slice(0, 40)}`, at);
    if (typeof value['@value'] !== 'string') throw notPlain('a value object that is not text', at);
    if (value['@language'] !== undefined && typeof value['@language'] !== 'string') throw notPlain('a malformed @language', at);
    if (value['@direction'] !== undefined && value['@direction'] !== 'ltr' && value['@direction'] !== 'rtl')
      throw notPlain('a malformed @direction', at);
    return;
  }
  // An embedded credential (an OB 3.0 endorsement, a CLR 2.0 achievement credential) brings its own contexts.
  if (role === 'data' && value['@context'] !== undefined && typesOf(value).includes('VerifiableCredential')) {
    checkContext(value['@context'], `${at}.@context`);
    walkNode(value, at, 'credential', value['@context']);
    return;
  }
  walkNode(value, at, role, credentialContext);
}
