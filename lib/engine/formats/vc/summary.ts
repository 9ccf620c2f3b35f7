/** Display-ready facts from a W3C / OB 3.0 credential (signed payload only). */
import type { CredentialSummary } from '../../report';
import { asArray, idOf, isObject, str } from '../../util/json';
import { lerRsSummary } from './ler-rs';

/**
 * A text value: a string, a VC 2.0 §11.1 value object (`{"@value", "@language"}`) or the first of
 * several. Any other object is a node, not text, under the bundled contexts (none declares a
 * language map), so it is never read as a name.
 */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v)) return typeof v['@value'] === 'string' ? v['@value'] : undefined;
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
}

const imageOf = (v: unknown): string | undefined => str(v) ?? idOf(v);

export function summarizeVc(credential: Record<string, unknown>): CredentialSummary {
  const issuer = credential.issuer;
  const subject = asArray(credential.credentialSubject)[0];
  const s = isObject(subject) ? subject : {};
  const achievement = isObject(s.achievement) ? s.achievement : undefined;
  const criteria = achievement && isObject(achievement.criteria) ? achievement.criteria : undefined;
  const types = asArray(credential.type).filter((t): t is string => typeof t === 'string');
  return {
    title: text(achievement?.name) ?? text(credential.name) ?? types.filter((t) => t !== 'VerifiableCredential')[0],
    description: text(achievement?.description) ?? text(credential.description),
    issuer: {
      id: idOf(issuer),
      name: isObject(issuer) ? text(issuer.name) : undefined,
      url: isObject(issuer) ? str(issuer.url) : undefined,
      image: isObject(issuer) ? imageOf(issuer.image) : undefined,
      email: isObject(issuer) ? str(issuer.email) : undefined,
    },
    subject: { id: str(s.id), name: text(s.name) },
    achievement: achievement
      ? {
          id: str(achievement.id),
          name: text(achievement.name),
          type: text(achievement.achievementType),
          description: text(achievement.description),
          criteria: criteria ? text(criteria.narrative) ?? str(criteria.id) : undefined,
          image: imageOf(achievement.image),
        }
      : undefined,
    validFrom: str(credential.validFrom) ?? str(credential.issuanceDate),
    validUntil: str(credential.validUntil) ?? str(credential.expirationDate),
    image: imageOf(credential.image) ?? imageOf(achievement?.image),
    credentialId: str(credential.id),
    types,
    // a résumé (HR Open LER-RS): its sections, and the person's name when the subject has none
    ...lerRsSummary(credential),
  };
}
