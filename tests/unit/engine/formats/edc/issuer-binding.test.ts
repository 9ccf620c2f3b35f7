import { describe, expect, it } from 'vitest';
import { checkEdcStructure } from '../../../../../lib/engine/formats/edc/credential';
import { checkSealIssuer, normaliseName, parseOrganizationIdentifier } from '../../../../../lib/engine/formats/edc/issuer-binding';
import type { SealCertificate } from '../../../../../lib/engine/formats/edc/x509';
import { sampleEdc } from './pki';

/** Only the subject matters to the binding check. */
const certWith = (subject: Record<string, string>) => ({ subject }) as unknown as SealCertificate;
const credentialWith = (issuer: unknown) => checkEdcStructure(sampleEdc({ issuer })).credential!;

describe('parseOrganizationIdentifier (ETSI EN 319 412-1 §5.1.4)', () => {
  it.each([
    ['NTREE-17207834', { country: 'EE', id: '17207834' }],
    ['VATSI-43353126', { country: 'SI', id: '43353126' }],
    ['LEIXG-5299 00T8', { country: 'XG', id: '529900T8' }],
  ])('reads %s', (value, expected) => expect(parseOrganizationIdentifier(value)).toEqual(expected));

  it.each(['17207834', 'NT-EE-1', ''])('ignores %j', (value) => expect(parseOrganizationIdentifier(value)).toBeUndefined());
});

describe('checkSealIssuer', () => {
  it('binds by legal identifier, with or without the country prefix', () => {
    const cert = certWith({ O: 'Other Name', organizationIdentifier: 'VATSI-43353126' });
    expect(checkSealIssuer(cert, credentialWith({ id: 'urn:o', vatIdentifier: { notation: 'SI43353126' } })).status).toBe('pass');
    expect(checkSealIssuer(cert, credentialWith({ id: 'urn:o', registration: [{ notation: '43353126' }] })).status).toBe('pass');
  });

  it('binds by legal name, ignoring case, accents and punctuation', () => {
    expect(normaliseName('Velocert OÜ')).toBe(normaliseName('VELOCERT OU'));
    const r = checkSealIssuer(certWith({ O: 'VELOCERT OU' }), credentialWith({ id: 'urn:o', legalName: { en: 'Velocert OÜ' } }));
    expect(r).toMatchObject({ id: 'issuer-binding', status: 'pass' });
  });

  it('reports a sealer that cannot be matched to the issuer as not established, never as verified', () => {
    const r = checkSealIssuer(
      certWith({ O: 'Someone Else Ltd', organizationIdentifier: 'NTRBE-999' }),
      credentialWith({ id: 'urn:o', legalName: { en: 'Velocert OÜ' }, eIDASIdentifier: { notation: '17207834' } }),
    );
    expect(r).toMatchObject({ status: 'error', code: 'SEAL_NOT_CHECKED' });
    expect(r.message).toContain('Someone Else Ltd');
    expect(r.message).toContain('Velocert OÜ');
  });

  it('cannot bind an issuer given only as an identifier string', () => {
    expect(checkSealIssuer(certWith({ O: 'Test' }), credentialWith('urn:o')).status).toBe('error');
  });
});
