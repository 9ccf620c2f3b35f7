/**
 * Turns the eleven element findings into a full profile: UNESCO features,
 * Australian framework exclusions and the one-line summary. Shared by every
 * format so the rules read the same for OB 2.0, OB 3.0 and EDC.
 */
import { ATTENDANCE_IN_TEXT, firstMention, type TextSource } from './text';
import { EU_ELEMENTS, type ElementFinding, type EuElement, type EndorsementView, type QualityProfile, type RegistryLink } from './types';

/** Format-specific facts the mappers found besides the eleven elements. */
export interface ProfileFacts {
  eqfLevel?: number;
  workloadHours?: number;
  ects?: number;
  escoSkills?: Array<{ uri: string; label?: string }>;
  /** achievementType / credential kind, e.g. "CertificateOfCompletion" */
  achievementType?: string;
  /** prose fields, for attendance wording */
  prose?: readonly TextSource[];
  endorsements?: readonly EndorsementView[];
  ctdlType?: string;
  registry?: readonly RegistryLink[];
  diplomaSupplement?: QualityProfile['diplomaSupplement'];
}

/** Australian National Microcredentials Framework excludes these kinds when nothing is assessed. */
const PARTICIPATION_TYPES = new Set(['certificateofcompletion', 'membership', 'communityservice', 'cocurricular']);

/** Builds the profile; `elements` may come in any order and missing ones count as absent. */
export function finishProfile(elements: readonly ElementFinding[], facts: ProfileFacts = {}): QualityProfile {
  const byElement = new Map(elements.map((f) => [f.element, f]));
  const ordered = EU_ELEMENTS.map((e) => byElement.get(e) ?? { element: e, presence: 'absent' as const });
  const findingOf = (e: EuElement) => ordered.find((f) => f.element === e)!;
  const has = (e: EuElement) => findingOf(e).presence !== 'absent';
  const presentCount = ordered.filter((f) => f.presence === 'present').length;
  const assessment = findingOf('assessment').presence;
  // assessed only from a structured assessment field (OB 3.0 resultDescription, result, Assessment
  // Extension; ELM provenBy): words such as "assessed" or "exam" in a description are no assessment
  const assessed = assessment === 'present';
  const qualityAssured = qualityAssurance(findingOf('qualityAssurance'));
  const exclusions: QualityProfile['exclusions'] = [];
  if (!assessed && isParticipationOnly(facts)) exclusions.push('participation-only');
  // "no assessment stated" would be untrue of prose that mentions one: that is shown as free text instead
  if (assessment === 'absent') exclusions.push('unassessed');
  return {
    elements: ordered,
    presentCount,
    unesco: {
      assessed: assessed ? true : 'unknown',
      // filled in by the dispatcher, which knows the verified issuer and the user's trust lists
      trustedProvider: 'unknown',
      // UNESCO: a stand-alone credential can be understood on its own: what was learned, at what depth, how proven
      standAlone: has('title') && has('learningOutcomes') && assessed ? true : 'unknown',
      qualityAssured,
    },
    exclusions,
    ...(facts.eqfLevel !== undefined ? { eqfLevel: facts.eqfLevel } : {}),
    ...(facts.workloadHours !== undefined ? { workloadHours: facts.workloadHours } : {}),
    ...(facts.ects !== undefined ? { ects: facts.ects } : {}),
    escoSkills: facts.escoSkills ?? [],
    summaryLine: summaryLine(presentCount, assessment, qualityAssured),
    ...(facts.endorsements?.length ? { endorsements: [...facts.endorsements] } : {}),
    ...(facts.ctdlType ? { ctdlType: facts.ctdlType } : {}),
    ...(facts.registry?.length ? { registry: [...facts.registry] } : {}),
    ...(facts.diplomaSupplement ? { diplomaSupplement: facts.diplomaSupplement } : {}),
  };
}

/**
 * UNESCO "quality assured": yes only on evidence Credlens verified (a verified endorsement that
 * counts, SECURITY.md row 61; an accreditation in a sealed European Digital Credential); an
 * accreditation, quality-assurance type or endorsement the credential merely states is "stated,
 * not checked"; nothing at all is not known.
 */
function qualityAssurance(found: ElementFinding): QualityProfile['unesco']['qualityAssured'] {
  if (found.presence === 'absent') return 'unknown';
  return found.checked ? true : 'stated';
}

function isParticipationOnly(facts: ProfileFacts): boolean {
  const type = facts.achievementType?.toLowerCase();
  if (type && PARTICIPATION_TYPES.has(type)) return true;
  return firstMention(facts.prose ?? [], ATTENDANCE_IN_TEXT) !== undefined;
}

const ASSESSMENT_WORDS: Record<ElementFinding['presence'], string> = {
  present: 'assessed',
  'free-text': 'assessment only mentioned in the text',
  absent: 'no assessment stated',
};

const QUALITY_WORDS: Record<`${QualityProfile['unesco']['qualityAssured']}`, string> = {
  true: 'quality assured',
  stated: 'quality assurance stated, not checked',
  unknown: 'no quality assurance stated',
  false: 'no quality assurance stated',
};

/**
 * "Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated".
 * Counts only elements carried by a dedicated field; prose mentions are listed but not counted.
 * (The extension shows the same line in the UI language: components/QualityProfilePanel/summary.ts.)
 */
export function summaryLine(presentCount: number, assessment: ElementFinding['presence'], qualityAssured: QualityProfile['unesco']['qualityAssured']): string {
  return [`Micro-credential profile: ${presentCount} of ${EU_ELEMENTS.length} EU elements`, ASSESSMENT_WORDS[assessment], QUALITY_WORDS[`${qualityAssured}`]].join(' · ');
}
