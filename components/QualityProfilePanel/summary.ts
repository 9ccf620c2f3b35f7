/** Localised wording of the quality profile (the English original is QualityProfile.summaryLine). */
import { t } from '../../lib/extension/i18n';
import { EU_ELEMENTS, type QualityProfile } from '../../lib/qa/types';

/** "Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated", in the UI language. */
export function localSummary(profile: QualityProfile): string {
  return [
    t('profileCount', profile.presentCount, EU_ELEMENTS.length),
    t(profile.unesco.assessed === true ? 'profileAssessed' : 'profileNotAssessed'),
    t(profile.unesco.qualityAssured === true ? 'profileQualityAssured' : 'profileNoQualityAssurance'),
  ].join(' · ');
}

/** yes / no / not known. */
export const triKey = (v: boolean | 'unknown'): string => (v === 'unknown' ? 'tri_unknown' : v ? 'tri_yes' : 'tri_no');

/** Short facts worth a chip: EQF level, hours, ECTS. */
export function profileFacts(profile: QualityProfile): string[] {
  const facts: string[] = [];
  if (profile.eqfLevel !== undefined) facts.push(t('eqfLevel', profile.eqfLevel));
  if (profile.workloadHours !== undefined) facts.push(t('workloadHours', profile.workloadHours));
  if (profile.ects !== undefined) facts.push(t('ectsPoints', profile.ects));
  return facts;
}
