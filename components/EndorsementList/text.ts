/** An endorsement in words: who, about what, and whether it was verified and counts (SECURITY.md row 61). */
import { t } from '../../lib/extension/i18n';
import type { EndorsementView } from '../../lib/trust/endorsements';

export type EndorsementFacts = Pick<EndorsementView, 'endorser' | 'about' | 'state' | 'doesNotCount' | 'comment'>;

/** The locale key of an endorsement's state: a verified one that does not count says why. */
export function endorsementKey(e: Pick<EndorsementView, 'state' | 'doesNotCount'>): string {
  if (e.state === 'verified') return e.doesNotCount ? `endorsement_${e.doesNotCount.replace('-', '_')}` : 'endorsement_verified';
  return `endorsement_${e.state.replace('-', '_')}`;
}

/** "Endorsement of the issuer by Accreditation Council: verified". */
export const endorsementText = (e: EndorsementFacts): string => t(endorsementKey(e), e.endorser, t(`endorsementAbout_${e.about}`));
