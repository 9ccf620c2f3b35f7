/**
 * Zod schemas for the parts of an ELM v3 European Digital Credential that
 * Credlens reads (ELM 3 ontology, application profile `edc-generic-full`).
 * Objects are loose (zod 4's name for `.passthrough()`): unknown fields are
 * kept but never read. Optional display parts use `.catch(undefined)` so a
 * malformed detail hides that detail instead of rejecting the credential.
 */
import { z } from 'zod';

/** JSON-LD "one or many", normalised to an array. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.output<T>>);

/** Optional, and silently dropped when malformed. */
const soft = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const Text = z.unknown(); // read only through label()

/** SKOS Concept from a Europass controlled list (EQF level, country, mode…). */
export const Concept = z.looseObject({
  id: soft(z.string()),
  prefLabel: Text.optional(),
  notation: soft(z.string()),
});
export type Concept = z.infer<typeof Concept>;

/** ELM Address; `countryCode` is an EU country authority Concept. */
export const Address = z.looseObject({ countryCode: soft(oneOrMany(Concept)), fullAddress: Text.optional() });
/** ELM Location. */
export const Location = z.looseObject({ address: soft(oneOrMany(Address)) });

/** ELM Accreditation (quality assurance by an accrediting agent). */
export const Accreditation = z.looseObject({
  id: soft(z.string()),
  title: Text.optional(),
  dcType: soft(Concept),
  accreditingAgent: soft(z.looseObject({ id: soft(z.string()), legalName: Text.optional() })),
  expiryDate: soft(z.string()),
});

/** ELM LegalIdentifier: a registration number and the country that issued it. */
export const LegalIdentifier = z.looseObject({ notation: soft(z.string()), spatial: soft(Concept) });
export type LegalIdentifier = z.infer<typeof LegalIdentifier>;

/** ELM Organisation: issuer or awarding body. */
export const Organisation = z.looseObject({
  id: soft(z.string()),
  legalName: Text.optional(),
  altLabel: Text.optional(),
  location: soft(oneOrMany(Location)),
  homepage: soft(oneOrMany(z.looseObject({ contentURL: soft(z.string()) }))),
  eIDASIdentifier: soft(LegalIdentifier),
  registration: soft(oneOrMany(LegalIdentifier)),
  vatIdentifier: soft(oneOrMany(LegalIdentifier)),
  accreditation: soft(oneOrMany(Accreditation)),
});
export type Organisation = z.infer<typeof Organisation>;

/** ELM LearningOutcome with its ESCO skills. */
export const LearningOutcome = z.looseObject({
  title: Text.optional(),
  relatedESCOSkill: soft(oneOrMany(Concept)),
});

/** ELM CreditPoint: a number of points in a framework such as ECTS. */
export const CreditPoint = z.looseObject({
  framework: soft(Concept),
  point: soft(z.union([z.string(), z.number()])),
});

/** LearningAchievementSpecification / Qualification (ELM `specifiedBy`). */
export const Specification = z.looseObject({
  title: Text.optional(),
  description: Text.optional(),
  learningOutcome: soft(oneOrMany(LearningOutcome)),
  volumeOfLearning: soft(z.string()),
  creditPoint: soft(oneOrMany(CreditPoint)),
  eqfLevel: soft(Concept),
  nqfLevel: soft(oneOrMany(Concept)),
  mode: soft(oneOrMany(Concept)),
  learningSetting: soft(Concept),
  dcType: soft(oneOrMany(Concept)),
  accreditation: soft(oneOrMany(Accreditation)),
});
export type Specification = z.infer<typeof Specification>;

/** ELM LearningAssessment (`provenBy`). */
export const Assessment = z.looseObject({
  title: Text.optional(),
  grade: Text.optional(),
  idVerification: soft(Concept),
  specifiedBy: soft(z.looseObject({ title: Text.optional(), dcType: soft(oneOrMany(Concept)), mode: soft(oneOrMany(Concept)) })),
});

/** ELM AwardingProcess (`awardedBy`). */
export const AwardingProcess = z.looseObject({
  awardingBody: soft(oneOrMany(Organisation)),
  awardingDate: soft(z.string()),
});

/** A claim: LearningAchievement, LearningActivity, LearningEntitlement, Qualification award… */
export const Claim = z.looseObject({
  id: soft(z.string()),
  type: soft(z.string()),
  title: Text.optional(),
  description: Text.optional(),
  specifiedBy: soft(Specification),
  provenBy: soft(oneOrMany(Assessment)),
  awardedBy: soft(AwardingProcess),
});
export type Claim = z.infer<typeof Claim>;

/** ELM Person, the credential subject, with its claims. */
export const Person = z.looseObject({
  id: soft(z.string()),
  fullName: Text.optional(),
  givenName: Text.optional(),
  familyName: Text.optional(),
  dateOfBirth: soft(z.string()),
  nationalID: soft(z.looseObject({ notation: soft(z.string()), spatial: soft(Concept) })),
  contactPoint: soft(oneOrMany(z.looseObject({ emailAddress: soft(oneOrMany(z.looseObject({ id: soft(z.string()) }))) }))),
  hasClaim: soft(oneOrMany(Claim)),
});
export type Person = z.infer<typeof Person>;

const StatusEntry = z.looseObject({ type: z.string() });

/** The credential itself: the W3C VC 1.1 frame plus the EDC type (VC-DM 1.1 §4.3–4.7). */
export const EdcCredential = z.looseObject({
  '@context': oneOrMany(z.unknown()),
  id: soft(z.string()),
  type: oneOrMany(z.string()),
  issuer: z.union([z.string(), Organisation]),
  credentialSubject: Person,
  issued: soft(z.string()),
  issuanceDate: soft(z.string()),
  validFrom: soft(z.string()),
  validUntil: soft(z.string()),
  expirationDate: soft(z.string()),
  credentialStatus: soft(oneOrMany(StatusEntry)),
  status: soft(oneOrMany(StatusEntry)),
});
export type EdcCredential = z.infer<typeof EdcCredential>;
