/**
 * Reads OB 2.0 / OB 3.0 `alignment[]` entries for the facts the quality
 * profile needs: learning outcomes (competency alignments), EQF/NQF level,
 * ESCO skills and ECTS credits. OB 3.0 has no level field, so an EQF level
 * can only come from an alignment (1EdTech ob_v3p0/common_credentials.lines).
 */
import { isRecord, list, numberOf, plain } from './text';

export interface AlignmentFacts {
  /** alignments that describe a competency or skill (learning outcomes) */
  outcomes: string[];
  /** EQF level from an alignment to the EQF (targetCode or an EQF URI) */
  eqfLevel?: number;
  /** an NQF (national) level alignment, as display text */
  nqf?: string;
  escoSkills: Array<{ uri: string; label?: string }>;
  /** credit points stated by an alignment to the ECTS */
  ects?: number;
  /** true when any alignment names the ECTS (so `creditsAvailable` is in ECTS) */
  mentionsEcts: boolean;
  /** form of participation from an alignment to the EU mode / learning-setting vocabularies */
  participation?: string;
}

/** CASE/CTDL/CEASN competency types (OB 3.0 AlignmentTargetType enumeration) and common spellings. */
const COMPETENCY_TYPE = /^(ceasn:Competency|CFItem|CFRubric|CFRubricCriterion|CFRubricCriterionLevel|CTDL|ceterms:\w+|Competency|Skill|LearningOutcome)$/i;
const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\//;
const EQF_URI = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/;
const EQF_FRAMEWORK = /\bEQF\b|European Qualifications? Framework/i;
const NQF_FRAMEWORK = /\bNQF\b|National Qualifications? Framework/i;
const ECTS_FRAMEWORK = /\bECTS\b|European Credit Transfer/i;
// Europass controlled lists http://data.europa.eu/snb/learning-setting/…, …/snb/mode/… and the
// "Europass Standard List of Modes of Learning and Assessment" (…/snb/learning-assessment/…)
const MODE_URI = /^https?:\/\/data\.europa\.eu\/snb\/(?:learning-setting|mode|learning-assessment)\//;
const MODE_FRAMEWORK = /modes? of (?:learning|delivery)|learning setting|form of participation/i;

/** Extracts the facts above from an `alignment` value (one or many). */
export function readAlignments(value: unknown): AlignmentFacts {
  const facts: AlignmentFacts = { outcomes: [], escoSkills: [], mentionsEcts: false };
  for (const a of list(value)) {
    if (!isRecord(a)) continue;
    readOne(a, facts);
  }
  return facts;
}

function readOne(a: Record<string, unknown>, facts: AlignmentFacts): void {
  const url = plain(a.targetUrl) ?? '';
  const name = plain(a.targetName);
  const framework = plain(a.targetFramework) ?? '';
  const type = plain(a.targetType) ?? '';
  const code = plain(a.targetCode);
  const eqfFromUri = url.match(EQF_URI)?.[1];
  if (eqfFromUri || EQF_FRAMEWORK.test(framework)) {
    const level = numberOf(eqfFromUri ?? code?.replace(/\D/g, ''));
    if (level !== undefined && level >= 1 && level <= 8) facts.eqfLevel ??= level;
    return;
  }
  if (NQF_FRAMEWORK.test(framework)) {
    facts.nqf ??= [framework, code ?? name].filter(Boolean).join(' ');
    return;
  }
  if (ECTS_FRAMEWORK.test(framework) || ECTS_FRAMEWORK.test(name ?? '')) {
    facts.mentionsEcts = true;
    facts.ects ??= numberOf(code);
    return;
  }
  if (MODE_URI.test(url) || MODE_FRAMEWORK.test(framework)) {
    facts.participation ??= name ?? code ?? url;
    return;
  }
  if (ESCO_SKILL.test(url)) {
    facts.escoSkills.push({ uri: url, ...(name ? { label: name } : {}) });
    facts.outcomes.push(name ?? url);
    return;
  }
  if (COMPETENCY_TYPE.test(type) || /skill|competenc/i.test(framework)) facts.outcomes.push(name ?? url);
}
