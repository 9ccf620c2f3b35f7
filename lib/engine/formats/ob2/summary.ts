/** Display-ready facts from verified OB 2.0 documents (assertion, BadgeClass, Issuer). */
import type { CredentialSummary } from '../../report';
import { idOf, isObject, str } from '../../util/json';
import type { Json } from './documents';

const imageOf = (v: unknown): string | undefined => str(v) ?? idOf(v);

function criteriaOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return isObject(v) ? str(v.narrative) ?? str(v.id) : undefined;
}

export function summarizeOb2(assertion: Json, badgeClass?: Json, issuer?: Json): CredentialSummary {
  const recipient = isObject(assertion.recipient) ? assertion.recipient : {};
  return {
    title: str(badgeClass?.name),
    description: str(badgeClass?.description),
    issuer: issuer
      ? { id: str(issuer.id), name: str(issuer.name), url: str(issuer.url), image: imageOf(issuer.image), email: str(issuer.email) }
      : { id: idOf(badgeClass?.issuer) },
    // a hashed identity is not shown: it is only good for matching (recipient check)
    subject: recipient.hashed === true ? {} : { id: str(recipient.identity) },
    achievement: badgeClass
      ? {
          id: str(badgeClass.id),
          name: str(badgeClass.name),
          type: 'Badge',
          description: str(badgeClass.description),
          criteria: criteriaOf(badgeClass.criteria),
          image: imageOf(badgeClass.image),
        }
      : undefined,
    validFrom: str(assertion.issuedOn),
    validUntil: str(assertion.expires),
    image: imageOf(assertion.image) ?? imageOf(badgeClass?.image),
    credentialId: str(assertion.id),
    types: ['Assertion'],
  };
}
