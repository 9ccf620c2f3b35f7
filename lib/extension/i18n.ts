/**
 * Localised UI strings through the browser's i18n (public/_locales), with
 * the English table as fallback where `browser.i18n` is missing (unit tests,
 * a message added without a rebuild). `browser.i18n.getMessage` always
 * answers in the browser's language, so a language chosen in the settings is
 * honoured by loading that translation's table (components/Locale) and
 * asking it first: chosen locale → browser → English → the key itself. Positional substitutions use `$1`…`$9`
 * as in messages.json; check messages keep the engine's `{name}` placeholders
 * (lib/engine/messages.ts), which are filled from the check's detail here.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';
import { type Check } from '../engine';

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

/** The localised string for `key`; the key itself when nobody knows it (a visible bug, never a crash). */
export function t(key: string, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
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

/** A check's plain-language message in the UI language, from its code; the engine's English text otherwise. */
export function checkMessage(check: Pick<Check, 'code' | 'message' | 'detail'>): string {
  // a passing check may carry its own specific message (e.g. "Signed by did:web:…"): keep it
  if (check.code === 'OK' && check.message && check.message !== 'Passed') return check.message;
  const key = `code_${check.code}`;
  if (!hasMessage(key)) return check.message;
  return fillNamed(t(key), check.detail);
}

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
