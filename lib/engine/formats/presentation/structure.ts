/**
 * Data-model checks for a Verifiable Presentation (VC Data Model 2.0 §4.13,
 * 1.1 §4.10), before any cryptography: the W3C VCDM 2.0 test suite's
 * presentation `*-fail` cases (context order, type, holder as a URL or an
 * object with one, credentials as objects of a credential or envelope type).
 */
import { fail, pass } from '../../checks/result';
import type { Check } from '../../report';
import { asArray, idOf, isObject } from '../../util/json';
import { VC_V1, VC_V2 } from '../vc/structure';
import { isEnvelope } from './enveloped';

const isUrl = (s: unknown): s is string => typeof s === 'string' && /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(s);

/** Whether `value` is a presentation (for routing; the structure check says whether it is a sound one). */
export const isPresentation = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && asArray(value.type).includes('VerifiablePresentation');

/** The data model version a presentation's first context names. */
export function presentationVersion(vp: Record<string, unknown>): '1.1' | '2.0' | undefined {
  const first = asArray(vp['@context'])[0];
  return first === VC_V2 ? '2.0' : first === VC_V1 ? '1.1' : undefined;
}

/** The holder's id: a URL, or an object with a URL `id` (§4.13 "holder"). */
export const holderOf = (vp: Record<string, unknown>): string | undefined => idOf(vp.holder);

/**
 * The 'structure' check of a presentation. `tokens` is true for the VC 1.1
 * JWT encoding, whose `vp` claim lists credentials as compact JWS strings.
 */
export function checkPresentationStructure(vp: Record<string, unknown>, tokens = false): Check {
  const version = presentationVersion(vp);
  if (!version) return fail('structure', 'STRUCTURE_CONTEXT', { reason: 'the first @context must be the W3C credentials context' });
  if (asArray(vp['@context']).some((c) => !(typeof c === 'string' || isObject(c))))
    return fail('structure', 'STRUCTURE_CONTEXT', { reason: '@context entries must be URLs or objects' });
  if (!asArray(vp.type).includes('VerifiablePresentation')) return fail('structure', 'STRUCTURE_TYPE', { reason: 'type must include VerifiablePresentation' });
  if (vp.id !== undefined && !isUrl(vp.id)) return fail('structure', 'STRUCTURE_ID', { reason: 'id must be a URL' });
  if (vp.holder !== undefined && (Array.isArray(vp.holder) || !isUrl(holderOf(vp))))
    return fail('structure', 'STRUCTURE_INVALID', { reason: 'holder must be a URL or an object with a URL id' });
  for (const [i, entry] of asArray(vp.verifiableCredential).entries()) {
    const problem = entryProblem(entry, version, tokens);
    if (problem) return fail('structure', 'STRUCTURE_INVALID', { reason: `verifiableCredential[${i}] ${problem}` });
  }
  return pass('structure', `Well-formed presentation (data model ${version})`, { vcVersion: version });
}

function entryProblem(entry: unknown, version: '1.1' | '2.0', tokens: boolean): string | undefined {
  // VC 1.1's JWT encoding puts compact JWS credentials in `vp.verifiableCredential` (§6.3.1);
  // VC 2.0 carries a secured token only inside an envelope (§4.13.2; the suite's vc-as-string-fail)
  if (typeof entry === 'string') return tokens || version === '1.1' ? undefined : 'is a string; VC 2.0 carries a token in an EnvelopedVerifiableCredential';
  if (!isObject(entry)) return 'is not a credential';
  const types = asArray(entry.type);
  if (!types.includes('VerifiableCredential') && !isEnvelope(entry)) return 'is neither a VerifiableCredential nor an EnvelopedVerifiableCredential';
  return undefined;
}
