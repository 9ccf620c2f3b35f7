/**
 * A CLR transcript in the popup: one row with its entries counted, and in the
 * details every achievement with its own verdict, checks and quality profile.
 * Reports come from the engine, over credentials signed with the Digital
 * Bazaar reference libraries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { partsSummary } from '../../../components/AchievementList/summary';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { CredentialRow } from '../../../components/CredentialRow';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';
import type { Report } from '../../../lib/engine/report';
import { achievementCredential, clrCredential } from '../../support/carried-credentials';
import { thirdPartyIssuer } from '../../support/third-party-signing';
import { all, fire, mount } from './dom';
import { found, makeReport } from './reports';

const NOW = Date.parse('2026-06-01T00:00:00Z');
let transcript: Report;
let forgedTranscript: Report;
let presentation: Report;

beforeAll(async () => {
  const [school, university] = await Promise.all([thirdPartyIssuer(), thirdPartyIssuer()]);
  const courses = await Promise.all([
    school.sign(achievementCredential(school.did, 1, {}, { achievementType: 'Course', creditsAvailable: 5 })),
    school.sign(achievementCredential(school.did, 2)),
    school.sign(achievementCredential(school.did, 3, { validUntil: '2026-01-31T00:00:00Z' })),
  ]);
  const ctx = () => createContext({ now: () => NOW });
  transcript = await verify({ text: JSON.stringify(await university.sign(clrCredential(university.did, courses))) }, ctx());
  const forged = structuredClone(courses[1]!) as { name: string };
  forged.name = 'Course 2 (honours)';
  forgedTranscript = await verify({ text: JSON.stringify(await university.sign(clrCredential(university.did, [courses[0], forged]))) }, ctx());
  // a holder's unsigned presentation of two of the courses (VCDM 2.0 §4.13)
  const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [courses[0], courses[1]] };
  presentation = await verify({ text: JSON.stringify(vp) }, ctx());
});

describe('partsSummary', () => {
  it('counts the entries and their verdicts, genuine first', () => {
    expect(partsSummary(transcript)).toBe('3 achievements · 2 verified · 1 expired');
    expect(partsSummary(forgedTranscript)).toBe('2 achievements · 1 verified · 1 not authentic');
    expect(partsSummary(makeReport('verified'))).toBeUndefined();
  });
});

describe('a CLR in the popup', () => {
  it('is one row, with its entries counted', () => {
    const el = mount(<CredentialRow item={found('clr', transcript)} onOpen={() => undefined} />);
    expect(all(el, '[data-testid="credential"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="parts-summary"]')!.textContent).toBe('3 achievements · 2 verified · 1 expired');
  });

  it('a credential carrying no achievements shows no count', () => {
    const el = mount(<CredentialRow item={found('one', makeReport('verified'))} onOpen={() => undefined} />);
    expect(el.querySelector('[data-testid="parts-summary"]')).toBeNull();
  });

  it('the details list every achievement with its verdict and its own quality profile', () => {
    const el = mount(<CredentialDetails report={transcript} />);
    const list = el.querySelector('[data-testid="achievements"]')!;
    expect(list.querySelector('[data-testid="achievements-summary"]')!.textContent).toBe('3 achievements · 2 verified · 1 expired');
    const items = all(list, 'li[data-path]');
    expect(items.map((i) => i.getAttribute('data-verdict'))).toEqual(['verified', 'verified', 'expired']);
    expect(items[0]!.textContent).toContain('Course 1');
    expect(items[0]!.textContent).toMatch(/\d+ of 11 EU elements/);
    // closed entries are not rendered; opened, an entry shows its own checks
    expect(items[0]!.querySelector('[data-testid="credential-details"]')).toBeNull();
    const details = items[0]!.querySelector('details')! as unknown as { open: boolean };
    details.open = true;
    fire(items[0]!.querySelector('details'), 'toggle');
    expect(items[0]!.querySelector('code')!.textContent).toBe('credentialSubject.verifiableCredential[0]');
    const nested = items[0]!.querySelector('[data-testid="credential-details"]')!;
    expect(nested.getAttribute('data-verdict')).toBe('verified');
    expect(nested.querySelector('[data-testid="quality-profile"]')).not.toBeNull();
  });

  it('a forged entry is shown failed, without a quality profile, and the transcript is not verified', () => {
    const el = mount(<CredentialDetails report={forgedTranscript} />);
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('failed');
    const items = all(el, '[data-testid="achievements"] li[data-path]');
    expect(items.map((i) => i.getAttribute('data-verdict'))).toEqual(['verified', 'failed']);
    expect(items[1]!.textContent).not.toMatch(/of 11 EU elements/);
    expect(el.querySelector('[data-code="NESTED_CREDENTIAL_FAILED"]')!.textContent).toContain('1 of the 2 credentials inside this one failed verification');
  });
});

describe('a presentation in the popup', () => {
  it('regression: the credentials a presentation carries were not listed (they are parts of role "presented")', () => {
    expect(presentation.format).toBe('vp');
    expect(partsSummary(presentation)).toBe('2 credentials presented · 2 verified');
    const el = mount(<CredentialDetails report={presentation} />);
    const list = el.querySelector('[data-testid="achievements"]')!;
    expect(list.querySelector('h3')!.textContent).toBe('Credentials in this presentation');
    expect(all(list, 'li[data-path]').map((i) => i.getAttribute('data-verdict'))).toEqual(['verified', 'verified']);
    const row = mount(<CredentialRow item={found('vp', presentation)} onOpen={() => undefined} />);
    expect(row.querySelector('[data-testid="parts-summary"]')!.textContent).toBe('2 credentials presented · 2 verified');
  });
});
