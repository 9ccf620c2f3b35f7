/**
 * Quality profile of an Open Badges 3.0 / CLR credential: where each of the
 * eleven standard elements of the EU Council Recommendation on
 * micro-credentials (Annex I) sits in 1EdTech ob_v3p0/common_credentials.lines. OB 3.0 has no field for level
 * or form of participation, so those can only be alignments or prose.
 */
import { readAlignments, type AlignmentFacts } from './alignment';
import { readCtdl } from './ctdl';
import { finishProfile } from './finish';
import {
  absent, ASSESSMENT_IN_TEXT, ECTS_IN_TEXT, EQF_IN_TEXT, finding, firstMention, HOURS_IN_TEXT, isRecord, list,
  NQF_IN_TEXT, numberOf, PARTICIPATION_IN_TEXT, plain, QA_IN_TEXT, say, sources, type TextSource,
} from './text';
import type { ElementFinding, EndorsementView, QualityProfile } from './types';

const A = 'credentialSubject.achievement';

interface Ob3View {
  vc: Record<string, unknown>;
  issuer: Record<string, unknown>;
  subject: Record<string, unknown>;
  achievement: Record<string, unknown>;
  alignments: AlignmentFacts;
  prose: TextSource[];
}

function view(credential: unknown): Ob3View {
  const vc = isRecord(credential) ? credential : {};
  const subject = list(vc.credentialSubject).find(isRecord) ?? {};
  const achievement = isRecord(subject.achievement) ? subject.achievement : {};
  const criteria = isRecord(achievement.criteria) ? achievement.criteria : {};
  return {
    vc,
    issuer: isRecord(vc.issuer) ? vc.issuer : typeof vc.issuer === 'string' ? { id: vc.issuer } : {},
    subject,
    achievement,
    alignments: readAlignments(achievement.alignment),
    prose: sources([
      [`${A}.description`, achievement.description],
      [`${A}.criteria.narrative`, criteria.narrative],
      ['description', vc.description],
    ]),
  };
}

/**
 * Profiles an OB 3.0 credential (the signed payload); never throws on odd
 * shapes. `endorsements` are the credential's endorsements as verified by the
 * engine (lib/trust/endorsements.ts `endorsementsOf`); an endorsement the
 * credential carries but that is not among them was not verified, so it
 * never counts as quality assurance (SECURITY.md row 61).
 */
export function profileOb3(credential: unknown, endorsements: readonly EndorsementView[] = []): QualityProfile {
  const v = view(credential);
  const workload = workloadOf(v);
  const level = levelOf(v);
  const elements: ElementFinding[] = [
    learnerOf(v), titleOf(v), countryOf(v), awardingBodyOf(v), dateOf(v), outcomesOf(v),
    workload.finding, level.finding, assessmentOf(v), participationOf(v), qualityAssuranceOf(v, endorsements),
  ];
  const ctdl = readCtdl(v.achievement, v.issuer, { achievement: A, issuer: 'issuer' });
  return finishProfile(elements, {
    eqfLevel: level.eqf,
    workloadHours: workload.hours,
    ects: workload.ects,
    escoSkills: v.alignments.escoSkills,
    achievementType: plain(v.achievement.achievementType),
    prose: v.prose,
    endorsements,
    ...(ctdl.ctdlType ? { ctdlType: ctdl.ctdlType } : {}),
    registry: ctdl.registry,
  });
}

function learnerOf({ subject }: Ob3View): ElementFinding {
  const id = plain(subject.id);
  if (id) return finding('learner', 'present', 'credentialSubject.id', id);
  // IdentityObject: show the identifier type only, never the (possibly hashed) value
  const types = list(subject.identifier).filter(isRecord).map((i) => plain(i.identityType) ?? 'identifier');
  if (types.length) return finding('learner', 'present', 'credentialSubject.identifier', types.join(', '));
  return absent('learner');
}

function titleOf({ vc, achievement }: Ob3View): ElementFinding {
  const name = plain(achievement.name);
  if (name) return finding('title', 'present', `${A}.name`, name);
  const own = plain(vc.name);
  return own ? finding('title', 'present', 'name', own) : absent('title');
}

function countryOf({ issuer }: Ob3View): ElementFinding {
  const address = isRecord(issuer.address) ? issuer.address : {};
  for (const key of ['addressCountryCode', 'addressCountry', 'addressRegion']) {
    const value = plain(address[key]);
    if (value) return finding('issuerCountry', 'present', `issuer.address.${key}`, value);
  }
  return absent('issuerCountry');
}

function awardingBodyOf({ issuer, achievement, subject }: Ob3View): ElementFinding {
  const name = plain(issuer.name);
  if (name) return finding('awardingBody', 'present', 'issuer.name', name);
  const creator = isRecord(achievement.creator) ? plain(achievement.creator.name) : undefined;
  if (creator) return finding('awardingBody', 'present', `${A}.creator.name`, creator);
  const source = isRecord(subject.source) ? plain(subject.source.name) : undefined;
  if (source) return finding('awardingBody', 'present', 'credentialSubject.source.name', source);
  const id = plain(issuer.id);
  return id ? finding('awardingBody', 'present', 'issuer.id', id) : absent('awardingBody');
}

function dateOf({ vc }: Ob3View): ElementFinding {
  for (const key of ['validFrom', 'issuanceDate', 'awardedDate']) {
    const value = plain(vc[key]);
    if (value) return finding('dateOfIssue', 'present', key, value);
  }
  return absent('dateOfIssue');
}

function outcomesOf({ achievement, alignments, prose }: Ob3View): ElementFinding {
  if (alignments.outcomes.length) return finding('learningOutcomes', 'present', `${A}.alignment`, alignments.outcomes.join('; '));
  const described = list(achievement.resultDescription).filter(isRecord).map((r) => plain(r.name)).filter(Boolean);
  if (described.length) return finding('learningOutcomes', 'present', `${A}.resultDescription`, described.join('; '));
  // OB 3.0 has no learning-outcome list: the description and criteria may still state them in prose
  const text = prose.find((s) => s.path !== 'description');
  return text ? finding('learningOutcomes', 'free-text', text.path, text.text) : absent('learningOutcomes');
}

function workloadOf({ achievement, subject, alignments, prose }: Ob3View): { finding: ElementFinding; hours?: number; ects?: number } {
  const available = numberOf(achievement.creditsAvailable);
  const earned = numberOf(subject.creditsEarned);
  const credits = available ?? earned;
  const path = available !== undefined ? `${A}.creditsAvailable` : 'credentialSubject.creditsEarned';
  const proseEcts = firstMention(prose, ECTS_IN_TEXT);
  const ects = alignments.ects ?? (credits !== undefined && (alignments.mentionsEcts || proseEcts) ? credits : undefined);
  const hoursMention = firstMention(prose, HOURS_IN_TEXT);
  const hours = hoursMention ? numberOf(hoursMention.match[1]) : undefined;
  if (credits !== undefined) {
    const unit = ects !== undefined ? 'ECTS' : 'credits';
    return { finding: finding('workload', 'present', path, `${credits} ${unit}`, [ects !== undefined ? say('ectsPoints', credits) : say('creditsCount', credits)]), hours, ects };
  }
  if (alignments.ects !== undefined) return { finding: finding('workload', 'present', `${A}.alignment`, `${alignments.ects} ECTS`, [say('ectsPoints', alignments.ects)]), hours, ects };
  const mention = proseEcts ?? hoursMention;
  if (!mention) return { finding: absent('workload') };
  const proseEctsValue = proseEcts ? numberOf(proseEcts.match[1]) : undefined;
  return { finding: finding('workload', 'free-text', mention.path, mention.match[0]), hours, ects: proseEctsValue };
}

function levelOf({ alignments, prose }: Ob3View): { finding: ElementFinding; eqf?: number } {
  if (alignments.eqfLevel !== undefined) {
    return { finding: finding('level', 'present', `${A}.alignment`, `EQF level ${alignments.eqfLevel}`, [say('eqfLevel', alignments.eqfLevel)]), eqf: alignments.eqfLevel };
  }
  if (alignments.nqf) return { finding: finding('level', 'present', `${A}.alignment`, alignments.nqf) };
  const eqf = firstMention(prose, EQF_IN_TEXT);
  if (eqf) {
    const level = numberOf(eqf.match[1] ?? eqf.match[2]);
    return { finding: finding('level', 'free-text', eqf.path, eqf.match[0]), eqf: level };
  }
  const nqf = firstMention(prose, NQF_IN_TEXT);
  return { finding: nqf ? finding('level', 'free-text', nqf.path, nqf.match[0]) : absent('level') };
}

function assessmentOf({ achievement, subject, prose }: Ob3View): ElementFinding {
  const resultTypes = list(achievement.resultDescription).filter(isRecord).map((r) => plain(r.resultType)).filter(Boolean);
  if (resultTypes.length) return finding('assessment', 'present', `${A}.resultDescription.resultType`, resultTypes.join(', '));
  // Assessment Extension (extensions/assessmentExtension/v2p0): assessmentType ∈ Exam/Performance/Artifact
  for (const [path, holder] of [[`${A}.assessmentType`, achievement], [`${A}.assessment.assessmentType`, achievement.assessment]] as const) {
    const type = isRecord(holder) ? plain(holder.assessmentType) : undefined;
    if (type) return finding('assessment', 'present', path, type);
  }
  const results = list(subject.result).filter(isRecord);
  if (results.length) return finding('assessment', 'present', 'credentialSubject.result', results.map((r) => plain(r.value) ?? plain(r.status)).filter(Boolean).join(', '));
  const mention = firstMention(prose, ASSESSMENT_IN_TEXT);
  return mention ? finding('assessment', 'free-text', mention.path, mention.match[0]) : absent('assessment');
}

function participationOf({ alignments, prose }: Ob3View): ElementFinding {
  if (alignments.participation) return finding('participation', 'present', `${A}.alignment`, alignments.participation);
  // OB 3.0 has no field for the form of participation (ob_v3p0/common_credentials.lines): otherwise prose only
  const mention = firstMention(prose, PARTICIPATION_IN_TEXT);
  return mention ? finding('participation', 'free-text', mention.path, mention.match[0]) : absent('participation');
}

function qualityAssuranceOf({ vc, issuer, achievement, prose }: Ob3View, endorsements: readonly EndorsementView[]): ElementFinding {
  const accreditations = list(issuer.accreditations).filter(isRecord);
  if (accreditations.length) {
    const names = accreditations.map((a) => plain(a.name) ?? (isRecord(a.accreditingAgent) ? plain(a.accreditingAgent.name) : undefined) ?? plain(a.id));
    const named = names.filter(Boolean).join('; ');
    return named ? finding('qualityAssurance', 'present', 'issuer.accreditations', named) : finding('qualityAssurance', 'present', 'issuer.accreditations', 'accreditation', [say('qaAccreditation')]);
  }
  // an EndorsementCredential is itself a third party's statement about the subject (OB 3.0 §EndorsementCredential)
  if (list(vc.type).includes('EndorsementCredential')) {
    const subject = list(vc.credentialSubject).find(isRecord);
    const comment = plain(subject?.endorsementComment);
    return comment ? finding('qualityAssurance', 'present', 'type', comment) : finding('qualityAssurance', 'present', 'type', 'EndorsementCredential', [say('qaEndorsementCredential')]);
  }
  if (plain(achievement.achievementType) === 'QualityAssuranceCredential') {
    return finding('qualityAssurance', 'present', `${A}.achievementType`, 'QualityAssuranceCredential', [say('ctdl_QualityAssuranceCredential')]);
  }
  // an endorsement counts only once verified, about this credential, by someone other than the issuer (SECURITY.md row 61)
  const counted = endorsements.filter((e) => e.counts);
  // the one quality assurance an OB 3.0 credential can carry that Credlens verified
  const endorsers = counted.map((e) => e.endorser).join('; ');
  if (counted.length) return { ...finding('qualityAssurance', 'present', counted[0]!.path, `Endorsed by ${endorsers}`, [say('qaEndorsedBy', endorsers)]), checked: true };
  const mention = firstMention(prose, QA_IN_TEXT);
  if (mention) return finding('qualityAssurance', 'free-text', mention.path, mention.match[0]);
  // endorsements that did not verify (or were never verified) are listed with their state, not counted
  const stated = endorsements[0]?.path ?? statedEndorsementPath(vc, achievement, issuer);
  return stated ? { element: 'qualityAssurance', presence: 'absent', source: stated } : absent('qualityAssurance');
}

/** Where the credential states an endorsement, when none was verified (or the profile was built without the engine's parts). */
function statedEndorsementPath(vc: Record<string, unknown>, achievement: Record<string, unknown>, issuer: Record<string, unknown>): string | undefined {
  for (const [path, holder] of [['endorsement', vc], [`${A}.endorsement`, achievement], ['issuer.endorsement', issuer]] as const) {
    if (list(holder.endorsement).length + list(holder.endorsementJwt).length) return path;
  }
  return undefined;
}
