/**
 * What "says nothing in English" means for a page shown in another language:
 * the texts both show are allowed only when they are the credential's own
 * content, identifiers, the product's name, or strings the two locale files
 * hold alike on purpose. Shared by the rendered-popup unit test and the e2e
 * popup in Chromium.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from './fixtures';

type Table = Record<string, { message: string }>;

/** A packaged locale table (public/_locales/<lang>/messages.json). */
export const loadLocale = (lang: string): Table => JSON.parse(readFileSync(repoPath(`public/_locales/${lang}/messages.json`), 'utf8')) as Table;

/** Texts the two languages write alike ("Format", "$1 ECTS"): the locale files hold them the same on purpose. */
export function sameInBoth(en: Table, other: Table): RegExp[] {
  return Object.keys(en)
    .filter((key) => other[key]?.message === en[key]!.message)
    .map((key) => new RegExp(`^${en[key]!.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$[1-9]/g, '.+')}$`));
}

/** Every string the reports carry: what the credential says is shown as it says it, in any UI language. */
export function credentialStrings(...values: unknown[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v.trim());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return out;
}

/** Not words of the UI: the product's name, identifiers and addresses, check codes. */
export const isLanguageFree = (text: string): boolean =>
  text === 'Credlens' || (!/\s/.test(text) && /[:/@#]/.test(text)) || /^[A-Z0-9_]+$/.test(text) || /^[\d\s.,:/·→↗×–-]+$/.test(text);

/** The English texts still shown by the page in the other language, apart from what is allowed above. */
export function englishLeft(english: Iterable<string>, other: ReadonlySet<string>, allowed: ReadonlySet<string>, alike: readonly RegExp[]): string[] {
  return [...english].filter((text) => other.has(text) && !allowed.has(text) && !isLanguageFree(text) && !alike.some((same) => same.test(text)));
}

/**
 * Every text node and visible attribute under `root` (default: the page's body), trimmed, that
 * holds a letter; codes and JSON (`code`, `pre`) are values, not words. Self-contained, so
 * Playwright can run it in a page: `page.evaluate(shownTexts)`.
 */
export function shownTexts(root?: Element | void): string[] {
  const attributes = ['title', 'aria-label', 'placeholder', 'alt'];
  const out = new Set<string>();
  const walk = (node: Node): void => {
    if (node.nodeType === 1 && ['CODE', 'PRE'].includes((node as Element).tagName)) return;
    if (node.nodeType === 3) {
      const text = node.textContent?.trim() ?? '';
      if (/\p{L}/u.test(text)) out.add(text);
    }
    if (node.nodeType === 1) {
      for (const name of attributes) {
        const value = (node as Element).getAttribute(name)?.trim();
        if (value && /\p{L}/u.test(value)) out.add(value);
      }
    }
    node.childNodes.forEach(walk);
  };
  walk(root ?? document.body);
  return [...out];
}
