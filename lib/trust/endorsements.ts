/**
 * Who vouches for a credential through an endorsement, and whether that was
 * verified. The engine verifies each OB 3.0 EndorsementCredential a
 * credential carries as a credential of its own (report parts with role
 * `endorsement`, lib/engine/formats/vc/parts.ts); this reads those reports
 * for the trust panel and the quality profile.
 *
 * An endorsement counts as quality-assurance evidence only when (SECURITY.md
 * row 61):
 * - it verified (signature, the endorser's key bound to the endorser, valid
 *   now, not revoked): one that failed, could not be checked, expired or was
 *   revoked is shown as such and never counts;
 * - it is about what it is attached to (OB 3.0 §EndorsementSubject: `id` is
 *   the endorsed entity): an endorsement of another issuer or achievement,
 *   copied into this credential, speaks for that one, not for this;
 * - it is not the issuer vouching for itself.
 */
import { type Report, type Verdict } from '../engine';
import { verifiedIssuerId } from './signer';

/** What an endorsement is about, by where it sits (OB 3.0: on the credential, its achievement, the achievement's creator, or the issuer). */
export type EndorsementAbout = 'credential' | 'achievement' | 'creator' | 'issuer';

/** An endorsement as the panels show it. `not-checked`: stated in a format Credlens does not verify endorsements of (OB 2.0). */
export interface EndorsementView {
  /** where it sits in the credential, e.g. `issuer.endorsement[0]` */
  path: string;
  about: EndorsementAbout;
  /** the endorser's name as the endorsement states it, else its identifier */
  endorser: string;
  /** the endorser's identifier, established by the endorsement's own verification; absent unless it verified */
  endorserId?: string;
  comment?: string;
  state: Verdict | 'not-checked';
  /** why a verified endorsement still does not count */
  doesNotCount?: 'self' | 'other-subject';
  /** quality-assurance evidence: verified, about what it is attached to, not the issuer's own */
  counts: boolean;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isJson(v) && typeof v.id === 'string' ? v.id : undefined);
const achievementOf = (vc: Json): Json | undefined => {
  const subject = first(vc.credentialSubject);
  return isJson(subject) && isJson(subject.achievement) ? subject.achievement : undefined;
};

/**
 * Path prefix → what the endorsement is about, and the ids it may name as its
 * subject. The longest prefix comes first (the engine's ENDORSEMENT_HOLDERS
 * writes the same prefixes). An endorsement on the credential itself may be
 * about the credential, its achievement or its issuer (OB 3.0
 * §AchievementCredential `endorsement`).
 */
const ABOUT: ReadonlyArray<readonly [prefix: string, about: EndorsementAbout, subjects: (vc: Json) => Array<string | undefined>]> = [
  ['credentialSubject.achievement.creator.', 'creator', (vc) => [idOf(achievementOf(vc)?.creator)]],
  ['credentialSubject.achievement.', 'achievement', (vc) => [idOf(achievementOf(vc))]],
  ['issuer.', 'issuer', (vc) => [idOf(vc.issuer)]],
  ['', 'credential', (vc) => [idOf(vc), idOf(achievementOf(vc)), idOf(vc.issuer)]],
];

const text = (v: unknown): string | undefined => {
  const s = first(v);
  if (typeof s === 'string') return s.trim() || undefined;
  return isJson(s) && typeof s['@value'] === 'string' ? s['@value'] : undefined;
};

/** The endorsements of a checked credential, from its report parts, in document order. */
export function endorsementsOf(report: Pick<Report, 'parts' | 'credential' | 'summary' | 'technical' | 'format'>): EndorsementView[] {
  const container = isJson(report.credential) ? report.credential : {};
  const issuerIds = new Set([report.summary.issuer?.id, verifiedIssuerId(report)].filter((id): id is string => Boolean(id)));
  return (report.parts ?? [])
    .filter((p) => p.role === 'endorsement')
    .map((part) => {
      const [, about, subjectsOf] = ABOUT.find(([prefix]) => part.path.startsWith(prefix))!;
      const r = part.report;
      const endorsement = isJson(r.credential) ? r.credential : {};
      const subject = first(endorsement.credentialSubject);
      const state = r.verdict;
      const endorserId = state === 'verified' ? verifiedIssuerId(r) : undefined;
      const subjectId = idOf(subject);
      const aboutThis = subjectId !== undefined && subjectsOf(container).includes(subjectId);
      const self = endorserId !== undefined && issuerIds.has(endorserId);
      const doesNotCount = state !== 'verified' ? undefined : self ? 'self' : !aboutThis ? 'other-subject' : undefined;
      // the endorser's own words are quoted only once the endorsement verified: a forged one could say anything
      const comment = state === 'verified' && isJson(subject) ? text(subject.endorsementComment) : undefined;
      return {
        path: part.path,
        about,
        endorser: r.summary.issuer?.name ?? r.summary.issuer?.id ?? part.path,
        ...(endorserId ? { endorserId } : {}),
        ...(comment ? { comment } : {}),
        state,
        ...(doesNotCount ? { doesNotCount } : {}),
        counts: state === 'verified' && !doesNotCount,
      } satisfies EndorsementView;
    });
}
