/**
 * The quality profile of a checked credential, chosen by format. The
 * profile describes what a credential *says*; it never changes the verdict.
 */
import { type Report } from '../engine';
import { profileReport, type ProfileOptions } from './dispatch';
import { profileEdc } from './edc';
import type { QualityProfile } from './types';

export { isIssuerBound, profileReport, type EdcProfiler, type ProfileOptions } from './dispatch';
export { profileOb2 } from './ob2';
export { profileOb3 } from './ob3';
export type * from './types';

/** Profiles `report.credential` (the signed payload) by `report.format`, EDC included. */
export function profileFor(report: Report, options: ProfileOptions = {}): QualityProfile | undefined {
  return profileReport(report, options, profileEdc);
}
