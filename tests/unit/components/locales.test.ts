import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../lib/engine/errors';
import { EU_ELEMENTS } from '../../../lib/qa/types';
import { VERDICTS } from '../../../lib/engine/report';
import { REPO_ROOT } from '../../support/fixtures';

const root = REPO_ROOT;
const load = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));
const locales = { en: load('en'), de: load('de'), fr: load('fr') };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}|\$([1-9])/g)].map((m) => m[0]).sort();

describe('public/_locales', () => {
  it('English, German and French have the same key set', () => {
    const en = Object.keys(locales.en).sort();
    expect(Object.keys(locales.de).sort()).toEqual(en);
    expect(Object.keys(locales.fr).sort()).toEqual(en);
  });

  it('uses only key names browsers accept and never an empty message', () => {
    for (const table of Object.values(locales)) {
      for (const [key, value] of Object.entries(table)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(value.message.trim()).not.toBe('');
        // a lone "$" that is not a substitution would be swallowed by the browser
        expect(value.message.replace(/\$[1-9]|\$\$/g, '')).not.toContain('$');
      }
    }
  });

  it('has a message for every verdict, EU element and engine code', () => {
    for (const v of VERDICTS) expect(locales.en[`verdict_${v}`]).toBeDefined();
    for (const e of EU_ELEMENTS) expect(locales.en[`element_${e}`]).toBeDefined();
    for (const code of Object.keys(MESSAGES)) expect(locales.en[`code_${code}`], code).toBeDefined();
  });

  it('English code messages are exactly the engine messages', () => {
    for (const [code, text] of Object.entries(MESSAGES)) expect(locales.en[`code_${code}`]!.message).toBe(text);
  });

  it('translations keep every placeholder of the English text', () => {
    for (const [key, { message }] of Object.entries(locales.en)) {
      expect(placeholders(locales.de[key]!.message), `de ${key}`).toEqual(placeholders(message));
      expect(placeholders(locales.fr[key]!.message), `fr ${key}`).toEqual(placeholders(message));
    }
  });

  it('German and French are translated, not copies of English', () => {
    const same = Object.keys(locales.en).filter((k) => locales.de[k]!.message === locales.en[k]!.message);
    expect(same.length).toBeLessThan(12); // names, formats and units may legitimately stay the same
  });
});
