/**
 * The toolbar badge: how many credentials the tab shows, coloured by the worst
 * verdict among those checked so far. `unverifiable` is grey, never green.
 */
import { type Verdict } from '../../engine';
import type { TabResults } from '../tab-results';

/** Higher = worse. failed and revoked share red; failed wins the tie. */
const SEVERITY: Record<Verdict, number> = { verified: 0, unverifiable: 1, expired: 2, revoked: 3, failed: 4 };

export const BADGE_COLOURS: Record<Verdict, string> = {
  failed: '#B91C1C',
  revoked: '#B91C1C',
  expired: '#B45309',
  unverifiable: '#6B7280',
  verified: '#15803D',
};

/** Colour while nothing has finished yet. */
export const PENDING_COLOUR = '#6B7280';

/** The worst verdict, or undefined for an empty list. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const v of verdicts) if (worst === undefined || SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst;
}

export interface BadgeState {
  text: string;
  color: string;
}

/** Badge text (count, empty when none) and colour (worst finished verdict). */
export function badgeFor(results: TabResults | undefined): BadgeState {
  const credentials = results?.credentials ?? [];
  if (credentials.length === 0) return { text: '', color: PENDING_COLOUR };
  const worst = worstVerdict(credentials.flatMap((c) => (c.state === 'done' && c.report ? [c.report.verdict] : [])));
  return { text: credentials.length > 99 ? '99+' : String(credentials.length), color: worst ? BADGE_COLOURS[worst] : PENDING_COLOUR };
}
