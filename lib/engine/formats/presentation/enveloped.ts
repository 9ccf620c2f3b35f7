/**
 * Enveloped credentials and presentations (VC Data Model 2.0 §4.13.2): a
 * secured credential carried as a `data:` URL in the `id` of an
 * `EnvelopedVerifiableCredential` (or `EnvelopedVerifiablePresentation`),
 * with the media type saying how it is secured (VC-JOSE-COSE §3, §4, §5).
 * Nothing in the envelope itself is signed: only what its URL holds is read,
 * and it is verified as what it is.
 */
import { VerifierError } from '../../errors';
import { fromBase64, fromUtf8 } from '../../util/bytes';
import { asArray, isObject } from '../../util/json';
import { VC_V2 } from '../vc/structure';

/** How a media type secures what a data: URL holds. */
type Securing = 'jose' | 'sd-jwt' | 'cose' | 'json';

/**
 * The media types of VC-JOSE-COSE (and the `…+ld+json+…` names of its
 * drafts), in one table. COSE (CBOR) is recognised so it can be named: it is
 * "could not be checked", never "failed" (SECURITY.md row 60).
 */
const MEDIA_TYPES: Readonly<Record<string, Securing>> = {
  'application/vc+jwt': 'jose',
  'application/vp+jwt': 'jose',
  'application/vc+ld+json+jwt': 'jose',
  'application/vp+ld+json+jwt': 'jose',
  'application/vc-ld+jwt': 'jose',
  'application/vp-ld+jwt': 'jose',
  'application/jwt': 'jose',
  'application/vc+sd-jwt': 'sd-jwt',
  'application/vp+sd-jwt': 'sd-jwt',
  'application/dc+sd-jwt': 'sd-jwt',
  'application/vc+ld+json+sd-jwt': 'sd-jwt',
  'application/vp+ld+json+sd-jwt': 'sd-jwt',
  'application/vc-ld+sd-jwt': 'sd-jwt',
  'application/sd-jwt': 'sd-jwt',
  'application/vc+cose': 'cose',
  'application/vp+cose': 'cose',
  'application/vc+ld+json+cose': 'cose',
  'application/vp+ld+json+cose': 'cose',
  'application/cose': 'cose',
  'application/vc': 'json',
  'application/vp': 'json',
  'application/vc+ld+json': 'json',
  'application/vp+ld+json': 'json',
  'application/ld+json': 'json',
  'application/json': 'json',
};

const ENVELOPE_TYPES = ['EnvelopedVerifiableCredential', 'EnvelopedVerifiablePresentation'] as const;

/** Whether `value` is an envelope (VCDM 2.0 §4.13.2). */
export const isEnvelope = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && asArray(value.type).some((t) => (ENVELOPE_TYPES as readonly unknown[]).includes(t));

/** Whether a text is a data: URL (a secured credential as some tools print it). */
export const isDataUrl = (text: string): boolean => /^data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(text);

const malformed = (reason: string) => new VerifierError('STRUCTURE_INVALID', { reason });

/**
 * What a data: URL holds, as text (RFC 2397: `data:<media type>[;params][;base64],<data>`).
 * Tokens never contain whitespace, so whitespace a document wrapped into one is dropped.
 * Throws STRUCTURE_INVALID, COSE_UNSUPPORTED for COSE, INPUT_UNSUPPORTED_FORMAT for other media types.
 * @example readDataUrl('data:application/vc+jwt,eyJ…') // { securing: 'jose', text: 'eyJ…', mediaType: 'application/vc+jwt' }
 */
export function readDataUrl(url: string): { securing: Securing; text: string; mediaType: string } {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw malformed('the id is not a data: URL');
  const [mediaType = '', ...params] = url.slice(5, comma).split(';').map((p) => p.trim().toLowerCase());
  const securing = Object.hasOwn(MEDIA_TYPES, mediaType) ? MEDIA_TYPES[mediaType] : undefined;
  if (securing === undefined) throw new VerifierError('INPUT_UNSUPPORTED_FORMAT', { reason: `a credential of media type ${mediaType.slice(0, 60) || 'none'}` });
  if (securing === 'cose') throw new VerifierError('COSE_UNSUPPORTED', { mediaType });
  const data = url.slice(comma + 1);
  let text: string;
  try {
    text = params.includes('base64') ? fromUtf8(fromBase64(data.replace(/\s+/g, '')) ?? new Uint8Array()) : decodeURIComponent(data);
  } catch {
    throw malformed('the data: URL does not decode');
  }
  if (securing !== 'json') text = text.replace(/\s+/g, '');
  if (text === '') throw malformed('the data: URL is empty');
  return { securing, text, mediaType };
}

/**
 * The secured credential (or presentation) an envelope carries. Throws
 * STRUCTURE_CONTEXT / STRUCTURE_INVALID for an envelope that is malformed
 * (the W3C VCDM 2.0 suite's envelope cases), and readDataUrl's codes.
 */
export function openEnvelope(envelope: Record<string, unknown>): { securing: Securing; text: string; mediaType: string } {
  if (!asArray(envelope['@context']).includes(VC_V2))
    throw new VerifierError('STRUCTURE_CONTEXT', { reason: `an envelope must name ${VC_V2}` });
  if (typeof envelope.id !== 'string') throw malformed('an envelope needs a data: URL id');
  return readDataUrl(envelope.id);
}
