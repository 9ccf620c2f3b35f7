import { describe, expect, it } from 'vitest';
import { isPlainImage, watchFirstFetch } from '../../../../lib/extension/background/plain-image';
import type { VerifyContext } from '../../../../lib/engine/context';
import type { FetchedDocument } from '../../../../lib/engine/net/safe-fetch';
import type { Check, Report } from '../../../../lib/engine/report';

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

const doc = (contentType: string, text: string | Uint8Array): FetchedDocument => ({
  url: 'https://images.example/x',
  status: 200,
  contentType,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});
const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('bug: plain images — an image URL that served no image', () => {
  it('content that is no image and was not read as a credential is plain, whatever reader tried it', () => {
    const html = doc('text/html; charset=utf-8', '<!doctype html><html><body>Sign in</body></html>');
    // e.g. the EDC XML reader refusing the page's doctype
    expect(isPlainImage(reportWith(parse('INPUT_UNPARSEABLE', 'fail', { reason: 'XML with a document type declaration is refused for safety' }), 'edc'), html)).toBe(true);
    expect(isPlainImage(reportWith(parse('OK', 'pass'), 'vc-unsigned'), doc('application/json', '{}'))).toBe(false);
  });

  it('a real image keeps the report-based rules (a broken baked PNG or SVG stays listed)', () => {
    expect(isPlainImage(reportWith(parse('IMAGE_MALFORMED', 'fail')), doc('application/octet-stream', PNG_HEAD))).toBe(false);
    expect(isPlainImage(reportWith(parse('IMAGE_MALFORMED', 'fail')), doc('text/xml', '<svg xmlns="http://www.w3.org/2000/svg">'))).toBe(false);
    expect(isPlainImage(reportWith(parse('IMAGE_NO_CREDENTIAL')), doc('image/png', PNG_HEAD))).toBe(true);
  });

  it('watchFirstFetch remembers the first fetched document only', async () => {
    const ctx = { fetch: async (url: string) => ({ ...doc('image/png', PNG_HEAD), url }) } as unknown as VerifyContext;
    const watched = watchFirstFetch(ctx);
    expect(watched.first()).toBeUndefined();
    await watched.ctx.fetch('https://a.example/1.png', 'credential');
    await watched.ctx.fetch('https://a.example/2.json', 'credential');
    expect(watched.first()?.url).toBe('https://a.example/1.png');
  });
});
