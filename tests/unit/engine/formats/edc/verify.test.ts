/**
 * The seven EDC fixtures (../shared/fixtures): MyNextID ELM v3 samples, sealed
 * and unsealed, and Europass EDCI v1 XML. Each gets a verdict with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { isEdcJson, verifyEdc } from '../../../../../lib/engine/formats/edc/verify';
import { verify } from '../../../../../lib/engine/pipeline';
import type { Report } from '../../../../../lib/engine/report';
import { FIXTURES } from '../../../../support/fixtures';

const present = existsSync(path.join(FIXTURES, 'edc-mynextid'));
const read = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');

/** A fixed clock after the seals were made (2026-01-12); the status lists are offline. */
const NOW = Date.parse('2026-03-01T00:00:00Z');
const offline = () => createContext({ now: () => NOW, transport: async () => { throw new Error('offline'); } });
const run = (file: string) => verify({ text: read(file), name: file }, offline());
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);

if (!present) console.warn('EDC fixtures not found at ../shared/fixtures: fixture tests skipped');

describe.skipIf(!present)('EDC fixtures (../shared/fixtures)', () => {
  it.each([
    ['edc-mynextid/microcredential/edc-mc-signed.jsonld', 'Title of your learning achievement', 'Joe Done', '2026-01-12T07:12:23.000Z'],
    ['edc-mynextid/degree-certificate/edc-dc-signed.jsonld', 'Title of Activity', 'John Doe', '2026-01-12T08:58:28.000Z'],
  ])('%s: sound JAdES seal by VELOCERT OU → unverifiable (qualified status not checkable offline)', async (file, title, learner, sigT) => {
    const r = await run(file);
    expect(r.format).toBe('edc');
    expect(check(r, 'structure')?.status).toBe('pass');
    expect(check(r, 'seal')).toMatchObject({ status: 'pass' });
    expect(check(r, 'certificate')).toMatchObject({ status: 'error', code: 'SEAL_NOT_CHECKED' });
    // the sealing organisation (NTREE-17207834) is the issuer (eIDASIdentifier 17207834, Estonia)
    expect(check(r, 'issuer-binding')).toMatchObject({ status: 'pass', message: expect.stringContaining('NTREE-17207834') });
    expect(check(r, 'validity')?.status).toBe('pass');
    expect(r.verdict).toBe('unverifiable');
    expect(r.summary).toMatchObject({ title, subject: { name: learner }, issuer: { name: 'Velocert OÜ' } });
    expect(r.technical).toMatchObject({ alg: 'RS256', signingTime: sigT, chainLength: 1, certificateSubject: 'VELOCERT OU (EE, organizationIdentifier NTREE-17207834)' });
    expect(r.technical.certificateIssuer).toBe('Halcom d.d.');
    expect(r.credential).toBeDefined();
  });

  it.each(['edc-mynextid/microcredential/edc-mc-signed.jsonld', 'edc-mynextid/degree-certificate/edc-dc-signed.jsonld'])(
    '%s with one payload character changed → failed (SEAL_SIGNATURE_INVALID)',
    async (file) => {
      const envelope = JSON.parse(read(file)) as { payload: string };
      const at = envelope.payload.indexOf('"fullName"') + 20;
      const flipped = envelope.payload[at] === 'x' ? 'y' : 'x';
      envelope.payload = envelope.payload.slice(0, at) + flipped + envelope.payload.slice(at + 1);
      const r = await verify({ text: JSON.stringify(envelope) }, offline());
      expect(check(r, 'seal')).toMatchObject({ status: 'fail', code: 'SEAL_SIGNATURE_INVALID' });
      expect(r.verdict).toBe('failed');
    },
  );

  it.each(['edc-mynextid/microcredential/edc-mc-example.json', 'edc-mynextid/degree-certificate/edc-dc-example.json'])(
    '%s: unsealed → failed (PROOF_MISSING on the seal), content still shown',
    async (file) => {
      const r = await run(file);
      expect(isEdcJson(JSON.parse(read(file)))).toBe(true);
      expect(check(r, 'structure')?.status).toBe('pass');
      expect(check(r, 'seal')).toMatchObject({ status: 'fail', code: 'PROOF_MISSING' });
      expect(r.verdict).toBe('failed');
      expect(r.summary.issuer?.name).toBe('Velocert OÜ');
    },
  );

  it('edci_credential_basic.xml: XAdES seal cannot be checked → unverifiable, content shown', async () => {
    const r = await run('europass-learning-model/edci_credential_basic.xml');
    expect(r.container).toBe('xml');
    expect(check(r, 'seal')).toMatchObject({ status: 'error', code: 'SEAL_UNSUPPORTED' });
    expect(check(r, 'validity')?.status).toBe('pass');
    expect(r.verdict).toBe('unverifiable');
    expect(r.summary).toMatchObject({
      title: 'Certificate of Completion',
      issuer: { name: 'ANTHONY FISHER CAMILLERI S.P.' },
      subject: { name: 'Anna Andromeda' },
      validFrom: '2020-07-01T00:00:00+02:00',
    });
    expect(r.technical).toMatchObject({ sealType: 'XAdES', signingTime: '2020-10-06T10:30:34Z' });
    expect(r.technical.certificateSubject).toMatch(/ANTHONY FISHER CAMILLERI/);
  });

  it.each(['europass-learning-model/edci_credential_complex.xml', 'europass-learning-model/Ildiko_Mazar_Certificate_of_Excellence.xml'])(
    '%s: expired on 2025-03-31 and seal not checkable → unverifiable, with the expiry reported',
    async (file) => {
      const r = await run(file);
      expect(check(r, 'seal')).toMatchObject({ status: 'error', code: 'SEAL_UNSUPPORTED' });
      expect(check(r, 'validity')).toMatchObject({ status: 'fail', code: 'CRED_EXPIRED' });
      expect(r.verdict).toBe('unverifiable');
      expect(r.summary).toMatchObject({ title: 'Certificate of Excellence', validUntil: '2025-03-31T00:00:00+02:00' });
    },
  );

  it('matches the learner email of a sealed EDC (contactPoint.emailAddress) with the recruiter’s candidate', async () => {
    const text = read('edc-mynextid/microcredential/edc-mc-signed.jsonld');
    const ctx = (email: string) => createContext({ now: () => NOW, transport: async () => { throw new Error('offline'); }, recipient: { email } });
    expect((await verify({ text }, ctx('Peter.Paravinja@netis.si'))).recipient.outcome).toBe('match');
    expect((await verify({ text }, ctx('someone@else.example'))).recipient.outcome).toBe('mismatch');
  });

  it('verifyEdc reads the XML directly as well as through the pipeline', async () => {
    const outcome = await verifyEdc(read('europass-learning-model/edci_credential_basic.xml'), offline());
    expect(outcome.format).toBe('edc');
    expect(outcome.required).toEqual(['structure', 'seal', 'certificate', 'issuer-binding', 'validity']);
  });
});

describe('verifyEdc without fixtures', () => {
  it('recognises an envelope and a bare ELM credential, and nothing else', () => {
    expect(isEdcJson({ payload: '{}', signatures: [] })).toBe(true);
    expect(isEdcJson({ type: ['VerifiableCredential', 'EuropeanDigitalCredential'] })).toBe(true);
    expect(isEdcJson({ type: ['VerifiableCredential'] })).toBe(false);
  });

  it('refuses XML with a document type declaration', async () => {
    const r = await verify({ text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><europassCredential/>' }, offline());
    expect(check(r, 'parse')).toMatchObject({ status: 'fail', code: 'INPUT_UNPARSEABLE' });
    expect(r.verdict).toBe('failed');
  });

  it('reports other XML documents as unknown, not as a credential', async () => {
    const r = await verify({ text: '<note><to>x</to></note>' }, offline());
    expect(r.verdict).toBe('unverifiable');
    expect(check(r, 'parse')).toMatchObject({ code: 'INPUT_UNKNOWN_FORMAT' });
  });

  const edciXml = (inner: string) =>
    `<europassCredential xmlns:cred="c"><cred:validFrom>2020-01-01T00:00:00Z</cred:validFrom><cred:issuer idref="urn:org:1"/><title><text lang="en">T</text></title>${inner}</europassCredential>`;

  it('fails an unsealed EDCI XML credential (no ds:Signature)', async () => {
    const r = await verify({ text: edciXml('<credentialSubject id="urn:p"/>') }, offline());
    expect(check(r, 'structure')?.status).toBe('pass');
    expect(check(r, 'seal')).toMatchObject({ status: 'fail', code: 'PROOF_MISSING' });
    expect(r.verdict).toBe('failed');
  });

  it('fails an EDCI XML credential without a subject', async () => {
    const r = await verify({ text: edciXml('<proof><ds:Signature xmlns:ds="d"/></proof>') }, offline());
    expect(check(r, 'structure')).toMatchObject({ status: 'fail', code: 'STRUCTURE_SUBJECT' });
    expect(r.verdict).toBe('failed');
  });
});
