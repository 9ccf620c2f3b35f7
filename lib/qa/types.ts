/**
 * The micro-credential quality profile: which of the eleven EU standard
 * elements (Council Recommendation of 16 June 2022, Annex I) a credential
 * carries, the UNESCO features, and the exclusions of the Australian
 * National Microcredentials Framework.
 */
import type { EndorsementView } from '../trust/endorsements';
import type { DiplomaSupplementView } from './diploma-supplement';

export type { EndorsementView } from '../trust/endorsements';
export type { DiplomaSupplementView } from './diploma-supplement';
export const EU_ELEMENTS = [
  'learner',
  'title',
  'issuerCountry',
  'awardingBody',
  'dateOfIssue',
  'learningOutcomes',
  'workload',
  'level',
  'assessment',
  'participation',
  'qualityAssurance',
] as const;
export type EuElement = (typeof EU_ELEMENTS)[number];

/** present: a dedicated field carries it; free-text: only prose mentions it; absent: nowhere. */
export type ElementPresence = 'present' | 'free-text' | 'absent';

export interface ElementFinding {
  element: EuElement;
  presence: ElementPresence;
  /** the field path it came from, e.g. "credentialSubject.achievement.name" or "hasClaim.specifiedBy.eqfLevel" */
  source?: string;
  /** the value shown to the recruiter, as plain text */
  value?: string;
  /**
   * The finding rests on evidence Credlens verified (a verified endorsement that counts; an
   * accreditation inside a sealed European Digital Credential), not on the credential's own word.
   * Only such a quality-assurance finding makes the profile "quality assured".
   */
  checked?: true;
  /**
   * The value in words the UI translates, when Credlens composed it (a unit, an EQF level, "endorsed
   * by"): locale keys with their arguments, or text taken from the credential as it is. `value`
   * keeps the same in English for the command line and the JSON report.
   */
  words?: ValueWords[];
}

/** One part of a composed value: a locale key (public/_locales) with its `$n` arguments, or the credential's own text. */
export type ValueWords = { key: string; args?: Array<string | number> } | { text: string };

export interface QualityProfile {
  elements: ElementFinding[];
  presentCount: number;
  /** UNESCO features: each true, false or unknown */
  unesco: {
    assessed: boolean | 'unknown';
    trustedProvider: boolean | 'unknown';
    standAlone: boolean | 'unknown';
    /** `stated`: the credential states quality assurance (an accreditation, a type, an endorsement) that Credlens did not verify */
    qualityAssured: boolean | 'stated' | 'unknown';
  };
  /** Australian framework exclusions that apply (participation-only, unassessed) */
  exclusions: Array<'participation-only' | 'unassessed'>;
  eqfLevel?: number;
  workloadHours?: number;
  ects?: number;
  escoSkills: Array<{ uri: string; label?: string }>;
  /** "Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated" */
  summaryLine: string;
  /** endorsements, each with whether it was verified and whether it counts as quality assurance (lib/trust/endorsements.ts) */
  endorsements?: EndorsementView[];
  /** the CTDL credential class the credential names (`MicroCredential` for `ceterms:MicroCredential`), shown in plain words */
  ctdlType?: string;
  /** where the Credential Engine registry describes the achievement or issuer: links to open, never fetched */
  registry?: RegistryLink[];
  /** Diploma Supplement content of a European Digital Credential, shown as its own section */
  diplomaSupplement?: DiplomaSupplementView;
}

/** A CTID or Credential Engine registry address the credential carries (lib/qa/ctdl.ts). */
export interface RegistryLink {
  /** `ce-<uuid>`, when one was found */
  ctid?: string;
  /** the https address to open: the registry address as given, or the Credential Finder page of a bare CTID */
  url: string;
  /** the field it was read from */
  source: string;
  /** the registry's sandbox (test data), not the production registry */
  sandbox: boolean;
}
