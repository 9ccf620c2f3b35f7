import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor, PENDING_COLOUR, worstVerdict } from '../../../../lib/extension/background/badge';
import type { Report, Verdict } from '../../../../lib/engine/report';
import type { TabResults } from '../../../../lib/extension/tab-results';

const tab = (states: (Verdict | 'pending')[]): TabResults => ({
  tabId: 1,
  pageUrl: 'https://www.linkedin.com/in/x/',
  updatedAt: '2026-01-01T00:00:00Z',
  credentials: states.map((s, i) =>
    s === 'pending'
      ? { key: `k${i}`, candidateKind: 'link', pageUrl: 'p', state: 'pending' as const }
      : { key: `k${i}`, candidateKind: 'link', pageUrl: 'p', state: 'done' as const, report: { verdict: s } as Report },
  ),
});

describe('worstVerdict', () => {
  it.each<[Verdict[], Verdict | undefined]>([
    [[], undefined],
    [['verified'], 'verified'],
    [['verified', 'unverifiable'], 'unverifiable'],
    [['unverifiable', 'expired', 'verified'], 'expired'],
    [['expired', 'revoked'], 'revoked'],
    [['revoked', 'failed', 'verified'], 'failed'],
  ])('%j → %s', (verdicts, worst) => {
    expect(worstVerdict(verdicts)).toBe(worst);
  });
});

describe('badgeFor', () => {
  it('is empty for no credentials', () => {
    expect(badgeFor(undefined)).toEqual({ text: '', color: PENDING_COLOUR });
    expect(badgeFor(tab([])).text).toBe('');
  });

  it('counts pending and finished, coloured by the worst finished verdict', () => {
    expect(badgeFor(tab(['pending', 'pending']))).toEqual({ text: '2', color: PENDING_COLOUR });
    expect(badgeFor(tab(['verified', 'pending']))).toEqual({ text: '2', color: BADGE_COLOURS.verified });
    expect(badgeFor(tab(['verified', 'expired']))).toEqual({ text: '2', color: BADGE_COLOURS.expired });
    expect(badgeFor(tab(['verified', 'revoked', 'unverifiable'])).color).toBe('#B91C1C');
  });

  it('never colours "could not be checked" green', () => {
    expect(badgeFor(tab(['unverifiable'])).color).not.toBe(BADGE_COLOURS.verified);
    expect(BADGE_COLOURS.unverifiable).toBe(PENDING_COLOUR);
  });
});
