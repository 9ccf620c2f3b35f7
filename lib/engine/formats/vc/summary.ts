/** Display-ready facts from a W3C / OB 3.0 credential (signed payload only). */
import type { CredentialSummary } from '../../report';
import { asArray, idOf, isObject, str } from '../../util/json';
import { lerRsSummary } from './ler-rs';
import { label } from '../edc/label';

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

/**
 * The learning achievement of an EBSI / Europass diploma, which names its title
 * and awarding body in the European Learning Model's terms, not in OB 3.0's:
 * - EBSI VerifiableDiploma (2021 schema): `learningAchievement.title`,
 *   `awardingOpportunity.awardingBody` (with `preferredName`);
 * - EBSI diploma schema 2022+ and Europass: `achieved[]` learning achievements
 *   with `title` (or their `specifiedBy.title`) and `wasAwardedBy.awardingBody`
 *   (DIDs, or organisations with `preferredName` / `legalName`).
 * ELM texts may be language maps, read as the EDC reader reads them. These
 * members are defined by no bundled JSON-LD context, so a Data Integrity
 * credential carrying them never verifies (DI_DATA_LOSS) and the row 43
 * comparisons need not cover them; they are shown for JWT-secured credentials.
 */
function europeanAchievement(subject: Record<string, unknown>): { title?: string; description?: string; id?: string; awardingBody?: CredentialSummary['awardingBody'] } | undefined {
  const achieved = asArray(subject.achieved).find(isObject);
  const legacy = isObject(subject.learningAchievement) ? subject.learningAchievement : undefined;
  const achievement = achieved ?? legacy;
  if (!achievement) return undefined;
  const specification = isObject(achievement.specifiedBy) ? achievement.specifiedBy : asArray(achievement.specifiedBy).find(isObject);
  const awarding = achieved
    ? asArray(achievement.wasAwardedBy).find(isObject)
    : isObject(subject.awardingOpportunity) ? subject.awardingOpportunity : undefined;
  return {
    id: str(achievement.id),
    title: label(achievement.title) ?? label(specification?.title),
    description: label(achievement.description) ?? label(specification?.description),
    awardingBody: awardingBodyOf(awarding?.awardingBody),
  };
}

/** An ELM awarding body: a DID, an organisation, or a list of either (the first one is shown). */
function awardingBodyOf(value: unknown): CredentialSummary['awardingBody'] {
  const body = asArray(value)[0];
  if (typeof body === 'string') return { id: body };
  if (!isObject(body)) return undefined;
  return { id: idOf(body), name: label(body.preferredName) ?? label(body.legalName) ?? label(body.name) };
}

/** A subject's name: `name`, else given and family names (EBSI writes `givenNames`). */
function subjectName(s: Record<string, unknown>): string | undefined {
  const named = text(s.name);
  if (named) return named;
  const parts = [label(s.givenNames) ?? label(s.givenName), label(s.familyName)].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function summarizeVc(credential: Record<string, unknown>): CredentialSummary {
  const issuer = credential.issuer;
  const subject = asArray(credential.credentialSubject)[0];
  const s = isObject(subject) ? subject : {};
  const achievement = isObject(s.achievement) ? s.achievement : undefined;
  const criteria = achievement && isObject(achievement.criteria) ? achievement.criteria : undefined;
  const types = asArray(credential.type).filter((t): t is string => typeof t === 'string');
  const european = achievement ? undefined : europeanAchievement(s);
  if (european) return summarizeEuropean(credential, s, types, european);
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

/** The summary of an EBSI / Europass diploma: its achievement's title, and who awarded it. */
function summarizeEuropean(
  credential: Record<string, unknown>,
  s: Record<string, unknown>,
  types: string[],
  european: NonNullable<ReturnType<typeof europeanAchievement>>,
): CredentialSummary {
  const issuer = credential.issuer;
  const typeName = types.filter((t) => t !== 'VerifiableCredential' && t !== 'VerifiableAttestation')[0];
  return {
    title: european.title ?? text(credential.name) ?? typeName,
    description: european.description ?? text(credential.description),
    issuer: {
      id: idOf(issuer),
      name: isObject(issuer) ? text(issuer.name) ?? label(issuer.preferredName) ?? label(issuer.legalName) : undefined,
    },
    subject: { id: str(s.id), name: subjectName(s) },
    achievement: { id: european.id, name: european.title, description: european.description },
    ...(european.awardingBody ? { awardingBody: european.awardingBody } : {}),
    validFrom: str(credential.validFrom) ?? str(credential.issuanceDate) ?? str(credential.issued),
    validUntil: str(credential.validUntil) ?? str(credential.expirationDate),
    credentialId: str(credential.id),
    types,
  };
}
