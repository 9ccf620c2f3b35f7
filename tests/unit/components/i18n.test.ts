import { describe, expect, it } from 'vitest';
import { checkMessage, fillNamed, substitute, t } from '../../../lib/extension/i18n';
import { messageFor } from '../../../lib/engine/errors';
import { repoPath } from '../../support/fixtures';

describe('lib/extension/i18n', () => {
  it('falls back to English with $n substitutions', () => {
    expect(t('verdict_unverifiable')).toBe('Could not be checked');
    expect(t('issuedOn', '2024-01-02')).toBe('Issued 2024-01-02');
    expect(t('no_such_key')).toBe('no_such_key');
  });

  it('substitutes like browsers do', () => {
    expect(substitute('$1 of $2 $$', ['a', 'b'])).toBe('a of b $');
    expect(substitute('$3', [])).toBe('');
  });

  it('fills named placeholders the way the engine does', () => {
    const cases: Array<[Parameters<typeof messageFor>[0], Record<string, string | number>]> = [
      ['CRED_EXPIRED', { validUntil: 'next year' }],
      ['DI_UNSUPPORTED_CRYPTOSUITE', {}],
      ['INPUT_UNPARSEABLE', {}],
      ['FETCH_HTTP_STATUS', { url: 'https://x.example', status: 500 }],
    ];
    for (const [code, detail] of cases) expect(checkMessage({ code, message: 'ignored', detail })).toBe(messageFor(code, detail));
    // a date in the detail is written in the UI language
    expect(checkMessage({ code: 'CRED_EXPIRED', message: 'ignored', detail: { validUntil: '2020-01-01' } })).toBe('The credential expired on Jan 1, 2020');
    expect(fillNamed('A ({x}) b: {y}', {})).toBe('A b');
  });

  it('keeps a specific pass message and falls back to the engine text for unknown codes', () => {
    expect(checkMessage({ code: 'OK', message: 'Signed by did:web:a.example' })).toBe('Signed by did:web:a.example');
    expect(checkMessage({ code: 'OK', message: 'Passed' })).toBe('Passed');
    expect(checkMessage({ code: 'NOT_A_CODE' as never, message: 'engine text' })).toBe('engine text');
  });
});

describe('lib/extension/i18n through browser.i18n (German UI)', () => {
  it('uses the browser translation, and fills check placeholders from the detail', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { vi } = await import('vitest');
    const { browser } = await import('wxt/browser');
    const de = JSON.parse(readFileSync(path.join(repoPath('public/_locales/de/messages.json')), 'utf8')) as Record<string, { message: string }>;
    const spy = vi
      .spyOn(browser.i18n, 'getMessage')
      .mockImplementation(((key: string, subs?: string[]) => substitute(de[key]?.message ?? '', subs ?? [])) as never);
    try {
      expect(t('verdict_unverifiable')).toBe('Konnte nicht geprüft werden');
      expect(t('issuedOn', '1. März 2025')).toBe('Ausgestellt am 1. März 2025');
      expect(checkMessage({ code: 'CRED_EXPIRED', message: 'The credential expired on 2020-01-01', detail: { validUntil: '2020-01-01' } })).toBe(
        'Der Nachweis ist am 01.01.2020 abgelaufen',
      );
      expect(checkMessage({ code: 'DI_UNSUPPORTED_CRYPTOSUITE', message: '', detail: {} })).toBe(
        'Die Signatur verwendet ein Verfahren, das Credlens noch nicht prüfen kann',
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('uiLanguage', () => {
  it('is the language of the translation in use', async () => {
    const { vi } = await import('vitest');
    const { browser } = await import('wxt/browser');
    const { uiLanguage } = await import('../../../lib/extension/i18n');
    const spy = vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) => (key === 'uiLocale' ? 'fr' : '')) as never);
    try {
      expect(uiLanguage()).toBe('fr');
    } finally {
      spy.mockRestore();
    }
  });
});
