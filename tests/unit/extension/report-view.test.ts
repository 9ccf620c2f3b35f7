/**
 * How a report is shown (lib/extension/report-view.ts), from reports the
 * engine writes. Regressions: pasted nonsense got a red "Failed" with a raw
 * JSON parser message; a plain PNG got an empty issuer panel; field paths and
 * codes showed outside "Show technical details".
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';
import type { Check, Report } from '../../../lib/engine/report';
import { checkMessage } from '../../../lib/extension/i18n';
import { decidingCheck, isConfirmedContent, isNotACredential, plainCheck, statusCheckedAt } from '../../../lib/extension/report-view';
import { iTXt, makePng } from '../../support/bake';
import { demoWorld, ISSUER } from './background/demo-world';

const offline = () => createContext({ transport: async () => { throw new TypeError('offline'); } });
const read = (input: Parameters<typeof verify>[0]) => verify(input, offline());

describe('bug: input that is not a credential was shown as a forgery', () => {
  it.each([
    ['pasted nonsense', { text: '{ this is not json' }],
    ['pasted prose', { text: 'Grace Hopper, certified cloud architect' }],
    ['a plain PNG (a logo, no badge inside)', { bytes: makePng(iTXt('Comment', 'just a logo')) }],
    ['a web page', { text: '<!doctype html><html><body><p>Certificates</p></body></html>' }],
    ['an empty input', { text: '' }],
  ])('%s is "not a credential"', async (_name, input) => {
    const report = await read(input);
    expect(report.verdict).not.toBe('verified');
    expect(isNotACredential(report)).toBe(true);
  });

  it('a credential that was changed after signing is not authentic, never "not a credential"', async () => {
    const world = await demoWorld();
    const report = await verify({ url: `${ISSUER}/credentials/machine-learning.json` }, createContext({ transport: async (u) => world.respond(u) }));
    expect(report.verdict).toBe('failed');
    expect(isNotACredential(report)).toBe(false);
    expect(isConfirmedContent(report)).toBe(false);
    expect(decidingCheck(report)?.status).toBe('fail');
  });

  it('a site that did not answer is "could not be checked", not "not a credential"', async () => {
    const report = await verify({ url: `${ISSUER}/credentials/cloud-architecture.json` }, offline());
    expect([report.verdict, isNotACredential(report)]).toEqual(['unverifiable', false]);
    expect(checkMessage(plainCheck(decidingCheck(report)!))).toBe('The server at issuer.credlens-demo.org could not be reached');
  });

  it('the parser’s own message stays out of the plain reason', async () => {
    const report = await read({ text: '{"@context": ' });
    const reason = checkMessage(plainCheck(decidingCheck(report)!));
    expect(reason).not.toMatch(/JSON|position|Unexpected|[{}"]/);
    expect(reason.length).toBeGreaterThan(10);
  });
});

describe('plainCheck', () => {
  const check = (code: Check['code'], detail: Check['detail']): Check => ({ id: 'structure', status: 'fail', code, message: '', detail });
  /** as the page shows it: HTML collapses the space a left-out value leaves */
  const shown = (c: Check) => checkMessage(plainCheck(c)).replace(/\s+/g, ' ');

  it('leaves field paths, codes, DIDs and key ids out, and keeps plain reasons', () => {
    expect(shown(check('STRUCTURE_INVALID', { reason: 'credentialSubject.achievement.resultDescription.resultType must be a string' }))).toBe('The credential is malformed');
    expect(shown(check('KEY_NOT_FOUND', { keyId: 'did:web:issuer.example#key-9' }))).toBe('The signing key is not published by its owner');
    expect(shown(check('STATUS_VERIFICATION_ERROR', { reason: 'the list was issued by did:key:z6MkhaXg, not by the credential\'s issuer' }))).toBe(
      'Revocation status could not be checked: the status list is not trustworthy',
    );
    expect(shown(check('INPUT_UNPARSEABLE', { reason: 'not text, PNG or SVG' }))).toBe('The input could not be read: not text, PNG or SVG');
    // a host is plain words: kept (only a field path like credentialSubject.name is left out)
    expect(shown(check('NO_CREDENTIAL_AT_LINK', { host: 'www.coursehub-learning.com' }))).toBe('The link shows a web page without a verifiable credential (www.coursehub-learning.com)');
  });

  it('names a server by its host, in plain words for timeouts and unreachable hosts', () => {
    expect(shown(check('FETCH_TIMEOUT', { url: 'https://badges.example.edu/assertions/123?x=1' }))).toBe('The server at badges.example.edu did not answer in time');
    expect(shown(check('FETCH_NETWORK', { url: 'https://badges.example.edu/a' }))).toBe('The server at badges.example.edu could not be reached');
  });
});

describe('statusCheckedAt', () => {
  it('is the time the status list was fetched, from the status check', async () => {
    const world = await demoWorld();
    const before = Date.now();
    const report: Report = await verify({ url: `${ISSUER}/credentials/cloud-architecture.json` }, createContext({ transport: async (u) => world.respond(u) }));
    const at = statusCheckedAt(report);
    expect(at).toBeDefined();
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(statusCheckedAt({ checks: [{ id: 'status', status: 'skip', code: 'NOT_APPLICABLE', message: '' }] })).toBeUndefined();
  });
});
