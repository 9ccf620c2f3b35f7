/**
 * Quality profile of a European Digital Credential (ELM v3): where each of
 * the eleven standard elements of the EU Council Recommendation on
 * micro-credentials (Annex I) sits in ELM v3 (european-commission-empl/
 * European-Learning-Model, Sample-MC-Annex1 examples). ELM has a dedicated
 * field for every element, so findings here are "present" or "absent"; prose
 * is kept only for attendance wording.
 */
import { z } from 'zod';
import { Accreditation, Organisation, Person, label, oneOrMany, type Claim, type Concept, type Specification } from '../engine';
import { readDiplomaSupplement } from './diploma-supplement';
import { finishProfile } from './finish';
import { absent, finding, isRecord, say, sources } from './text';
import type { ElementFinding, QualityProfile, ValueWords } from './types';

const S = 'credentialSubject';
const C = `${S}.hasClaim`;
const EQF_URI = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/;
/** Europass controlled list "education-credit": the ECTS concept. */
const ECTS_URI = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';

/** ELM Evidence: the "EDC-accredited" profile requires `accreditation` here (rdf/ap/edc/EDC-accredited.ttl). */
const Evidence = oneOrMany(z.looseObject({ accreditation: oneOrMany(Accreditation).optional().catch(undefined) }));

interface EdcView {
  credential: Record<string, unknown>;
  subject: Person;
  claims: Claim[];
  issuer?: Organisation;
  evidenceAccreditation?: z.infer<typeof Accreditation>[];
}

function view(credential: unknown): EdcView {
  const vc = isRecord(credential) ? credential : {};
  const subject = Person.safeParse(vc.credentialSubject);
  const issuer = Organisation.safeParse(vc.issuer);
  const evidence = Evidence.safeParse(vc.evidence);
  return {
    evidenceAccreditation: evidence.success ? evidence.data.find((e) => e.accreditation)?.accreditation : undefined,
    credential: vc,
    subject: subject.success ? subject.data : {},
    claims: subject.success ? (subject.data.hasClaim ?? []) : [],
    issuer: issuer.success ? issuer.data : undefined,
  };
}

/** The first claim value `pick` finds, with that claim. */
function firstOf<T>(claims: Claim[], pick: (c: Claim) => T | undefined): T | undefined {
  for (const claim of claims) {
    const value = pick(claim);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Profiles an ELM v3 credential payload; never throws on odd shapes. */
export function profileEdc(credential: unknown): QualityProfile {
  const v = view(credential);
  const spec = firstOf(v.claims, (c) => c.specifiedBy);
  const workload = workloadOf(spec);
  const level = levelOf(spec);
  const elements: ElementFinding[] = [
    learnerOf(v), titleOf(v), countryOf(v), awardingBodyOf(v), dateOf(v), outcomesOf(spec),
    workload.finding, level.finding, assessmentOf(v), participationOf(spec), qualityAssuranceOf(v, spec),
  ];
  const claim = v.claims[0];
  const diplomaSupplement = readDiplomaSupplement(credential);
  return finishProfile(elements, {
    ...(diplomaSupplement ? { diplomaSupplement } : {}),
    eqfLevel: level.eqf,
    workloadHours: workload.hours,
    ects: workload.ects,
    escoSkills: escoSkillsOf(spec),
    // an ELM LearningActivity claim records taking part in an activity, like a certificate of completion
    achievementType: claim?.type === 'LearningActivity' ? 'CertificateOfCompletion' : claim?.type,
    prose: sources([[`${C}.description`, label(claim?.description)], [`${C}.specifiedBy.description`, label(spec?.description)]]),
  });
}

function learnerOf({ subject }: EdcView): ElementFinding {
  const name = label(subject.fullName);
  if (name) return finding('learner', 'present', `${S}.fullName`, name);
  const parts = [label(subject.givenName), label(subject.familyName)].filter(Boolean).join(' ');
  if (parts) return finding('learner', 'present', `${S}.givenName + familyName`, parts);
  if (subject.nationalID?.notation) return finding('learner', 'present', `${S}.nationalID`, 'national identifier', [say('qaNationalId')]);
  const email = subject.contactPoint?.[0]?.emailAddress?.[0]?.id;
  return email ? finding('learner', 'present', `${S}.contactPoint.emailAddress`, email.replace(/^mailto:/, '')) : absent('learner');
}

function titleOf({ claims }: EdcView): ElementFinding {
  const own = firstOf(claims, (c) => label(c.title));
  if (own) return finding('title', 'present', `${C}.title`, own);
  const specified = firstOf(claims, (c) => label(c.specifiedBy?.title));
  return specified ? finding('title', 'present', `${C}.specifiedBy.title`, specified) : absent('title');
}

const countryOfOrganisation = (o: Organisation | undefined): string | undefined =>
  firstDefined(o?.location ?? [], (l) => firstDefined(l.address ?? [], (a) => conceptLabel(a.countryCode?.[0])));

function countryOf({ claims, issuer }: EdcView): ElementFinding {
  const awarding = firstOf(claims, (c) => countryOfOrganisation(c.awardedBy?.awardingBody?.[0]));
  if (awarding) return finding('issuerCountry', 'present', `${C}.awardedBy.awardingBody.location.address.countryCode`, awarding);
  const eidas = conceptLabel(issuer?.eIDASIdentifier?.spatial);
  if (eidas) return finding('issuerCountry', 'present', 'issuer.eIDASIdentifier.spatial', eidas);
  const own = countryOfOrganisation(issuer);
  return own ? finding('issuerCountry', 'present', 'issuer.location.address.countryCode', own) : absent('issuerCountry');
}

function awardingBodyOf({ claims, issuer }: EdcView): ElementFinding {
  const body = firstOf(claims, (c) => label(c.awardedBy?.awardingBody?.[0]?.legalName));
  if (body) return finding('awardingBody', 'present', `${C}.awardedBy.awardingBody.legalName`, body);
  const own = label(issuer?.legalName);
  return own ? finding('awardingBody', 'present', 'issuer.legalName', own) : absent('awardingBody');
}

function dateOf({ credential, claims }: EdcView): ElementFinding {
  for (const key of ['issued', 'issuanceDate', 'validFrom']) {
    const value = credential[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return finding('dateOfIssue', 'present', key, value);
  }
  const awarded = firstOf(claims, (c) => c.awardedBy?.awardingDate);
  return awarded ? finding('dateOfIssue', 'present', `${C}.awardedBy.awardingDate`, awarded) : absent('dateOfIssue');
}

function outcomesOf(spec: Specification | undefined): ElementFinding {
  const titles = (spec?.learningOutcome ?? []).map((o) => label(o.title)).filter((t): t is string => !!t);
  return titles.length ? finding('learningOutcomes', 'present', `${C}.specifiedBy.learningOutcome`, titles.join('; ')) : absent('learningOutcomes');
}

function escoSkillsOf(spec: Specification | undefined): Array<{ uri: string; label?: string }> {
  const skills = (spec?.learningOutcome ?? []).flatMap((o) => o.relatedESCOSkill ?? []);
  return skills.filter((s) => s.id).map((s) => ({ uri: s.id!, ...(label(s.prefLabel) ? { label: label(s.prefLabel) } : {}) }));
}

/** Hours in an ISO 8601 duration (§4.4.3.2) made only of hours, minutes and seconds; days and longer have no fixed workload. */
export function durationHours(duration: string): number | undefined {
  const m = duration.match(/^PT(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const n = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : 0);
  return Math.round((n(m[1]) + n(m[2]) / 60 + n(m[3]) / 3600) * 100) / 100;
}

function workloadOf(spec: Specification | undefined): { finding: ElementFinding; hours?: number; ects?: number } {
  const volume = spec?.volumeOfLearning;
  const hours = volume ? durationHours(volume) : undefined;
  const ectsEntry = (spec?.creditPoint ?? []).find((p) => p.framework?.id === ECTS_URI || /\bECTS\b/.test(conceptLabel(p.framework) ?? ''));
  const ects = ectsEntry?.point !== undefined && Number.isFinite(Number(ectsEntry.point)) ? Number(ectsEntry.point) : undefined;
  const shown = [volume ? (hours !== undefined ? `${hours} hours` : volume) : undefined, ects !== undefined ? `${ects} ECTS` : undefined].filter(Boolean).join(' · ');
  if (!shown) return { finding: absent('workload') };
  const source = volume ? `${C}.specifiedBy.volumeOfLearning` : `${C}.specifiedBy.creditPoint`;
  const words: ValueWords[] = [
    ...(volume ? [hours !== undefined ? say('workloadHours', hours) : { text: volume }] : []),
    ...(ects !== undefined ? [say('ectsPoints', ects)] : []),
  ];
  return { finding: finding('workload', 'present', source, shown, words), hours, ects };
}

function levelOf(spec: Specification | undefined): { finding: ElementFinding; eqf?: number } {
  const eqfDigit = spec?.eqfLevel?.id?.match(EQF_URI)?.[1];
  const eqf = eqfDigit ? Number(eqfDigit) : undefined;
  const nqf = conceptLabel(spec?.nqfLevel?.[0]);
  if (eqf !== undefined) {
    const words: ValueWords[] = [say('eqfLevel', eqf), ...(nqf ? [{ text: nqf }] : [])];
    return { finding: finding('level', 'present', `${C}.specifiedBy.eqfLevel`, [`EQF ${eqf}`, nqf].filter(Boolean).join(' · '), words), eqf };
  }
  return nqf ? { finding: finding('level', 'present', `${C}.specifiedBy.nqfLevel`, nqf) } : { finding: absent('level') };
}

function assessmentOf({ claims }: EdcView): ElementFinding {
  const assessment = firstOf(claims, (c) => c.provenBy?.[0]);
  if (!assessment) return absent('assessment');
  const kind = conceptLabel(assessment.specifiedBy?.dcType?.[0]);
  const title = label(assessment.title) ?? label(assessment.specifiedBy?.title);
  const value = [title && kind && title !== kind ? `${title} (${kind})` : title ?? kind, conceptLabel(assessment.idVerification)].filter(Boolean).join(' · ');
  return value ? finding('assessment', 'present', `${C}.provenBy`, value) : finding('assessment', 'present', `${C}.provenBy`, 'assessment stated', [say('qaAssessmentStated')]);
}

function participationOf(spec: Specification | undefined): ElementFinding {
  const mode = conceptLabel(spec?.mode?.[0]);
  if (mode) return finding('participation', 'present', `${C}.specifiedBy.mode`, mode);
  const setting = conceptLabel(spec?.learningSetting);
  return setting ? finding('participation', 'present', `${C}.specifiedBy.learningSetting`, setting) : absent('participation');
}

function qualityAssuranceOf({ claims, issuer, evidenceAccreditation }: EdcView, spec: Specification | undefined): ElementFinding {
  const candidates: Array<[string, Array<{ title?: unknown; accreditingAgent?: { legalName?: unknown } }> | undefined]> = [
    [`${C}.specifiedBy.accreditation`, spec?.accreditation],
    [`${C}.awardedBy.awardingBody.accreditation`, firstOf(claims, (c) => c.awardedBy?.awardingBody?.[0]?.accreditation)],
    ['issuer.accreditation', issuer?.accreditation],
    ['evidence.accreditation', evidenceAccreditation],
  ];
  for (const [source, list] of candidates) {
    const first = list?.[0];
    if (!first) continue;
    // the accreditation is part of the sealed credential: quality assurance Credlens checked the seal of
    // (lib/qa/dispatch.ts keeps it "stated" unless the seal verified)
    const named = label(first.title) ?? label(first.accreditingAgent?.legalName);
    const found = named ? finding('qualityAssurance', 'present', source, named) : finding('qualityAssurance', 'present', source, 'accredited', [say('qaAccredited')]);
    return { ...found, checked: true };
  }
  return absent('qualityAssurance');
}

const conceptLabel = (c: Concept | undefined): string | undefined => (c ? label(c.prefLabel) ?? c.notation : undefined);

function firstDefined<T, R>(items: T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = pick(item);
    if (r !== undefined) return r;
  }
  return undefined;
}
