/**
 * Small readers shared by the quality-profile mappers: plain text out of
 * JSON-LD values, and "does the prose mention X" searches that remember
 * which field the mention came from.
 */
import type { ElementFinding, ElementPresence, EuElement, ValueWords } from './types';

/** A prose field and the path it was read from, for "free-text" findings. */
export interface TextSource {
  path: string;
  text: string;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** OB 3.0 / VC 2.0 allow language maps ({"en": "…"}) and value objects; take one plain string. */
export function plain(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return plain(v[0]);
  if (isRecord(v)) {
    if (typeof v['@value'] === 'string') return plain(v['@value']);
    return plain(Object.values(v).find((x) => typeof x === 'string'));
  }
  return undefined;
}

/** Collects the prose fields that exist, skipping empty ones. */
export function sources(entries: Array<[string, unknown]>): TextSource[] {
  const out: TextSource[] = [];
  for (const [path, value] of entries) {
    const text = plain(value);
    if (text) out.push({ path, text });
  }
  return out;
}

/** The first prose field matching `pattern`, with the match. */
export function firstMention(from: readonly TextSource[], pattern: RegExp): { path: string; match: RegExpMatchArray } | undefined {
  for (const s of from) {
    const match = s.text.match(pattern);
    if (match) return { path: s.path, match };
  }
  return undefined;
}

/** Shortens prose for display next to a finding. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Builds one element finding; `value` is omitted when empty; `words` when Credlens composed the value (see ElementFinding.words). */
export function finding(element: EuElement, presence: ElementPresence, source?: string, value?: string, words?: ValueWords[]): ElementFinding {
  return {
    element,
    presence,
    ...(source ? { source } : {}),
    ...(value ? { value: excerpt(value) } : {}),
    ...(words?.length ? { words } : {}),
  };
}

/** A composed part of a value, by its locale key: `say('eqfLevel', 6)` is "EQF level 6" in English. */
export const say = (key: string, ...args: Array<string | number>): ValueWords => (args.length ? { key, args } : { key });

export const absent = (element: EuElement): ElementFinding => ({ element, presence: 'absent' });

/** A number from a JSON value that may be a number or a numeric string. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(?:[.,]\d+)?\s*$/.test(v)) return Number(v.replace(',', '.'));
  return undefined;
}

// Prose patterns. Each is deliberately narrow: a false "present" is worse than "absent".
export const EQF_IN_TEXT = /\b(?:EQF|European Qualifications? Framework)\s*(?:level\s*)?([1-8])\b|\blevel\s*([1-8])\s*(?:of the\s*|on the\s*)?(?:EQF|European Qualifications? Framework)\b/i;
export const NQF_IN_TEXT = /\b(?:NQF|national qualifications? framework)\s*(?:level\s*)?(\d{1,2})\b/i;
export const HOURS_IN_TEXT = /\b(\d{1,4}(?:[.,]\d+)?)\s*(?:-|\s)?(?:hours?|hrs?|h)\b(?!\w)/i;
export const ECTS_IN_TEXT = /\b(\d{1,3}(?:[.,]\d+)?)\s*(?:ECTS|European Credit)/i;
export const ASSESSMENT_IN_TEXT = /\b(exam(?:ination)?s?|assess(?:ed|ment)|tested|test|quiz(?:zes)?|graded|grade|evaluat(?:ed|ion)|proctored|supervised)\b/i;
export const PARTICIPATION_IN_TEXT = /\b(online|in[- ]person|blended|face[- ]to[- ]face|on[- ]site|on[- ]campus|remote(?:ly)?|self[- ]paced|hybrid|distance learning)\b/i;
export const ATTENDANCE_IN_TEXT = /\b(attend(?:ed|ance|ing)?|participat(?:ed|ion|ing)|completed the course|completion of)\b/i;
export const QA_IN_TEXT = /\b(accredit(?:ed|ation)|quality[- ]assur(?:ed|ance)|quality[- ]assured)\b/i;
