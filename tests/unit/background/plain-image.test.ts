import { describe, expect, it } from 'vitest';
import { isPlainImage } from '../../../lib/background/plain-image';
import type { Check, Report } from '../../../lib/report';

const reportWith = (parse: Check, format: Report['format'] = 'unknown'): Report => ({
  verdict: 'unverifiable',
  format,
  container: 'url',
  checks: [parse, { id: 'proof', status: 'skip', code: 'SKIPPED', message: '' }],
  summary: {},
  recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
  technical: {},
  inputHash: '0'.repeat(64),
  checkedAt: '2026-11-22T00:00:00.000Z',
});
const parse = (code: string, status: Check['status'] = 'error', detail?: Check['detail']): Check => ({ id: 'parse', status, code: code as Check['code'], message: '', ...(detail ? { detail } : {}) });

describe('bug: plain images were listed as "could not be checked" — what counts as a plain image', () => {
  it('no baked credential, a format that cannot carry one, or content that is no image', () => {
    expect(isPlainImage(reportWith(parse('IMAGE_NO_CREDENTIAL')))).toBe(true);
    expect(isPlainImage(reportWith(parse('INPUT_UNKNOWN_FORMAT', 'error', { reason: 'a web page, not a credential' })))).toBe(true);
    expect(isPlainImage(reportWith(parse('INPUT_UNPARSEABLE', 'fail', { reason: 'not text, PNG or SVG' })))).toBe(true);
    expect(isPlainImage(reportWith(parse('FETCH_BAD_CONTENT')))).toBe(true);
  });

  it('keeps broken or unreachable credentials and anything credential-shaped', () => {
    expect(isPlainImage(reportWith(parse('INPUT_UNPARSEABLE', 'fail', { reason: 'Unexpected end of JSON input' })))).toBe(false);
    expect(isPlainImage(reportWith(parse('IMAGE_MALFORMED', 'fail')))).toBe(false);
    expect(isPlainImage(reportWith(parse('IMAGE_COMPRESSED_ITXT', 'fail')))).toBe(false);
    expect(isPlainImage(reportWith(parse('FETCH_HTTP_STATUS')))).toBe(false); // not read: unknown, so still shown
    expect(isPlainImage(reportWith(parse('IMAGE_NO_CREDENTIAL'), 'ob2-hosted'))).toBe(false);
    expect(isPlainImage(reportWith(parse('OK', 'pass')))).toBe(false);
  });
});
