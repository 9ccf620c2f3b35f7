/**
 * Open Badges 2.0 Assertion shape (OB 2.0 §Assertion; validator-core
 * validation tasks): the OB 2.0 context, type Assertion, an id, a recipient,
 * a badge, issuedOn and a verification object. The 1EdTech validator also
 * refuses an assertion `image` given as a data: URI (OB20Tests
 * testDataImageInAssertion): the assertion image must be a fetchable IRI.
 */
import { fail, pass } from '../../checks/result';
import type { Check } from '../../report';
import { asArray, isObject } from '../../util/json';
import { OB2_CONTEXTS, hasType, type Json } from './documents';

const isIri = (s: unknown): s is string => typeof s === 'string' && /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(s);

export function checkOb2Structure(assertion: Json): Check {
  const contexts = asArray(assertion['@context']);
  if (!contexts.some((c) => typeof c === 'string' && OB2_CONTEXTS.includes(c.replace(/\/$/, ''))))
    return fail('structure', 'STRUCTURE_CONTEXT', { reason: 'an Open Badges 2.0 assertion must use the https://w3id.org/openbadges/v2 context' });
  if (!hasType(assertion, 'Assertion')) return fail('structure', 'STRUCTURE_TYPE', { reason: 'type must be Assertion' });
  if (!isIri(assertion.id)) return fail('structure', 'STRUCTURE_ID', { reason: 'the assertion id must be a URL or URN' });
  const recipient = assertion.recipient;
  if (!isObject(recipient) || typeof recipient.identity !== 'string' || typeof recipient.type !== 'string')
    return fail('structure', 'STRUCTURE_SUBJECT', { reason: 'recipient needs a type and an identity' });
  if (!isIri(assertion.badge) && !isObject(assertion.badge)) return fail('structure', 'OB2_INVALID', { reason: 'badge must be a URL or a BadgeClass' });
  if (typeof assertion.issuedOn !== 'string') return fail('structure', 'STRUCTURE_DATES', { reason: 'issuedOn is missing' });
  if (Number.isNaN(Date.parse(assertion.issuedOn))) return fail('structure', 'STRUCTURE_DATES', { reason: 'issuedOn is not a date' });
  if (assertion.expires != null && (typeof assertion.expires !== 'string' || Number.isNaN(Date.parse(assertion.expires))))
    return fail('structure', 'STRUCTURE_DATES', { reason: 'expires is not a date' });
  const verification = assertion.verification ?? assertion.verify;
  if (!isObject(verification) || typeof verification.type !== 'string')
    return fail('structure', 'OB2_INVALID', { reason: 'verification needs a type (hosted or signed)' });
  const image = isObject(assertion.image) ? assertion.image.id : assertion.image;
  if (typeof image === 'string' && /^data:/i.test(image))
    return fail('structure', 'OB2_INVALID', { reason: 'the assertion image must be a link, not embedded data' });
  return pass('structure', 'Well-formed Open Badges 2.0 assertion');
}

/** `hosted` / `signed` (validator-core also accepts the HostedBadge / SignedBadge type names). */
export function verificationType(assertion: Json): 'hosted' | 'signed' | undefined {
  const v = assertion.verification ?? assertion.verify;
  const type = isObject(v) ? String(v.type).toLowerCase() : '';
  if (type === 'hosted' || type === 'hostedbadge') return 'hosted';
  if (type === 'signed' || type === 'signedbadge') return 'signed';
  return undefined;
}
