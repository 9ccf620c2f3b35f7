import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVcStructure } from '../../../../../lib/engine/formats/vc/structure';
import { FIXTURES } from '../../../../support/fixtures';

const fixtures = FIXTURES;
const load = (f: string) => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8'));

const base = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:subject', name: 'x' },
};

describe('checkVcStructure', () => {
  it('accepts a minimal VC 2.0 credential', () => {
    expect(checkVcStructure(base)).toMatchObject({ status: 'pass', detail: { vcVersion: '2.0' } });
  });

  it.each([
    ['no base context first', { ...base, '@context': ['https://example.org/ctx'] }, 'STRUCTURE_CONTEXT'],
    ['no VerifiableCredential type', { ...base, type: ['Thing'] }, 'STRUCTURE_TYPE'],
    ['no issuer', { ...base, issuer: undefined }, 'STRUCTURE_ISSUER'],
    ['issuer null', { ...base, issuer: null }, 'STRUCTURE_ISSUER'],
    ['two issuers', { ...base, issuer: ['did:example:a', 'did:example:b'] }, 'STRUCTURE_ISSUER'],
    ['issuer not a URL', { ...base, issuer: 'Example University' }, 'STRUCTURE_ISSUER'],
    ['no subject', { ...base, credentialSubject: undefined }, 'STRUCTURE_SUBJECT'],
    ['empty subject', { ...base, credentialSubject: {} }, 'STRUCTURE_SUBJECT'],
    ['id not a URL', { ...base, id: 'abc' }, 'STRUCTURE_ID'],
    ['status without type', { ...base, credentialStatus: { id: 'https://x/1' } }, 'STRUCTURE_STATUS'],
    ['bad validFrom', { ...base, validFrom: '2020-13-45' }, 'STRUCTURE_DATES'],
    ['VC 1.1 without issuanceDate', { ...base, '@context': ['https://www.w3.org/2018/credentials/v1'] }, 'STRUCTURE_DATES'],
    ['OB 3.0 context without an OB type', { ...base, '@context': [...base['@context'], 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] }, 'STRUCTURE_TYPE'],
  ])('fails: %s', (_name, credential, code) => {
    expect(checkVcStructure(credential as Record<string, unknown>)).toMatchObject({ status: 'fail', code });
  });

  describe.skipIf(!existsSync(fixtures))('W3C VCDM 2.0 test-suite inputs (SECURITY.md attack 42)', () => {
    it.each([
      'credential-missing-base-context-fail-or-inject.json',
      'credential-no-issuer-fail.json',
      'credential-status-missing-type-fail.json',
    ])('%s fails with a STRUCTURE_ code', (file) => {
      const c = checkVcStructure(load(`w3c-vcdm2-test-suite/${file}`));
      expect(c.status).toBe('fail');
      expect(c.code).toMatch(/^STRUCTURE_/);
    });

    // The suite's *-ok inputs go to an issuer service, which adds the issuer; with it they must pass.
    it.each(['credential-ok.json', 'credential-proof-ok.json'])('%s plus an issuer is well-formed (guards against over-strictness)', (file) => {
      const withIssuer = { ...load(`w3c-vcdm2-test-suite/${file}`), issuer: 'did:example:issuer' };
      expect(checkVcStructure(withIssuer).status).toBe('pass');
      expect(checkVcStructure(load(`w3c-vcdm2-test-suite/${file}`)).code).toBe('STRUCTURE_ISSUER');
    });

    it.each(['simple-err-context.json', 'simple-err-issuer.json', 'simple-err-type.json'])('1EdTech ob30/%s fails structurally', (file) => {
      expect(checkVcStructure(load(`1edtech-validator/ob30/${file}`)).status).toBe('fail');
    });
  });
});
