import { describe, expect, it } from 'vitest';
import { checkMessage, fillNamed, substitute, t } from '../../../lib/i18n';
import { messageFor } from '../../../lib/messages';

describe('lib/i18n', () => {
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
      ['CRED_EXPIRED', { validUntil: '2020-01-01' }],
      ['DI_UNSUPPORTED_CRYPTOSUITE', {}],
      ['INPUT_UNPARSEABLE', {}],
      ['FETCH_HTTP_STATUS', { url: 'https://x.example', status: 500 }],
    ];
    for (const [code, detail] of cases) expect(checkMessage({ code, message: 'ignored', detail })).toBe(messageFor(code, detail));
    expect(fillNamed('A ({x}) b: {y}', {})).toBe('A b');
  });

  it('keeps a specific pass message and falls back to the engine text for unknown codes', () => {
    expect(checkMessage({ code: 'OK', message: 'Signed by did:web:a.example' })).toBe('Signed by did:web:a.example');
    expect(checkMessage({ code: 'OK', message: 'Passed' })).toBe('Passed');
    expect(checkMessage({ code: 'NOT_A_CODE' as never, message: 'engine text' })).toBe('engine text');
  });
});
