/**
 * HR Open LER-RS résumé credentials: recognised, verified as W3C credentials,
 * summarised with their sections. HR Open publishes no JSON-LD context for
 * LER-RS, so a Data Integrity proof over LER-RS terms could not be checked;
 * a VC-JWT résumé is verified.
 */
import { describe, expect, it } from 'vitest';
import { isLerRs, lerRsSummary } from '../../../../../lib/engine/formats/vc/ler-rs';
import { thirdPartyIssuer } from '../../../../support/third-party-signing';
import { spyNet, verifyJson, verifyRow } from '../../../attacks/harness';
import { didKeyOf, makeSigner } from '../../keys/jwt-signer';

const resume = {
  type: 'LER-RS',
  person: { name: { formattedName: 'Jane Candidate' } },
  narratives: [{ content: 'Data engineer with ten years of pipelines behind her' }],
  employmentHistories: [
    { employer: { name: 'Acme Corp' }, positionHistories: [{ title: 'Senior Data Engineer', start: '2019-01' }] },
    { employer: { name: 'Initech' }, positionHistories: [{ title: 'Data Analyst', start: '2015-03' }] },
  ],
  educationAndLearnings: [{ institution: { name: 'State University' }, educationDegrees: [{ name: 'BSc Computer Science' }] }],
  certifications: [{ name: 'Certified Cloud Architect', issuingAuthority: { name: 'Cloud Institute' } }],
  skills: [{ name: 'Python' }, { name: 'SQL' }, 'Stream processing'],
};

const lerRsCredential = (issuer: string, contexts: string[] = ['https://www.w3.org/ns/credentials/v2']) => ({
  '@context': contexts,
  id: 'urn:uuid:5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
  type: ['VerifiableCredential', 'LERRSCredential'],
  issuer,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:jane', ...resume },
});

const SECTIONS = [
  { name: 'narratives', count: 1, items: ['Data engineer with ten years of pipelines behind her'] },
  { name: 'employmentHistories', count: 2, items: ['Acme Corp — Senior Data Engineer', 'Initech — Data Analyst'] },
  { name: 'educationAndLearnings', count: 1, items: ['State University — BSc Computer Science'] },
  { name: 'certifications', count: 1, items: ['Cloud Institute — Certified Cloud Architect'] },
  { name: 'skills', count: 3, items: ['Python', 'SQL', 'Stream processing'] },
];

describe('LER-RS recognition and summary', () => {
  it('recognises LER-RS by the credential type or the subject type, and nothing else', () => {
    expect(isLerRs(lerRsCredential('did:example:issuer'))).toBe(true);
    expect(isLerRs({ type: ['VerifiableCredential'], credentialSubject: { type: 'http://schema.hropenstandards.org/4.4/recruiting/json/ler-rs/LER-RSType.json' } })).toBe(true);
    expect(isLerRs({ type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { type: ['AchievementSubject'] } })).toBe(false);
  });

  it('lists the résumé sections with a label per entry, and the person as the subject', () => {
    expect(lerRsSummary(lerRsCredential('did:example:issuer'))).toEqual({ sections: SECTIONS, subject: { id: 'did:example:jane', name: 'Jane Candidate' } });
  });

  it('reads a résumé nested under the subject (resume), cuts long lists, and says how many entries there are', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `Skill ${i}` }));
    const { sections } = lerRsSummary({ type: ['VerifiableCredential', 'LERRSCredential'], credentialSubject: { resume: { skills: many } } });
    expect(sections).toEqual([{ name: 'skills', count: 25, items: many.slice(0, 10).map((s) => s.name) }]);
  });

  it('an other credential gets no sections', () => {
    expect(lerRsSummary({ type: ['VerifiableCredential'], credentialSubject: { employmentHistories: [{ employer: { name: 'X' } }] } })).toEqual({});
  });
});

describe('LER-RS credentials through verify()', () => {
  it('a VC-JWT résumé is verified, its sections in the summary', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await signer.sign(lerRsCredential(did), { kid: vm, typ: 'vc+jwt' });
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expect(report.verdict, JSON.stringify(report.checks)).toBe('verified');
    expect(report.summary.sections).toEqual(SECTIONS);
    expect(report.summary.subject?.name).toBe('Jane Candidate');
  });

  it.each([
    ['a remote LER-RS context', 'https://schema.hropenstandards.org/4.4/ler-rs/context.jsonld'],
    ['an inline LER-RS context', { '@vocab': 'https://schema.hropenstandards.org/4.4/' }],
  ])('a Data Integrity résumé with %s could not be checked (DI_CONTEXT_NOT_ALLOWED), nothing fetched, its sections still shown', async (_name, context) => {
    // The proof is made over the credential without its résumé terms (a signer's JSON-LD processor needs
    // the LER-RS context to sign them); the context check comes before any cryptography.
    const issuer = await thirdPartyIssuer();
    const { type, credentialSubject } = lerRsCredential(issuer.did);
    const signed = await issuer.sign({ ...lerRsCredential(issuer.did), type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:jane' } });
    const resumeCredential = { ...signed, '@context': ['https://www.w3.org/ns/credentials/v2', context], type, credentialSubject };
    const { ctx, requests } = spyNet();
    const report = await verifyJson(resumeCredential, ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'error', code: 'DI_CONTEXT_NOT_ALLOWED' });
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([]);
    expect(report.summary.sections?.map((s) => s.name)).toEqual(SECTIONS.map((s) => s.name));
  });
});
