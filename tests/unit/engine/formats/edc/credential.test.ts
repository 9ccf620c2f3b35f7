import { describe, expect, it } from 'vitest';
import { checkEdcStructure, edcValidityWindow, summarizeEdc } from '../../../../../lib/engine/formats/edc/credential';
import { sampleEdc } from './pki';

describe('checkEdcStructure', () => {
  it('passes a well-formed ELM v3 credential and returns it validated', () => {
    const r = checkEdcStructure(sampleEdc());
    expect(r.check.status).toBe('pass');
    expect(r.credential?.credentialSubject.hasClaim).toHaveLength(1);
  });

  it.each([
    ['without the EDC type', { type: ['VerifiableCredential'] }, 'STRUCTURE_TYPE'],
    ['without the ELM context', { '@context': ['https://www.w3.org/2018/credentials/v1'] }, 'STRUCTURE_CONTEXT'],
    ['with another first context', { '@context': ['http://data.europa.eu/snb/model/context/edc-ap'] }, 'STRUCTURE_CONTEXT'],
    ['with an issuer that has no id', { issuer: { legalName: { en: 'X' } } }, 'STRUCTURE_ISSUER'],
    ['with no issuance date', { issuanceDate: undefined, issued: undefined, validFrom: undefined }, 'STRUCTURE_DATES'],
    ['with an issuance date that is not a date', { issuanceDate: 'yesterday' }, 'STRUCTURE_DATES'],
    ['without a credentialSubject', { credentialSubject: undefined }, 'STRUCTURE_INVALID'],
  ])('fails a credential %s', (_name, change, code) => {
    const r = checkEdcStructure(sampleEdc(change));
    expect(r.check).toMatchObject({ status: 'fail', code });
    expect(r.credential).toBeUndefined();
  });

  it('drops a malformed optional detail instead of rejecting the credential', () => {
    const r = checkEdcStructure(sampleEdc({ validUntil: 12 }));
    expect(r.check.status).toBe('pass');
    expect(r.credential?.validUntil).toBeUndefined();
  });
});

describe('summarizeEdc and the validity window', () => {
  it('takes the title from the claim, the learner from fullName and the issuer from legalName', () => {
    const c = checkEdcStructure(sampleEdc({ validUntil: '2030-01-01T00:00:00Z' })).credential!;
    expect(summarizeEdc(c)).toMatchObject({
      title: 'Data Literacy',
      issuer: { id: 'urn:epass:org:issuer', name: 'Test Sealer' },
      subject: { id: 'urn:epass:person:1', name: 'Joe Doe' },
      validFrom: '2026-01-12T07:12:23Z',
      validUntil: '2030-01-01T00:00:00Z',
      credentialId: 'urn:credential:test-1',
    });
  });

  it('falls back to given and family names and to VC 1.1 dates', () => {
    const subject = { type: 'Person', givenName: { en: 'Ana' }, familyName: { en: 'Novak' }, hasClaim: [{ specifiedBy: { title: { en: 'Spec title' } } }] };
    const c = checkEdcStructure(sampleEdc({ credentialSubject: subject, validFrom: undefined, expirationDate: '2029-01-01T00:00:00Z' })).credential!;
    expect(summarizeEdc(c)).toMatchObject({ title: 'Spec title', subject: { name: 'Ana Novak' } });
    expect(edcValidityWindow(c)).toEqual({ validFrom: '2026-01-12T07:12:23Z', validUntil: '2029-01-01T00:00:00Z' });
  });
});
