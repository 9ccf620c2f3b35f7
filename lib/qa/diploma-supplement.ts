/**
 * The Diploma Supplement content of a European Digital Credential, laid out in
 * the sections of the EU / Council of Europe / UNESCO Diploma Supplement
 * (holder, qualification, level and duration, contents and results, function,
 * additional information, certification). A credential carries it when:
 * - its `credentialProfiles` is the Europass credential type "Diploma
 *   Supplement" (http://data.europa.eu/snb/credential/6dff8a0f87, the same
 *   concept EDCI XML credentials name in `<type>`);
 * - its `credentialSchema` is the ELM application profile
 *   http://data.europa.eu/snb/model/ap/edc-diploma-supplement (rdf/ap/edc/
 *   EDC-diplomaSupplement.ttl, which asks for the holder's date of birth, the
 *   credit received, the assessment, and the qualification's ISCED-F field,
 *   language, mode, maximum duration, learning outcomes, parts and NQF level);
 * - its type or one of its members is named `DiplomaSupplement` /
 *   `diplomaSupplement`.
 * Fields are read where ELM v3 puts them (european-commission-empl/
 * European-Learning-Model, JSON-LD examples); what is absent is left out. Only
 * loaded with the EDC profile (lib/qa/edc.ts), as it reads ELM labels through
 * the engine's zod schemas.
 */
import { label } from '../engine';
import { isRecord, list } from './text';

export const DIPLOMA_SUPPLEMENT_PROFILE = 'http://data.europa.eu/snb/credential/6dff8a0f87';
export const DIPLOMA_SUPPLEMENT_SCHEMA = 'http://data.europa.eu/snb/model/ap/edc-diploma-supplement';

/** Diploma Supplement sections (DS model §1–7; §8, the national higher education system, is not in ELM). */
export const DS_SECTIONS = ['holder', 'qualification', 'level', 'contents', 'function', 'additional', 'certification'] as const;
export type DsSection = (typeof DS_SECTIONS)[number];

/** One field of the supplement; locale keys `ds_<field>` name it. */
export type DsField =
  | 'name' | 'dateOfBirth' | 'nationalId'
  | 'title' | 'fieldOfStudy' | 'awardingBody' | 'language'
  | 'eqf' | 'nqf' | 'duration' | 'workload' | 'credits' | 'entryRequirement'
  | 'mode' | 'learningOutcomes' | 'parts' | 'gradingScheme' | 'grade'
  | 'entitlement' | 'partialQualification'
  | 'note'
  | 'issued' | 'issuer';

export interface DiplomaSupplementView {
  /** what marks the credential as a Diploma Supplement */
  marker: 'profile' | 'schema' | 'type' | 'member';
  sections: Array<{ section: DsSection; items: Array<{ field: DsField; value: string }> }>;
}

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (isRecord(v) ? v : isRecord(list(v)[0]) ? (list(v)[0] as Json) : {});
const ids = (v: unknown): string[] => list(v).map((x) => (typeof x === 'string' ? x : isRecord(x) && typeof x.id === 'string' ? x.id : '')).filter(Boolean);
const labels = (v: unknown): string | undefined => {
  const all = list(v).map((x) => label(x)).filter((x): x is string => Boolean(x));
  return all.length ? [...new Set(all)].join('; ') : undefined;
};
const date = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
const MAX_ITEMS = 40;

/** What marks `credential` as a Diploma Supplement, or undefined. */
function markerOf(vc: Json, subject: Json): DiplomaSupplementView['marker'] | undefined {
  const profiles = list(vc.credentialProfiles);
  if (ids(profiles).includes(DIPLOMA_SUPPLEMENT_PROFILE) || profiles.some((p) => /diploma supplement/i.test(label(p) ?? ''))) return 'profile';
  if (ids(vc.credentialSchema).includes(DIPLOMA_SUPPLEMENT_SCHEMA)) return 'schema';
  if (list(vc.type).includes('DiplomaSupplement')) return 'type';
  if (isRecord(vc.diplomaSupplement) || isRecord(subject.diplomaSupplement)) return 'member';
  return undefined;
}

/** The supplement of an ELM v3 credential payload, or undefined when it carries none. Never throws on odd shapes. */
export function readDiplomaSupplement(credential: unknown): DiplomaSupplementView | undefined {
  const vc = rec(credential);
  const subject = rec(vc.credentialSubject);
  const marker = markerOf(vc, subject);
  if (!marker) return undefined;
  const claim = rec(subject.hasClaim);
  const spec = rec(claim.specifiedBy);
  const assessment = rec(claim.provenBy);
  const awarding = rec(claim.awardedBy);
  const member = rec(vc.diplomaSupplement ?? subject.diplomaSupplement);
  const parts = [...list(claim.hasPart), ...list(spec.hasPart)].map((p) => partLine(rec(p))).filter((p): p is string => Boolean(p));
  const entries: Array<[DsSection, DsField, string | undefined]> = [
    ['holder', 'name', label(subject.fullName) ?? ([label(subject.givenName), label(subject.familyName)].filter(Boolean).join(' ') || undefined)],
    ['holder', 'dateOfBirth', date(subject.dateOfBirth)],
    ['holder', 'nationalId', typeof rec(subject.nationalID).notation === 'string' ? (rec(subject.nationalID).notation as string) : undefined],
    ['qualification', 'title', label(claim.title) ?? label(spec.title)],
    ['qualification', 'fieldOfStudy', labels(spec.thematicArea ?? spec.ISCEDFCode)],
    ['qualification', 'awardingBody', labels(rec(awarding.awardingBody).legalName)],
    ['qualification', 'language', labels(spec.language)],
    ['level', 'eqf', label(spec.eqfLevel)],
    ['level', 'nqf', labels(spec.nqfLevel)],
    ['level', 'duration', typeof spec.maximumDuration === 'string' ? spec.maximumDuration : undefined],
    ['level', 'workload', typeof spec.volumeOfLearning === 'string' ? spec.volumeOfLearning : undefined],
    ['level', 'credits', creditsOf(claim.creditReceived ?? spec.creditPoint)],
    ['level', 'entryRequirement', label(spec.entryRequirement)],
    ['contents', 'mode', labels(spec.mode) ?? label(spec.learningSetting)],
    ['contents', 'learningOutcomes', labels(list(spec.learningOutcome).map((o) => rec(o).title))],
    ['contents', 'parts', parts.length ? parts.join('; ') : undefined],
    ['contents', 'gradingScheme', label(rec(rec(assessment.specifiedBy).gradingScheme).title)],
    ['contents', 'grade', label(assessment.grade)],
    ['function', 'entitlement', labels(list(claim.entitlesTo ?? spec.entitlesTo).map((e) => rec(e).title))],
    ['function', 'partialQualification', typeof spec.isPartialQualification === 'boolean' ? String(spec.isPartialQualification) : undefined],
    ['additional', 'note', labels(list(claim.additionalNote))],
    ...memberNotes(member),
    ['certification', 'issued', date(vc.issued ?? vc.issuanceDate ?? vc.validFrom)],
    ['certification', 'issuer', label(rec(vc.issuer).legalName)],
  ];
  const sections = DS_SECTIONS.map((section) => ({
    section,
    items: entries.filter(([s, , v]) => s === section && v).map(([, field, value]) => ({ field, value: value! })).slice(0, MAX_ITEMS),
  })).filter((s) => s.items.length > 0);
  return { marker, sections };
}

/** "Thesis (15 ECTS, grade 1.3)": a part of the programme with what it earned. */
function partLine(part: Json): string | undefined {
  const title = label(part.title) ?? label(rec(part.specifiedBy).title);
  if (!title) return undefined;
  const extra = [creditsOf(part.creditReceived ?? rec(part.specifiedBy).creditPoint), label(rec(part.provenBy).grade)].filter(Boolean);
  return extra.length ? `${title} (${extra.join(', ')})` : title;
}

function creditsOf(v: unknown): string | undefined {
  const points = list(v).map(rec).filter((p) => p.point !== undefined);
  return points.length ? points.map((p) => [String(p.point), label(p.framework)].filter(Boolean).join(' ')).join('; ') : undefined;
}

/** A `diplomaSupplement` member outside ELM: its plain-text members, as additional information. */
function memberNotes(member: Json): Array<[DsSection, DsField, string | undefined]> {
  return Object.entries(member)
    .filter(([key]) => key !== 'id' && key !== 'type' && key !== '@context')
    .map(([key, value]) => {
      const text = label(value);
      return ['additional', 'note', text ? `${key}: ${text}` : undefined] as [DsSection, DsField, string | undefined];
    });
}
