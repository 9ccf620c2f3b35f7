/**
 * How each verdict looks: distinct word, icon and colour, so "could not be
 * checked" can never be mistaken for "verified", even
 * in greyscale or by colour-blind readers.
 */
import { type Verdict } from '../../lib/engine';

export type VerdictOrPending = Verdict | 'pending';
/**
 * What a badge shows: a verdict, "checking", or "not a credential", the
 * neutral state of an input that holds none (lib/extension/report-view.ts),
 * never the red badge of a forgery.
 */
export type ShownVerdict = VerdictOrPending | 'not-credential';
export type VerdictIcon = 'check' | 'cross' | 'clock' | 'blocked' | 'question' | 'dots' | 'dash';
export type VerdictTone = 'ok' | 'bad' | 'warn' | 'unknown' | 'pending' | 'neutral';

export interface VerdictPresentation {
  icon: VerdictIcon;
  tone: VerdictTone;
  /** i18n key of the verdict word */
  labelKey: string;
  /** i18n key of the one-sentence explanation */
  hintKey?: string;
}

const TABLE: Record<ShownVerdict, VerdictPresentation> = {
  verified: { icon: 'check', tone: 'ok', labelKey: 'verdict_verified', hintKey: 'verdictHint_verified' },
  failed: { icon: 'cross', tone: 'bad', labelKey: 'verdict_failed', hintKey: 'verdictHint_failed' },
  expired: { icon: 'clock', tone: 'warn', labelKey: 'verdict_expired', hintKey: 'verdictHint_expired' },
  revoked: { icon: 'blocked', tone: 'bad', labelKey: 'verdict_revoked', hintKey: 'verdictHint_revoked' },
  unverifiable: { icon: 'question', tone: 'unknown', labelKey: 'verdict_unverifiable', hintKey: 'verdictHint_unverifiable' },
  pending: { icon: 'dots', tone: 'pending', labelKey: 'verdict_pending' },
  'not-credential': { icon: 'dash', tone: 'neutral', labelKey: 'verdict_notCredential', hintKey: 'verdictHint_notCredential' },
};

/** The presentation of a verdict; anything unexpected is shown as "could not be checked", never as verified. */
export function verdictPresentation(verdict: string | undefined): VerdictPresentation {
  return Object.prototype.hasOwnProperty.call(TABLE, verdict ?? '') ? TABLE[verdict as ShownVerdict] : TABLE.unverifiable;
}

/** SVG paths (24×24, stroked) for each icon; our own artwork, never credential-supplied. */
export const ICON_PATHS: Record<VerdictIcon, string> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6 6l12 12M18 6L6 18',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2',
  blocked: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M5.7 5.7l12.6 12.6',
  question: 'M9.2 9a3 3 0 1 1 4.3 2.7c-.9.5-1.5 1.2-1.5 2.3v.5M12 18.5v.5',
  dots: 'M6 12h.01M12 12h.01M18 12h.01',
  dash: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 12h8',
};
