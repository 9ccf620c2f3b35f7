/**
 * The micro-credential quality profile: which of the eleven EU standard
 * elements (Council Recommendation of 16 June 2022, Annex I) a credential
 * carries, the UNESCO features, and the exclusions of the Australian
 * National Microcredentials Framework.
 */
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
}

export interface QualityProfile {
  elements: ElementFinding[];
  presentCount: number;
  /** UNESCO features: each true, false or unknown */
  unesco: {
    assessed: boolean | 'unknown';
    trustedProvider: boolean | 'unknown';
    standAlone: boolean | 'unknown';
    qualityAssured: boolean | 'unknown';
  };
  /** Australian framework exclusions that apply (participation-only, unassessed) */
  exclusions: Array<'participation-only' | 'unassessed'>;
  eqfLevel?: number;
  workloadHours?: number;
  ects?: number;
  escoSkills: Array<{ uri: string; label?: string }>;
  /** "Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated" */
  summaryLine: string;
}
