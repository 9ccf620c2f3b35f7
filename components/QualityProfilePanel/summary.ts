/** Localised wording of the quality profile (the English original is QualityProfile.summaryLine). */
import { formatDate, t } from '../../lib/extension/i18n';
import { EU_ELEMENTS, type ElementFinding, type QualityProfile } from '../../lib/qa/types';

/** The summary's word for the assessment element: assessed only from a structured field (lib/qa/finish.ts). */
const ASSESSMENT_KEYS: Record<ElementFinding['presence'], string> = {
  present: 'profileAssessed',
  'free-text': 'profileAssessmentInText',
  absent: 'profileNotAssessed',
};

const QUALITY_KEYS: Record<`${QualityProfile['unesco']['qualityAssured']}`, string> = {
  true: 'profileQualityAssured',
  stated: 'profileQualityAssuranceStated',
  unknown: 'profileNoQualityAssurance',
  false: 'profileNoQualityAssurance',
};

/** "Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated", in the UI language. */
export function localSummary(profile: QualityProfile): string {
  const assessment = profile.elements.find((f) => f.element === 'assessment')?.presence ?? 'absent';
  return [
    t('profileCount', profile.presentCount, EU_ELEMENTS.length),
    t(ASSESSMENT_KEYS[assessment]),
    t(QUALITY_KEYS[`${profile.unesco.qualityAssured}`]),
  ].join(' · ');
}

/** yes / no / stated, not checked / not known. */
export const triKey = (v: boolean | 'stated' | 'unknown'): string =>
  v === 'unknown' ? 'tri_unknown' : v === 'stated' ? 'tri_stated' : v ? 'tri_yes' : 'tri_no';

/**
 * A finding's value in the UI language: words Credlens composed (units, an
 * EQF level, "endorsed by") through their keys, a date of issue as a date,
 * and the credential's own text as it is.
 */
export function findingValue(finding: ElementFinding): string | undefined {
  if (finding.words?.length) return finding.words.map((w) => ('key' in w ? t(w.key, ...(w.args ?? [])) : w.text)).join(' · ');
  return finding.element === 'dateOfIssue' ? formatDate(finding.value) : finding.value;
}

/** Short facts worth a chip: EQF level, hours, ECTS. */
export function profileFacts(profile: QualityProfile): string[] {
  const facts: string[] = [];
  if (profile.eqfLevel !== undefined) facts.push(t('eqfLevel', profile.eqfLevel));
  if (profile.workloadHours !== undefined) facts.push(t('workloadHours', profile.workloadHours));
  if (profile.ects !== undefined) facts.push(t('ectsPoints', profile.ects));
  return facts;
}
