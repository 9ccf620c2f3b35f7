/**
 * Reads "Licenses & certifications" entries from a LinkedIn profile or its
 * `/details/certifications/` page. LinkedIn markup changes often and differs
 * by locale, so entries are located by `data-view-name` first, then by the
 * section anchor and header text (LinkedIn markup as observed: section
 * #licenses_and_certifications, data-view-name lockup entries). Pure DOM reading: no
 * fetch, no verification.
 */
import { absoluteHttpUrl as absolute } from './links';
import { matchPlatform, unwrapRedirect } from './platforms';
import { OWN_NODE_ATTRIBUTE, type Candidate } from './types';

/** One certification entry as seen on the page. */
export interface LinkedInEntry {
  candidate: Candidate;
  /** the entry element, for placing a marker */
  anchor: Element;
}

const LOCKUP = '[data-view-name="license-certifications-lockup-view"]';
const ENTITY = '[data-view-name="profile-component-entity"]';
const CLASSIC_ITEMS = 'li.pvs-list__paged-list-item, li.artdeco-list__item';
const HEADER_TEXT = /licen[cs]es?\s*(?:&|and|&amp;)\s*certifications|certifications|zertifikate|certificaciones|certifications et licences/i;
const ISSUED = /^(?:Issued|Ausgestellt|Délivré|Emitido|Expedición|Uitgegeven|Rilasciato)\b\s*/i;
const CREDENTIAL_ID = /^(?:Credential ID|Credential-ID|Nachweis-ID|ID de la credencial|ID de la certification|ID del credenziale)\s*:?\s*/i;
const SKILLS = /^(?:Skills|Kenntnisse|Aptitudes|Compétences)\s*:/i;

/** True when the URL is a LinkedIn page (profile, details page or feed). */
export function isLinkedInUrl(pageUrl: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}

/** The profile owner's name from the top card (the first h1 of the main column). */
export function readProfileName(doc: Document | Element): string | undefined {
  const h1 = doc.querySelector('main h1, h1.text-heading-xlarge, [data-view-name="profile-top-card"] h1, h1');
  const name = h1?.textContent?.replace(/\s+/g, ' ').trim();
  // the details pages head their list with the section title, not the person
  return name && name.length <= 200 && !HEADER_TEXT.test(name) ? name : undefined;
}

/** Finds every certification entry under `root`; each entry with a credential link becomes one candidate. */
export function detectLinkedInCertifications(root: Document | Element, pageUrl: string): LinkedInEntry[] {
  const out: LinkedInEntry[] = [];
  for (const entry of findEntries(root, pageUrl)) {
    const parsed = readEntry(entry, pageUrl);
    if (parsed) out.push({ candidate: parsed, anchor: entry });
  }
  return out;
}

/** Entry elements, outermost only (an entity inside another entry is the same certification). */
function findEntries(root: Document | Element, pageUrl: string): Element[] {
  const found = new Set<Element>();
  for (const lockup of all(root, LOCKUP)) found.add(lockup.closest('li') ?? lockup.parentElement ?? lockup);
  for (const section of findSections(root, pageUrl)) {
    const entities = all(section, ENTITY);
    for (const e of entities.length ? entities : all(section, CLASSIC_ITEMS)) found.add(e);
  }
  if (isElement(root) && found.size === 0) {
    // An added subtree may be a single entry inside an already known section.
    const inSection = root.closest('section') && findSections(root.ownerDocument, pageUrl).some((s) => s.contains(root));
    if (inSection && root.matches(`${ENTITY}, ${CLASSIC_ITEMS}`)) found.add(root);
  }
  const list = [...found].filter((e) => !e.closest(`[${OWN_NODE_ATTRIBUTE}]`));
  return list.filter((e) => !list.some((other) => other !== e && other.contains(e)));
}

/** Sections holding certifications: anchor id, `data-view-name`, header text, or the details page's main column. */
function findSections(root: Document | Element, pageUrl: string): Element[] {
  const sections = new Set<Element>();
  const anchor = root.querySelector('#licenses_and_certifications');
  const anchored = anchor?.closest('section');
  if (anchored) sections.add(anchored);
  for (const s of all(root, 'section[data-view-name*="certif"]')) sections.add(s);
  for (const header of all(root, 'section h2, section .pvs-header__title')) {
    if (HEADER_TEXT.test(header.textContent ?? '')) {
      const s = header.closest('section');
      if (s) sections.add(s);
    }
  }
  if (/\/details\/(?:certifications|licenses)\/?/.test(safePath(pageUrl))) {
    const main = root.querySelector('main');
    if (main) sections.add(main);
  }
  if (isElement(root) && root.matches('section') && sections.size === 0 && HEADER_TEXT.test(root.querySelector('h2')?.textContent ?? '')) sections.add(root);
  return [...sections];
}

/** Reads name, issuer, date, credential id and the credential link from one entry. */
function readEntry(entry: Element, pageUrl: string): Candidate | undefined {
  const link = credentialLink(entry, pageUrl);
  if (!link) return undefined;
  const lines = textLines(entry);
  const issued = lines.find((l) => ISSUED.test(l));
  const credentialId = lines.find((l) => CREDENTIAL_ID.test(l));
  const rest = lines.filter((l) => l !== issued && l !== credentialId && !SKILLS.test(l) && !/show credential|credential anzeigen|^see /i.test(l));
  const platform = matchPlatform(link);
  return clean({
    kind: 'link',
    value: link,
    platform: platform?.platform.id,
    label: rest[0]?.slice(0, 300),
    issuerLabel: rest[1]?.slice(0, 300),
    issuedLabel: issued?.replace(ISSUED, '').slice(0, 100),
    credentialIdLabel: credentialId?.replace(CREDENTIAL_ID, '').slice(0, 200),
  });
}

/** The "Show credential" target: a link labelled as a credential, else the first link leaving LinkedIn. */
function credentialLink(entry: Element, pageUrl: string): string | undefined {
  const external: { href: string; labelled: boolean }[] = [];
  for (const a of all(entry, 'a[href]')) {
    const href = absolute(a.getAttribute('href') ?? '', pageUrl);
    if (!href) continue;
    const target = unwrapRedirect(href);
    if (/^https?:\/\/([\w-]+\.)*linkedin\.com\//i.test(target)) continue;
    const text = `${a.textContent ?? ''} ${a.getAttribute('aria-label') ?? ''}`;
    external.push({ href: target, labelled: /credential|nachweis|credencial|certificat|verify/i.test(text) });
  }
  return (external.find((l) => l.labelled) ?? external[0])?.href;
}

/**
 * The entry's visible lines. The classic layout doubles every line in a
 * `visually-hidden` span, so read `aria-hidden` spans there; the new layout
 * uses plain `<p>` lines.
 */
function textLines(entry: Element): string[] {
  const spans = all(entry, 'span[aria-hidden="true"]');
  const nodes = spans.length ? spans : all(entry, 'p, h3, h4');
  const lines = nodes.map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
  return [...new Set(lines)];
}

/** nodeType check instead of `instanceof Element`, which differs between realms (page, test DOM). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

function all(root: Document | Element, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function safePath(pageUrl: string): string {
  try {
    return new URL(pageUrl).pathname;
  } catch {
    return '';
  }
}

/** Drops undefined members so the candidate matches the strict message schema. */
function clean(c: Candidate): Candidate {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== '')) as unknown as Candidate;
}
