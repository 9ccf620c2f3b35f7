/**
 * Quality profile of an Open Badges 2.0 assertion with its BadgeClass and
 * issuer Profile (1EdTech OB 2.0 vocabulary). OB 2.0 has even fewer fields
 * than OB 3.0: no issuer address, no credits, so most elements are prose.
 */
import { readAlignments } from './alignment';
import { readCtdl } from './ctdl';
import { finishProfile } from './finish';
import {
  absent, ASSESSMENT_IN_TEXT, ECTS_IN_TEXT, EQF_IN_TEXT, finding, firstMention, HOURS_IN_TEXT, isRecord, list,
  numberOf, PARTICIPATION_IN_TEXT, plain, QA_IN_TEXT, say, sources, type TextSource,
} from './text';
import type { ElementFinding, EndorsementView, QualityProfile } from './types';

/** The three OB 2.0 objects; BadgeClass and issuer may be embedded in the assertion instead. */
export interface Ob2Parts {
  assertion: unknown;
  badgeClass?: unknown;
  issuer?: unknown;
}

/** An embedded object, or a bare IRI reference kept as `{ id }`. */
const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : typeof v === 'string' ? { id: v } : {});

/** Profiles an OB 2.0 badge; missing parts are looked up inside the assertion (`badge`, `badge.issuer`). */
export function profileOb2(parts: Ob2Parts): QualityProfile {
  const assertion = rec(parts.assertion);
  const badge = rec(parts.badgeClass ?? assertion.badge);
  const issuer = rec(parts.issuer ?? badge.issuer);
  const criteria = rec(badge.criteria);
  const prose = sources([['badge.description', badge.description], ['badge.criteria.narrative', criteria.narrative]]);
  const alignments = readAlignments(badge.alignment);
  const eqfMention = firstMention(prose, EQF_IN_TEXT);
  const hours = firstMention(prose, HOURS_IN_TEXT);
  const ects = firstMention(prose, ECTS_IN_TEXT);
  const eqfLevel = alignments.eqfLevel ?? (eqfMention ? numberOf(eqfMention.match[1] ?? eqfMention.match[2]) : undefined);
  const endorsements = statedEndorsements(assertion, badge, issuer);
  const elements: ElementFinding[] = [
    learnerOf(assertion),
    plain(badge.name) ? finding('title', 'present', 'badge.name', plain(badge.name)) : absent('title'),
    absent('issuerCountry'), // OB 2.0 Profile has no address property
    awardingBodyOf(issuer),
    plain(assertion.issuedOn) ? finding('dateOfIssue', 'present', 'issuedOn', plain(assertion.issuedOn)) : absent('dateOfIssue'),
    outcomesOf(alignments.outcomes, prose),
    mention('workload', ects ?? hours),
    alignments.eqfLevel !== undefined
      ? finding('level', 'present', 'badge.alignment', `EQF level ${alignments.eqfLevel}`, [say('eqfLevel', alignments.eqfLevel)])
      : mention('level', eqfMention),
    mention('assessment', firstMention(prose, ASSESSMENT_IN_TEXT)),
    mention('participation', firstMention(prose, PARTICIPATION_IN_TEXT)),
    qualityAssuranceOf(endorsements, prose),
  ];
  const ctdl = readCtdl(badge, issuer, { achievement: 'badge', issuer: 'badge.issuer' });
  return finishProfile(elements, {
    eqfLevel,
    workloadHours: hours ? numberOf(hours.match[1]) : undefined,
    ects: alignments.ects ?? (ects ? numberOf(ects.match[1]) : undefined),
    escoSkills: alignments.escoSkills,
    prose,
    endorsements,
    ...(ctdl.ctdlType ? { ctdlType: ctdl.ctdlType } : {}),
    registry: ctdl.registry,
  });
}

function mention(element: ElementFinding['element'], found: { path: string; match: RegExpMatchArray } | undefined): ElementFinding {
  return found ? finding(element, 'free-text', found.path, found.match[0]) : absent(element);
}

function learnerOf(assertion: Record<string, unknown>): ElementFinding {
  const recipient = rec(assertion.recipient);
  // the identity may be a salted hash: show its type, never the value
  if (plain(recipient.identity)) return finding('learner', 'present', 'recipient.identity', plain(recipient.type) ?? 'identity');
  return absent('learner');
}

function awardingBodyOf(issuer: Record<string, unknown>): ElementFinding {
  const name = plain(issuer.name);
  if (name) return finding('awardingBody', 'present', 'badge.issuer.name', name);
  const id = plain(issuer.id);
  return id ? finding('awardingBody', 'present', 'badge.issuer.id', id) : absent('awardingBody');
}

function outcomesOf(outcomes: string[], prose: TextSource[]): ElementFinding {
  if (outcomes.length) return finding('learningOutcomes', 'present', 'badge.alignment', outcomes.join('; '));
  const text = prose[0];
  return text ? finding('learningOutcomes', 'free-text', text.path, text.text) : absent('learningOutcomes');
}

/**
 * OB 2.0 Endorsements (hosted or signed documents of their own) are not
 * verified by Credlens: they are listed as stated and never count as quality
 * assurance (SECURITY.md row 61).
 */
function statedEndorsements(assertion: Record<string, unknown>, badge: Record<string, unknown>, issuer: Record<string, unknown>): EndorsementView[] {
  const holders = [['endorsement', assertion, 'credential'], ['badge.endorsement', badge, 'achievement'], ['badge.issuer.endorsement', issuer, 'issuer']] as const;
  return holders.flatMap(([path, holder, about]) =>
    list(holder.endorsement).map((e, i) => {
      const endorsement = rec(e);
      const endorser = rec(endorsement.issuer);
      return { path: `${path}[${i}]`, about, endorser: plain(endorser.name) ?? plain(endorser.id) ?? plain(endorsement.id) ?? `${path}[${i}]`, state: 'not-checked' as const, counts: false };
    }),
  );
}

function qualityAssuranceOf(endorsements: readonly EndorsementView[], prose: TextSource[]): ElementFinding {
  const found = mention('qualityAssurance', firstMention(prose, QA_IN_TEXT));
  if (found.presence !== 'absent' || !endorsements.length) return found;
  return { element: 'qualityAssurance', presence: 'absent', source: endorsements[0]!.path.replace(/\[\d+\]$/, '') };
}
