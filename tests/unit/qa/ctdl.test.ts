/** CTDL credential classes and Credential Engine registry links (lib/qa/ctdl.ts), read into the quality profile. */
import { describe, expect, it } from 'vitest';
import { ctdlClassOf, CTDL_CREDENTIAL_CLASSES, readCtdl } from '../../../lib/qa/ctdl';
import { profileOb2 } from '../../../lib/qa/ob2';
import { profileOb3 } from '../../../lib/qa/ob3';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../support/fixtures';

const CTID = 'ce-c4ccf4c4-76d5-4a6e-9ca0-2cd7a8937ee6';
const paths = { achievement: 'credentialSubject.achievement', issuer: 'issuer' };

describe('ctdlClassOf', () => {
  it.each([
    ['MicroCredential', 'MicroCredential'],
    ['BachelorDegree', 'BachelorDegree'],
    ['ceterms:DigitalBadge', 'DigitalBadge'],
    ['https://purl.org/ctdl/terms/Certification', 'Certification'],
    ['ceterms:OpenBadge', 'OpenBadge'],
  ])('%s names %s', (value, cls) => expect(ctdlClassOf(value)).toBe(cls));

  it.each(['Course', 'Competency', 'ext:Hackathon', 'DigitalBadge', 'ceterms:NoSuchClass', 'constructor', undefined])('%s names no CTDL class', (value) => {
    expect(ctdlClassOf(value)).toBeUndefined();
  });

  it('every class has its plain words in English, German and French', () => {
    for (const lang of ['en', 'de', 'fr']) {
      const messages = JSON.parse(readFileSync(repoPath(`public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, unknown>;
      for (const cls of CTDL_CREDENTIAL_CLASSES) expect(messages[`ctdl_${cls}`], `${lang} ctdl_${cls}`).toBeDefined();
    }
  });
});

describe('readCtdl: registry links, opened by the recruiter, never fetched', () => {
  it('a CTID in otherIdentifier links to its Credential Finder page', () => {
    const facts = readCtdl({ otherIdentifier: [{ identifierType: 'ext:CTID', identifier: CTID.toUpperCase() }] }, {}, paths);
    expect(facts.registry).toEqual([{ ctid: CTID, url: `https://credentialfinder.org/resources/${CTID}`, source: 'credentialSubject.achievement.otherIdentifier[0].identifier', sandbox: false }]);
  });

  it('registry addresses in an alignment, the achievement id and the issuer, production and sandbox', () => {
    const facts = readCtdl(
      {
        id: `https://credentialengineregistry.org/resources/${CTID}`,
        alignment: [{ targetUrl: `https://sandbox.credentialengineregistry.org/graph/${CTID}`, targetCode: CTID }],
      },
      { id: 'did:web:uni.example', otherIdentifier: [{ identifier: 'https://credentialfinder.org/organization/123/Example_University' }] },
      paths,
    );
    expect(facts.registry).toEqual([
      { ctid: CTID, url: `https://credentialengineregistry.org/resources/${CTID}`, source: 'credentialSubject.achievement.id', sandbox: false },
      { ctid: CTID, url: `https://sandbox.credentialengineregistry.org/graph/${CTID}`, source: 'credentialSubject.achievement.alignment[0].targetUrl', sandbox: true },
      { ctid: CTID, url: `https://credentialfinder.org/resources/${CTID}`, source: 'credentialSubject.achievement.alignment[0].targetCode', sandbox: false },
      { url: 'https://credentialfinder.org/organization/123/Example_University', source: 'issuer.otherIdentifier[0].identifier', sandbox: false },
    ]);
  });

  it.each([
    ['a look-alike host', 'https://credentialengineregistry.org.evil.example/resources/' + CTID],
    ['plain http', `http://credentialengineregistry.org/resources/${CTID}`],
    ['credentials in the address', `https://user:pw@credentialengineregistry.org/resources/${CTID}`],
    ['a javascript: link', 'javascript:alert(1)'],
    ['a CTID that is not a UUID', 'ce-1234'],
  ])('%s is no registry link', (_name, value) => {
    expect(readCtdl({ id: value }, {}, paths).registry).toEqual([]);
  });
});

describe('the quality profile carries them', () => {
  it('OB 3.0: achievementType MicroCredential and an alignment to the registry', () => {
    const p = profileOb3({
      credentialSubject: { achievement: { achievementType: 'MicroCredential', alignment: [{ targetUrl: `https://credentialengineregistry.org/resources/${CTID}` }] } },
    });
    expect(p.ctdlType).toBe('MicroCredential');
    expect(p.registry).toMatchObject([{ ctid: CTID, source: 'credentialSubject.achievement.alignment[0].targetUrl' }]);
  });

  it('OB 2.0: a BadgeClass typed ceterms:Certification', () => {
    const p = profileOb2({ assertion: { badge: { type: ['BadgeClass', 'ceterms:Certification'], name: 'Welding' } } });
    expect(p.ctdlType).toBe('Certification');
    expect(p.registry).toBeUndefined();
  });

  it('a profile without any keeps neither key', () => {
    const p = profileOb3({ credentialSubject: { achievement: { achievementType: 'Course' } } });
    expect('ctdlType' in p || 'registry' in p).toBe(false);
  });
});
