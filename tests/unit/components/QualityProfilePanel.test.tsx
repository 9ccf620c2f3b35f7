import { describe, expect, it } from 'vitest';
import { all, mount } from './dom';
import { QualityProfilePanel } from '../../../components/QualityProfilePanel';
import { localSummary, profileFacts, triKey } from '../../../components/QualityProfilePanel/summary';
import { profileOb3 } from '../../../lib/qa/ob3';
import { fullyDescribed } from '../qa/credentials';

const webinar = profileOb3({ credentialSubject: { id: 'did:example:1', achievement: { name: 'Webinar', achievementType: 'CertificateOfCompletion', description: 'An online session.' } } });

describe('quality profile wording', () => {
  it('matches the engine summary line in English', () => {
    const full = profileOb3(fullyDescribed);
    expect(localSummary(full)).toBe(full.summaryLine);
    expect(localSummary(webinar)).toBe(webinar.summaryLine);
  });

  it('lists the facts worth a chip and words tri-state answers', () => {
    expect(profileFacts(profileOb3(fullyDescribed))).toEqual(['EQF level 6', '5 ECTS']);
    expect([triKey(true), triKey(false), triKey('unknown')]).toEqual(['tri_yes', 'tri_no', 'tri_unknown']);
  });
});

describe('<QualityProfilePanel>', () => {
  it('regression: field paths were shown outside the technical details; each source appears only with them', () => {
    const plain = mount(<QualityProfilePanel profile={profileOb3(fullyDescribed)} />);
    expect(plain.textContent).not.toContain('credentialSubject');
    expect(plain.querySelector('code')).toBeNull();
  });

  it('shows all eleven elements with presence, value and, with the technical details, source', () => {
    const el = mount(<QualityProfilePanel profile={profileOb3(fullyDescribed)} showSources />);
    const items = all(el, '[data-element]');
    expect(items).toHaveLength(11);
    expect(items.every((i) => i.getAttribute('data-presence') === 'present')).toBe(true);
    expect(items[7]!.textContent).toContain('Level (EQF/NQF)');
    expect(items[7]!.textContent).toContain('from credentialSubject.achievement.alignment');
    expect(el.textContent).toContain('use spreadsheet software');
  });

  it('shows free-text findings and the framework exclusions', () => {
    const el = mount(<QualityProfilePanel profile={webinar} />);
    expect(el.querySelector('[data-element="participation"]')!.getAttribute('data-presence')).toBe('free-text');
    expect(el.querySelector('[data-element="participation"]')!.textContent).toContain('Only in free text');
    expect(el.textContent).toContain('Records participation only, not assessed learning');
    expect(el.textContent).toContain('No assessment stated: not a micro-credential under the Australian framework');
  });
});
