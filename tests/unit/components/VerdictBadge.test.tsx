import { describe, expect, it } from 'vitest';
import { all, mount } from './dom';
import { VerdictBadge } from '../../../components/VerdictBadge';
import { verdictPresentation } from '../../../components/VerdictBadge/presentation';
import { VERDICTS } from '../../../lib/engine/report';

describe('verdictPresentation', () => {
  it('gives every verdict its own icon and word', () => {
    const all = [...VERDICTS, 'pending' as const].map((v) => verdictPresentation(v));
    expect(new Set(all.map((p) => p.icon)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.labelKey)).size).toBe(all.length);
  });

  it('never presents "could not be checked" like "verified"', () => {
    const unknown = verdictPresentation('unverifiable');
    const ok = verdictPresentation('verified');
    expect(unknown.tone).not.toBe(ok.tone);
    expect(unknown.icon).not.toBe(ok.icon);
  });

  it('shows anything unexpected as could-not-be-checked', () => {
    expect(verdictPresentation('totally-fine')).toEqual(verdictPresentation('unverifiable'));
    expect(verdictPresentation(undefined)).toEqual(verdictPresentation('unverifiable'));
    expect(verdictPresentation('__proto__')).toEqual(verdictPresentation('unverifiable'));
  });
});

describe('<VerdictBadge>', () => {
  it('renders the word and an icon with an accessible name', () => {
    const el = mount(<VerdictBadge verdict="expired" />);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Expired');
    expect(el.textContent).toContain('Expired');
    expect(el.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('expired');
  });

  it('adds the explanation when large', () => {
    const el = mount(<VerdictBadge verdict="unverifiable" size="large" />);
    expect(el.textContent).toContain('This is not a confirmation');
    expect(all(el, 'svg')).toHaveLength(1);
  });
});
