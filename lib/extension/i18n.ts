/**
 * Localised UI strings through the browser's i18n (public/_locales), with
 * the English table as fallback where `browser.i18n` is missing (unit tests,
 * a message added without a rebuild). `browser.i18n.getMessage` always
 * answers in the browser's language, so a language chosen in the settings is
 * honoured by loading that translation's table (lib/extension/locale.ts) and
 * asking it first: chosen locale → browser → English → the key itself. Positional substitutions use `$1`…`$9`
 * as in messages.json; check messages keep the engine's `{name}` placeholders
 * (lib/engine/messages.ts), which are filled from the check's detail here.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';
import { type Check, type Format } from '../engine';
import { matchCheckText } from './check-texts';

type Table = Record<string, { message: string }>;
const EN: Table = english as Table;

/** The translations Credlens ships (public/_locales/<locale>/messages.json). */
export const UI_LOCALES = ['en', 'de', 'fr'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** True for a language setting that names a shipped translation (not 'auto', not junk). */
export const isUiLocale = (value: unknown): value is UiLocale => (UI_LOCALES as readonly unknown[]).includes(value);

let chosen: Table | undefined;

/**
 * Makes `t()` ask this messages.json table first (the language chosen in
 * the settings). Entries without a string `message` are ignored; `undefined`
 * (or anything that is not an object) goes back to the browser's language.
 */
export function setChosenMessages(table: unknown): void {
  if (typeof table !== 'object' || table === null) {
    chosen = undefined;
    return;
  }
  const valid: Table = {};
  for (const [key, entry] of Object.entries(table as Record<string, unknown>)) {
    const message = (entry as { message?: unknown } | null)?.message;
    if (typeof message === 'string' && message !== '') valid[key] = { message };
  }
  chosen = valid;
}

function fromChosen(key: string, subs: string[]): string {
  const template = chosen?.[key]?.message;
  return template === undefined ? '' : substitute(template, subs);
}

function fromBrowser(key: string, subs: string[]): string {
  try {
    // keys are dynamic (codes, verdicts), so the generated key union of wxt prepare does not apply
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string | undefined;
    return getMessage(key, subs) || '';
  } catch {
    return ''; // no i18n API here (tests): fall back to English
  }
}

/** Fills `$1`…`$9` (and `$$` for a dollar sign) the way browsers do. */
export function substitute(template: string, subs: readonly string[]): string {
  return template.replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : subs[Number(n) - 1] ?? ''));
}

/** The localised string for `key`; the key itself when nobody knows it (a visible bug, never a crash). Numbers are written the UI language's way. */
export function t(key: string, ...subs: Array<string | number>): string {
  const strings = subs.map((s) => (typeof s === 'number' ? formatNumber(s) : s));
  const localised = fromChosen(key, strings) || fromBrowser(key, strings);
  if (localised) return localised;
  const en = EN[key]?.message;
  return en === undefined ? key : substitute(en, strings);
}

/**
 * A count in words: the `<key>_<category>` string for the UI language's plural
 * category of `n` (Intl.PluralRules: one, other, …), `_other` when the
 * language has no string of its own for that category; `$1` is `n`.
 * @example tn('summaryFound', 3) // "3 credentials on this page"
 */
export function tn(key: string, n: number, ...more: Array<string | number>): string {
  let category = 'other';
  try {
    category = new Intl.PluralRules(uiLanguage()).select(n);
  } catch {
    // an unknown language tag: the general form
  }
  return t(hasMessage(`${key}_${category}`) ? `${key}_${category}` : `${key}_other`, n, ...more);
}

/** True when a string exists for `key` (in any locale, through the English table). */
export const hasMessage = (key: string): boolean => key in EN;

/**
 * Fills `{name}` placeholders from a check's detail, dropping unknown ones
 * with their brackets, exactly like lib/engine/messages.ts `messageFor`.
 */
export function fillNamed(template: string, detail: Record<string, string | number | boolean> = {}): string {
  return template
    .replace(/\{(\w+)\}/g, (_, k: string) => (detail[k] === undefined ? '\u0000' : String(detail[k])))
    .replace(/ ?\(\u0000\)|: \u0000| ?[„«“"]\s?\u0000\s?[“»"]|\u0000/g, '')
    .trim();
}

/** Codes whose checks may carry a message of their own instead of the code's text (lib/engine/checks/result.ts `pass`, `skip`). */
const OWN_TEXT_CODES: ReadonlySet<string> = new Set(['OK', 'SKIPPED', 'NOT_APPLICABLE']);

/** A date in a check's detail or message ("2026-01-01", "2026-01-01T12:00:00Z"), which is shown in the UI language. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A check's plain-language message in the UI language: a failure or a check
 * that could not run by its code (`code_<CODE>`, filled from its detail); a
 * pass or skip with words of its own by those words (lib/extension/check-texts.ts);
 * the engine's English text for anything neither knows. Dates and numbers
 * are written the UI language's way, never as ISO strings.
 */
export function checkMessage(check: Pick<Check, 'code' | 'message' | 'detail'>): string {
  const key = `code_${check.code}`;
  if (OWN_TEXT_CODES.has(check.code) && check.message && check.message !== (EN[key]?.message ?? '')) {
    const known = matchCheckText(check.message);
    if (!known) return check.message;
    const { row, values } = known;
    const shown = values.map((v, i) => (row.dates?.includes(i + 1) ? formatDate(v) ?? v : /^\d+$/.test(v) ? Number(v) : v));
    if (row.count === undefined) return t(row.key, ...shown);
    const n = Number(values[row.count - 1]);
    return tn(row.key, n, ...shown.filter((_, i) => i !== row.count! - 1));
  }
  if (!hasMessage(key)) return check.message;
  const detail = Object.fromEntries(
    Object.entries(check.detail ?? {}).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) ?? v : v]),
  );
  return fillNamed(t(key), detail);
}

/** How a date is written: a day (credential dates, in UTC so a date is never shifted a day), or a day and a local time (when a check ran). */
export type DateStyle = 'date' | 'dateTime';

/**
 * An ISO date in the UI language ("1 März 2025", "1 mars 2025, 14:05");
 * undefined for no date, and anything unparseable as it is given (cut at 40
 * characters), so a credential's odd value is shown rather than hidden.
 */
export function formatDate(iso: string | undefined, style: DateStyle = 'date', language = uiLanguage()): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 40);
  const options: Intl.DateTimeFormatOptions = style === 'date' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date); // an unknown language tag
  }
}

/** A number in the UI language ("1,234.5", "1.234,5", "1 234,5"). */
export function formatNumber(n: number, language = uiLanguage()): string {
  try {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
  } catch {
    return String(n);
  }
}

/**
 * The text of an error code in the UI language (`code_<CODE>`), for answers
 * that carry a code and its English text (the history's storage errors, a
 * refused message): `english` when no locale knows the code.
 */
export function codeMessage(code: string, english: string = code): string {
  return hasMessage(`code_${code}`) ? fillNamed(t(`code_${code}`)) : english;
}

/** A credential format in words ("Open Badges 2.0, hosted by the issuer") rather than its code. */
export const formatName = (format: Format): string => t(`format_${format.replace(/-/g, '_')}`);

/**
 * The language the extension's strings are shown in, for `<html lang>` and
 * date formatting, so dates match the words around them. Read from the
 * translation itself (`uiLocale`): `@@ui_locale` can name the browser's
 * language even when another translation was chosen.
 */
export function uiLanguage(): string {
  const locale = fromChosen('uiLocale', []) || fromBrowser('uiLocale', []);
  if (locale) return locale;
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}
