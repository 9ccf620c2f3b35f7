/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0) of a JSON-LD document, bounded
 * and offline. Used by eddsa-rdfc-2022 (vc-di-eddsa §3.3.3) and
 * Ed25519Signature2020.
 */
// The engine's own copy of jsonld.js, patched at install to share term definitions (lib/engine/jsonld/patch-jsonld.mjs).
import jsonld from '@credlens/jsonld';
import { VerifierError, isVerifierError } from '../errors';
import { LIMITS } from '../limits';
import { countJsonNodes } from '../util/json';
import { createWorkBudget, type WorkBudget } from '../util/work-budget';
import { staticDocumentLoader } from './static-loader';

/** Work caps for one canonicalisation (SECURITY.md attack 17; w3c/rdf-canon issue #120 poison graphs). */
export interface CanonizeLimits {
  /** abort after this many milliseconds */
  timeoutMs: number;
  /** rdf-canonize maxWorkFactor: deep iterations allowed = (non-unique blank nodes) ^ factor */
  workFactor: number;
}

// Defence in depth: jsonld.js installs a network loader as its default (node: http client,
// pages: XMLHttpRequest). Every call here passes the static loader, and any call that forgets
// to falls back to it too, so JSON-LD processing can never fetch (SECURITY.md attack 14).
(jsonld as unknown as { documentLoader: typeof staticDocumentLoader }).documentLoader = staticDocumentLoader;

const DEFAULT_LIMITS: CanonizeLimits = { timeoutMs: LIMITS.canonicalizeMs, workFactor: LIMITS.canonicalizeWorkFactor };

/**
 * Canonical N-Quads of `document`, using only bundled contexts. Throws
 * VerifierError: DI_CONTEXT_NOT_ALLOWED (context not bundled, or an embedded
 * context redefines a protected term), DI_DATA_LOSS (a term or value the
 * contexts do not define, which would silently drop out of the signed
 * data), DI_CANONICALIZATION_LIMIT (poison graph or time budget),
 * DI_CANONICALIZATION_FAILED (anything else the processor rejects).
 *
 * @example
 * const nquads = await canonizeRdfc(credentialWithoutProof);
 */
/**
 * Canonical forms already computed, keyed by the exact JSON of the input. RDFC-1.0 over bundled,
 * immutable contexts is a pure function of that JSON, so a credential seen again (a recruiter
 * reopening a profile) skips the JSON-LD work; the signature itself is still verified every time.
 * Bounded, and only successes are kept.
 */
const CANONICAL_CACHE_ENTRIES = 256;
const canonicalCache = new Map<string, string>();

/** Forgets cached canonical forms (benchmarks measure first-sight cost with it). */
export function clearCanonicalCache(): void {
  canonicalCache.clear();
}

export async function canonizeRdfc(document: object, limits: CanonizeLimits = DEFAULT_LIMITS, budget?: WorkBudget): Promise<string> {
  const key = JSON.stringify(document);
  const hit = canonicalCache.get(key);
  if (hit !== undefined) return hit;
  // Without the verification's budget (a direct call), this canonicalisation gets one of its own.
  const work = budget ?? createWorkBudget(limits.timeoutMs);
  const canonical = await work.track(() => canonizeUncached(document, limits, work));
  if (canonicalCache.size >= CANONICAL_CACHE_ENTRIES) canonicalCache.delete(canonicalCache.keys().next().value!);
  canonicalCache.set(key, canonical);
  return canonical;
}

/**
 * Expansion, then conversion to RDF and canonicalisation. jsonld.js takes no
 * abort signal for expansion, so its input is bounded first (LIMITS.jsonNodes:
 * expansion and the conversion to RDF cost up to the square of the values of
 * one property) and the budget is checked between the steps; rdf-canonize
 * gets what is left as its abort signal (SECURITY.md row 49).
 */
async function canonizeUncached(document: object, limits: CanonizeLimits, work: WorkBudget): Promise<string> {
  const nodes = countJsonNodes(document, LIMITS.jsonNodes);
  if (nodes > LIMITS.jsonNodes) throw new VerifierError('DI_CANONICALIZATION_LIMIT', { reason: `more than ${LIMITS.jsonNodes} JSON values` });
  checkBudget(work);
  const signal = AbortSignal.timeout(Math.max(1, Math.ceil(work.remainingMs())));
  const options = {
    documentLoader: staticDocumentLoader,
    // Safe mode turns dropped terms into errors: W3C vc-data-integrity §4.4 DATA_LOSS_DETECTION_ERROR.
    safe: true,
    base: null,
  };
  try {
    const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, options as unknown as jsonld.Options.Expand);
    checkBudget(work);
    const canonizeOptions = {
      ...options,
      // The expansion above is the one jsonld.canonize would run itself with these options.
      skipExpansion: true,
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      // jsonld 9 hands canonizeOptions to rdf-canonize 5 unchanged (jsonld/lib/jsonld.js canonize()).
      canonizeOptions: { algorithm: 'RDFC-1.0', maxWorkFactor: limits.workFactor, signal },
    };
    return (await jsonld.canonize(expanded as jsonld.JsonLdDocument, canonizeOptions as unknown as jsonld.Options.Normalize)) as string;
  } catch (e) {
    throw classifyCanonizeError(e, signal.aborted);
  }
}

function checkBudget(work: WorkBudget): void {
  if (work.remainingMs() <= 0) throw new VerifierError('DI_CANONICALIZATION_LIMIT', { reason: 'time budget exceeded' });
}

interface JsonLdErrorLike {
  name?: unknown;
  message?: unknown;
  details?: { code?: unknown; cause?: unknown; term?: unknown; event?: { code?: unknown; details?: Record<string, unknown> } };
  cause?: unknown;
}

/** Maps what jsonld.js / rdf-canonize throw onto our codes, by their structured fields where they have them. */
export function classifyCanonizeError(e: unknown, aborted: boolean): VerifierError {
  const ours = findVerifierError(e);
  if (ours) return ours;
  if (aborted) return new VerifierError('DI_CANONICALIZATION_LIMIT', { reason: 'time budget exceeded' });
  const err = (e ?? {}) as JsonLdErrorLike;
  const name = typeof err.name === 'string' ? err.name : '';
  if (name === 'jsonld.ValidationError' && err.details?.event) {
    const event = err.details.event;
    const term = event.details?.property ?? event.details?.term ?? event.details?.value ?? event.details?.type;
    return new VerifierError('DI_DATA_LOSS', { reason: `${String(event.code)}${term !== undefined ? `: ${String(term).slice(0, 100)}` : ''}` });
  }
  if (err.details?.code === 'protected term redefinition') {
    return new VerifierError('DI_CONTEXT_NOT_ALLOWED', { url: `an embedded context that redefines "${String(err.details.term)}"` });
  }
  if (!name.startsWith('jsonld.')) {
    // rdf-canonize 5 throws plain Errors only for its work and abort limits (lib/RDFC10.js).
    const message = typeof err.message === 'string' ? err.message : '';
    if (/deep iterations|abort/i.test(message)) return new VerifierError('DI_CANONICALIZATION_LIMIT', { reason: 'work limit exceeded' });
  }
  const code = typeof err.details?.code === 'string' ? err.details.code : name || 'unknown error';
  return new VerifierError('DI_CANONICALIZATION_FAILED', { reason: code.slice(0, 120) }, { cause: e });
}

function findVerifierError(e: unknown, depth = 0): VerifierError | undefined {
  if (depth > 5 || e === null || typeof e !== 'object') return undefined;
  if (isVerifierError(e)) return e;
  const err = e as JsonLdErrorLike;
  return findVerifierError(err.details?.cause, depth + 1) ?? findVerifierError(err.cause, depth + 1);
}
