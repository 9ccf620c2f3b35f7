/**
 * Chooses the quality-profile mapping by report format. The EDC mapping is
 * passed in rather than imported, so pages that must stay small (the popup)
 * can load it only when an EDC is actually shown; lib/qa/index.ts binds it
 * statically for everyone else.
 */
import { type Check, type Report } from '../engine';
import { endorsementsOf } from '../trust/endorsements';
import { trustIdOf } from '../trust/signer';
import { summaryLine } from './finish';
import { profileOb2 } from './ob2';
import { profileOb3 } from './ob3';
import { isRecord } from './text';
import type { QualityProfile } from './types';

export interface ProfileOptions {
  /** issuer ids on the user's trust lists (lib/trust/store.ts) */
  trustedIssuerIds?: ReadonlySet<string>;
}

export type EdcProfiler = (credential: unknown) => QualityProfile;

/**
 * Profiles `report.credential` (the signed payload) by `report.format`;
 * undefined when there is no signed payload, the format has no mapping, or
 * it is an EDC and no EDC profiler was given.
 */
export function profileReport(report: Report, options: ProfileOptions = {}, profileEdc?: EdcProfiler): QualityProfile | undefined {
  const credential = report.credential;
  if (credential === undefined || credential === null) return undefined;
  const profile = byFormat(report, credential, profileEdc);
  if (!profile) return undefined;
  const qualityAssured = qualityAssuredIn(report, profile);
  const assessment = profile.elements.find((f) => f.element === 'assessment')?.presence ?? 'absent';
  return {
    ...profile,
    unesco: { ...profile.unesco, trustedProvider: trustedProvider(report, options), qualityAssured },
    summaryLine: summaryLine(profile.presentCount, assessment, qualityAssured),
  };
}

/** Verdicts under which the signed payload is the issuer's own (genuine, though perhaps no longer current). */
const GENUINE: ReadonlySet<Report['verdict']> = new Set(['verified', 'expired', 'revoked']);

/**
 * Quality assurance counts as checked only inside a credential whose own signature or seal was
 * established: evidence carried by a credential that could not be checked is only stated.
 */
function qualityAssuredIn(report: Report, profile: QualityProfile): QualityProfile['unesco']['qualityAssured'] {
  const { qualityAssured } = profile.unesco;
  return qualityAssured === true && !GENUINE.has(report.verdict) ? 'stated' : qualityAssured;
}

function byFormat(report: Report, credential: unknown, profileEdc?: EdcProfiler): QualityProfile | undefined {
  switch (report.format) {
    case 'vc-data-integrity':
    case 'vc-jwt':
      // endorsements count only as the engine verified them (report parts; SECURITY.md row 61)
      return profileOb3(credential, endorsementsOf(report));
    case 'ob2-hosted':
    case 'ob2-signed':
      // the OB 2.0 verifier may keep the three documents apart or the assertion with embedded parts
      return isRecord(credential) && 'assertion' in credential
        ? profileOb2({ assertion: credential.assertion, badgeClass: credential.badgeClass, issuer: credential.issuer })
        : profileOb2({ assertion: credential });
    case 'edc':
      return profileEdc?.(credential);
    default:
      return undefined;
  }
}

/**
 * UNESCO "trusted provider": only when the signer is bound to the issuer (the
 * issuer-binding, hosted or seal check passed) and that issuer is on a list the
 * user keeps. Without trust lists the answer is unknown, not "no".
 */
function trustedProvider(report: Report, { trustedIssuerIds }: ProfileOptions): boolean | 'unknown' {
  if (!trustedIssuerIds || trustedIssuerIds.size === 0) return 'unknown';
  // keyed like the trust panel: the verified identity, never an issuer id that names no key (SECURITY.md row 46)
  const trustId = trustIdOf(report);
  if (!trustId || !isIssuerBound(report.checks)) return false;
  return trustedIssuerIds.has(trustId);
}

/** The identity of the signer was established for the named issuer. */
export function isIssuerBound(checks: readonly Check[]): boolean {
  return checks.some((c) => (c.id === 'issuer-binding' || c.id === 'hosted' || c.id === 'certificate') && c.status === 'pass');
}
