/**
 * HR Open LER-RS (Learning and Employment Record – Resume Standard, 4.x): a
 * résumé as a W3C credential. Its subject (or a `resume` / `lerRs` member of
 * it) holds the résumé's sections; the summary lists them with a short label
 * per entry, so a recruiter sees what the signed résumé claims.
 *
 * HR Open publishes LER-RS as JSON Schemas, not as a JSON-LD context: no
 * context for its terms can be bundled from a verifiable source, so a Data
 * Integrity proof over LER-RS terms, which an issuer can only make with an
 * inline or remote context, is DI_CONTEXT_NOT_ALLOWED ("could not be
 * checked"). A résumé secured as a VC-JWT signs the JSON itself and is verified.
 */
import type { CredentialSummary, SummarySection } from '../../report';
import { asArray, isObject, str } from '../../util/json';

// summary.ts reads text the same way (and imports this file, so it cannot be imported from here).
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : isObject(v) ? (typeof v['@value'] === 'string' ? v['@value'] : undefined) : Array.isArray(v) ? text(v[0]) : undefined;

const LER_RS_TYPE = /LER-?RS/i;

/** The résumé sections, in the order LER-RS 4.x lists them. */
const LER_RS_SECTIONS = [
  'narratives',
  'employmentHistories',
  'educationAndLearnings',
  'certifications',
  'licenses',
  'skills',
  'positionPreferences',
  'employmentPreferences',
  'attachments',
] as const;

/** Entries labelled per section; `count` says how many there are in all. */
const ITEMS_SHOWN = 10;
const LABEL_CHARS = 120;

/** A credential whose type, or whose subject's type, names LER-RS (`LERRSCredential`, the LER-RS schema URL). */
export function isLerRs(credential: Record<string, unknown>): boolean {
  const subjectTypes = asArray(credential.credentialSubject).flatMap((s) => (isObject(s) ? asArray(s.type) : []));
  return [...asArray(credential.type), ...subjectTypes].some((t) => typeof t === 'string' && LER_RS_TYPE.test(t));
}

/** The résumé's sections, and the person's name when the subject has none of its own; empty for other credentials. */
export function lerRsSummary(credential: Record<string, unknown>): Pick<CredentialSummary, 'sections' | 'subject'> {
  if (!isLerRs(credential)) return {};
  const subject = asArray(credential.credentialSubject).find(isObject) ?? {};
  const resume = [subject.resume, subject.lerRs, subject.lerrs].find(isObject) ?? subject;
  const sections: SummarySection[] = LER_RS_SECTIONS.flatMap((name) => {
    const entries = asArray(resume[name]).filter((e) => e !== undefined && e !== null);
    if (entries.length === 0) return [];
    return [{ name, count: entries.length, items: entries.slice(0, ITEMS_SHOWN).map(entryLabel).filter((l): l is string => l !== undefined) }];
  });
  const person = isObject(resume.person) ? resume.person : undefined;
  const personName = person ? ((isObject(person.name) ? text(person.name.formattedName) : text(person.name)) ?? text(person.formattedName)) : undefined;
  const named = text(subject.name) !== undefined || personName === undefined;
  return { sections, ...(named ? {} : { subject: { id: str(subject.id), name: personName.slice(0, LABEL_CHARS) } }) };
}

/** A short label for one résumé entry: who (employer, institution, issuer) and what (title, degree, name). */
function entryLabel(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.slice(0, LABEL_CHARS);
  if (!isObject(entry)) return undefined;
  const nameOf = (v: unknown) => (isObject(v) ? text(v.name) : text(v));
  const who = nameOf(entry.employer) ?? nameOf(entry.organization) ?? nameOf(entry.institution) ?? nameOf(entry.issuingAuthority) ?? nameOf(entry.issuer);
  const position = asArray(entry.positionHistories).find(isObject);
  const degree = asArray(entry.educationDegrees).find(isObject);
  const what = text(entry.title) ?? text(position?.title) ?? nameOf(degree) ?? text(entry.name) ?? text(entry.positionTitle) ?? text(entry.content) ?? text(entry.description);
  const label = [who, what].filter((p): p is string => p !== undefined && p.length > 0).join(' — ');
  return label.length > 0 ? label.slice(0, LABEL_CHARS) : undefined;
}
