/**
 * Does the name a page shows for a credential match the name the issuer
 * signed? A genuine badge for another course can be attached to a claimed
 * certification; the verdict cannot see that, the recruiter should.
 */

/** Link texts and filler that say nothing about which credential it is ("Show credential", "View badge"). */
const GENERIC = new Set([
  'show', 'view', 'see', 'open', 'verify', 'link', 'click', 'here', 'credential', 'credentials', 'badge', 'badges',
  'certificate', 'certification', 'my', 'the', 'of', 'for', 'and', 'in', 'to', 'a', 'an', 'on',
]);

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !GENERIC.has(w));

/** True when the page label and the signed title share too little to be the same credential. */
export function labelDiffers(pageLabel: string | undefined, signedTitle: string | undefined): boolean {
  if (!pageLabel || !signedTitle) return false;
  const page = words(pageLabel);
  const signed = new Set(words(signedTitle));
  // a one-word or generic label ("View badge") is too little to judge by
  if (page.length < 2 || signed.size === 0) return false;
  const shared = page.filter((w) => signed.has(w)).length;
  // most of the shorter name must appear in the other: "AWS Developer" vs "AWS Certified Developer – Associate" is the same
  return shared / Math.min(page.length, signed.size) < 0.6;
}
