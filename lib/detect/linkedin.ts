/**
 * Reads "Licenses & certifications" entries from a LinkedIn profile, its
 * `/details/certifications/` page or the logged-out public profile. LinkedIn
 * markup changes often and differs by login state, so entries are located by
 * `data-view-name` first, then by the section anchor, header text or the
 * public profile's `data-section`. The layouts read here are those of the
 * saved pages in tests/unit/detect/pages/linkedin-real/ and, for the 2026
 * server-driven layout of which no page is saved, the pages rebuilt from
 * scrapers' records in tests/unit/detect/pages/linkedin-reconstructed/ (each
 * names its source). Pure DOM reading: no fetch, no verification.
 */
import { absoluteHttpUrl as absolute } from './links';
import { matchPlatform, unwrapRedirect } from './platforms';
import { OWN_NODE_ATTRIBUTE, type Candidate, type CertificationEntry } from './types';

/** One certification entry with a credential link off LinkedIn, as a candidate to verify. */
export interface LinkedInEntry {
  candidate: Candidate;
  /** the entry element, for placing a marker */
  anchor: Element;
}

/** The company link of an entry in the server-driven layout (2025 on): the entry is around it. */
const LOCKUP = '[data-view-name="license-certifications-lockup-view"]';
/** The "Show credential" control of the server-driven layout (2026): the entry is around it, and it is the entry's credential link. */
const SEE_LICENSE = '[data-view-name="license-certifications-see-license-button"]';
/** Elements that mark one entry each in the server-driven layout; a `figure` (the issuer logo) only inside a certifications section. */
const ENTRY_MARKERS = [LOCKUP, SEE_LICENSE, 'figure'] as const;
/** An entry of the logged-in layout since 2024. */
const ENTITY = '[data-view-name="profile-component-entity"]';
/** List items holding one entry each: logged-in list and details page (2022 on), logged-out public profile. */
const LIST_ITEMS = 'li.pvs-list__paged-list-item, li.artdeco-list__item, li.profile-section-card';
/** Sections that are certifications by their own attributes (logged-out public profile: `data-section`). */
const SECTION_ATTRIBUTES =
  'section[data-view-name*="certif"], section[data-section="certifications"], [data-view-name="profile-card-licenses-and-certifications"], [data-view-name="profile-certifications-details-view"]';
/**
 * One native pass finds both the entry markers and the attribute-marked sections: every
 * `data-view-name` above contains "certif", and each selector part costs a pass over the page
 * (about 0.3 ms per 20,000 elements), so the two lists are split in script from the few hits.
 */
const CERTIFICATION_NODES = '[data-view-name*="certif"], section[data-section="certifications"]';
/** Actions, skills and attachments hang below an entry's own lines in the logged-in layout. */
const SUB_COMPONENTS = '.pvs-entity__sub-components';
/** Elements that hold one visible line when they hold no other such element. */
const LINE = 'p, h3, h4, span, div';

const HEADER_TEXT = /licen[cs]es?\s*(?:&|and|&amp;)\s*certifications|certifications|zertifikate|certificaciones|certifications et licences/i;
const ISSUED = /^(?:Issued|Ausgestellt|Délivré|Emitido|Expedición|Uitgegeven|Rilasciato)\b\s*/i;
const EXPIRES = /^(?:Expires|Expired|Läuft ab(?: am)?|Abgelaufen|Expire le|Expiré|Vence|Venció)\b\s*/i;
const NO_EXPIRY = /^(?:No Expiration Date|Kein Ablaufdatum|Aucune date d’expiration|Sin fecha de vencimiento)$/i;
const CREDENTIAL_ID = /^(?:Credential ID|Credential-ID|Nachweis-ID|ID de la credencial|ID de la certification|ID del credenziale)\s*:?\s*/i;
/** Lines that are controls, not claims: the credential button, "Show all", skills. */
const ACTION = /^(?:(?:Show|See) credential|Credential anzeigen|Nachweis anzeigen|Show all\b|Attached media$)|^(?:Skills|Kenntnisse|Aptitudes|Compétences)\s*:/i;
/** Text of the link LinkedIn labels as the entry's credential ("Show credential" logged in, "See credential" logged out). */
const CREDENTIAL_LINK_TEXT = /^(?:(?:Show|See) credential|Credential anzeigen|Nachweis anzeigen|Mostrar credencial|Afficher la certification)\b/i;
const DATE_SEPARATOR = /\s*·\s*/;

/** True when the URL is a LinkedIn page (profile, details page or feed), on www or a country host. */
export function isLinkedInUrl(pageUrl: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * The profile owner's name: the top card's `h1` (logged in and logged out),
 * else the `h2` of the server-driven top card, where the name moved
 * (`[data-view-name="profile-top-card"]`, as profile scrapers of 2026 read it).
 */
export function readProfileName(doc: Document | Element): string | undefined {
  const heading =
    doc.querySelector('main h1, h1.text-heading-xlarge, [data-view-name="profile-top-card"] h1, h1') ??
    doc.querySelector('[data-view-name="profile-top-card"] h2');
  const name = oneLine(heading?.textContent);
  // the details pages head their list with the section title, not the person
  return name && name.length <= 200 && !HEADER_TEXT.test(name) ? name : undefined;
}

/**
 * Every certification entry under `root`, with or without a credential link,
 * each with its own claim text as shown.
 * @example
 * readLinkedInCertifications(document, location.href).map((e) => e.title);
 */
export function readLinkedInCertifications(root: Document | Element, pageUrl: string): CertificationEntry[] {
  const out: CertificationEntry[] = [];
  for (const entry of findEntries(root, pageUrl)) {
    const read = readEntry(entry, pageUrl);
    if (read) out.push(read.entry);
  }
  return out;
}

/**
 * Every entry as a candidate: an entry whose credential link leaves LinkedIn
 * is a link to follow; any other entry (no link, or a LinkedIn-hosted
 * certificate such as LinkedIn Learning's, which carries no credential) is a
 * `claim`, so it still becomes a row with an honest state.
 */
export function detectLinkedInCertifications(root: Document | Element, pageUrl: string): LinkedInEntry[] {
  const out: LinkedInEntry[] = [];
  for (const element of findEntries(root, pageUrl)) {
    const read = readEntry(element, pageUrl);
    if (!read) continue;
    const { entry } = read;
    const link = entry.link && !onLinkedIn(entry.link) ? entry.link : undefined;
    const labels = {
      label: entry.title.slice(0, 300),
      issuerLabel: entry.issuer?.slice(0, 300),
      // the date line as shown after "Issued", expiry included ("Jan 2024 · Expires Jan 2027")
      issuedLabel: read.issuedLine?.slice(0, 100),
      expiresLabel: entry.expires?.slice(0, 100),
      credentialIdLabel: entry.credentialId?.slice(0, 200),
      fromEntry: true as const,
    };
    const candidate: Candidate = link
      ? { kind: 'link', value: link, platform: matchPlatform(link)?.platform.id, ...labels }
      : { kind: 'claim', value: entry.title.slice(0, 300), href: entry.link?.slice(0, 2048), ...labels };
    out.push({ anchor: entry.anchor, candidate: clean(candidate) });
  }
  return out;
}

/**
 * The number of certifications LinkedIn says the profile has when the
 * profile shows only some ("Show all 14 licenses & certifications"), with the
 * details page that lists them all.
 */
export function readShowAll(root: Document | Element, pageUrl: string): { count: number; url: string } | undefined {
  for (const a of all(root, 'a[href*="/details/certifications"], a[href*="/details/licenses"]')) {
    const count = /(\d{1,4})/.exec(oneLine(a.textContent))?.[1];
    const url = absolute(a.getAttribute('href') ?? '', pageUrl);
    if (count && url) return { count: Number(count), url };
  }
  return undefined;
}

/** Entry elements, outermost only (an entity inside another entry is the same certification). */
function findEntries(root: Document | Element, pageUrl: string): Element[] {
  const found = new Set<Element>();
  const nodes = certificationNodes(root);
  for (const marker of nodes.markers) found.add(entryAround(marker));
  for (const section of findSections(root, pageUrl, nodes.sections)) {
    const entities = all(section, ENTITY);
    const items = entities.length ? entities : all(section, LIST_ITEMS);
    // the server-driven layout has no list items: an issuer logo marks each entry (SDUI pages in tests/unit/detect/pages/linkedin-reconstructed)
    for (const e of items.length ? items : all(section, 'figure').map(entryAround)) found.add(e);
  }
  if (isElement(root) && found.size === 0) {
    // An added subtree may be a single entry inside an already known section.
    const inSection = root.closest('section') && findSections(root.ownerDocument, pageUrl).some((s) => s.contains(root));
    if (inSection && root.matches(`${ENTITY}, ${LIST_ITEMS}`)) found.add(root);
  }
  const list = [...found].filter((e) => !e.closest(`[${OWN_NODE_ATTRIBUTE}]`));
  return list.filter((e) => !list.some((other) => other !== e && other.contains(e))).sort(inDocumentOrder);
}

/** Entries come from several markers; the page's order is the order a person reads them in. */
function inDocumentOrder(a: Element, b: Element): number {
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out: no DOM globals in tests
  return a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

/**
 * The entry around a marker of the server-driven layout: its list item where
 * there is one, else the largest ancestor that still holds one entry — at
 * most one of each marker, no `<hr>` (LinkedIn separates entries with one),
 * no section heading, and never the section itself. The markup of an entry
 * varies between A/B layouts (the company link wraps the logo, or the lines,
 * or sits five levels deep), so no fixed depth is assumed.
 */
function entryAround(marker: Element): Element {
  const item = marker.closest('li');
  if (item) return item;
  let entry = marker;
  for (let parent = entry.parentElement; parent && holdsOneEntry(parent); parent = parent.parentElement) entry = parent;
  return entry;
}

function holdsOneEntry(element: Element): boolean {
  if (element.matches(`section, main, body, ${SECTION_ATTRIBUTES}`) || element.querySelector('hr')) return false;
  if (all(element, 'h1, h2, h3').some((h) => HEADER_TEXT.test(h.textContent ?? ''))) return false;
  return ENTRY_MARKERS.every((marker) => element.querySelectorAll(marker).length <= 1);
}

/** The entry markers and the attribute-marked sections under `root`, from one pass (`CERTIFICATION_NODES`). */
function certificationNodes(root: Document | Element): { markers: Element[]; sections: Element[] } {
  const markers: Element[] = [];
  const sections: Element[] = [];
  // an added subtree may itself be an entry's marker (never its own section: findSections reads that by its heading)
  if (isElement(root) && root.matches(`${LOCKUP}, ${SEE_LICENSE}`)) markers.push(root);
  for (const el of all(root, CERTIFICATION_NODES)) {
    if (el.matches(`${LOCKUP}, ${SEE_LICENSE}`)) markers.push(el);
    if (el.matches(SECTION_ATTRIBUTES)) sections.push(el);
  }
  return { markers, sections };
}

/** Sections holding certifications: anchor id, attributes, header text, or the details page's main column. */
function findSections(root: Document | Element, pageUrl: string, marked = certificationNodes(root).sections): Element[] {
  const sections = new Set<Element>();
  const anchored = root.querySelector('#licenses_and_certifications')?.closest('section');
  if (anchored) sections.add(anchored);
  for (const s of marked) sections.add(s);
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

interface ReadEntry {
  entry: CertificationEntry;
  /** the date line after "Issued", as shown (kept whole for the candidate's label) */
  issuedLine?: string;
}

/** Reads title, issuer, dates, credential id and link from one entry; undefined when it shows no title. */
function readEntry(element: Element, pageUrl: string): ReadEntry | undefined {
  let issued: string | null = null;
  let expires: string | null = null;
  let credentialId: string | null = null;
  let issuedLine: string | undefined;
  const rest: string[] = [];
  for (const line of textLines(element)) {
    if (ACTION.test(line)) continue;
    if (ISSUED.test(line)) {
      issuedLine = line.replace(ISSUED, '');
      // "Issued Apr 2024 · Expires Apr 2025" and "Issued Apr 2022 · No Expiration Date" on one line
      const [first, ...more] = issuedLine.split(DATE_SEPARATOR);
      issued = first || null;
      for (const part of more) if (EXPIRES.test(part)) expires = part.replace(EXPIRES, '') || null;
    } else if (EXPIRES.test(line)) {
      expires = line.replace(EXPIRES, '') || null;
    } else if (CREDENTIAL_ID.test(line)) {
      credentialId = line.replace(CREDENTIAL_ID, '') || null;
    } else if (!NO_EXPIRY.test(line)) {
      rest.push(line);
    }
  }
  const [title, issuer] = rest;
  if (!title) return undefined;
  const entry: CertificationEntry = { title, issuer: issuer ?? null, issued, expires, credentialId, link: credentialLink(element, pageUrl), anchor: element };
  return issuedLine === undefined ? { entry } : { entry, issuedLine };
}

/**
 * The entry's credential link: the one LinkedIn labels as the credential
 * ("Show credential", "See credential"), else the first link leaving LinkedIn.
 * Company, skill and attachment links stay on LinkedIn and are never taken.
 */
function credentialLink(entry: Element, pageUrl: string): string | null {
  let firstOff: string | undefined;
  for (const a of all(entry, 'a[href]')) {
    const href = absolute(a.getAttribute('href') ?? '', pageUrl);
    if (!href) continue;
    const target = withoutTracking(unwrapRedirect(href));
    const label = `${oneLine(a.textContent)} ${a.getAttribute('aria-label') ?? ''}`.trim();
    if ((a.getAttribute('data-tracking-control-name') ?? '').endsWith('see-credential') || a.matches(SEE_LICENSE) || CREDENTIAL_LINK_TEXT.test(label)) return target;
    if (!firstOff && !onLinkedIn(target)) firstOff = target;
  }
  return firstOff ?? null;
}

/**
 * The entry's visible lines, in order: elements holding text and no further
 * line element. The logged-in layout doubles each line for screen readers in
 * a `visually-hidden` span, and keeps skills and attachments in its
 * sub-components; neither is a line of the claim.
 */
function textLines(entry: Element): string[] {
  const lines: string[] = [];
  for (const node of all(entry, LINE)) {
    if (node.classList.contains('visually-hidden') || node.querySelector(LINE) || node.closest('button')) continue;
    const sub = node.closest(SUB_COMPONENTS);
    if (sub && entry.contains(sub)) continue;
    const text = oneLine(node.textContent);
    if (text && lines[lines.length - 1] !== text) lines.push(text);
  }
  return lines;
}

/** Drops LinkedIn's `trk` tracking parameters and leaves the rest of the query exactly as written. */
function withoutTracking(url: string): string {
  const match = /^([^?#]*)\?([^#]*)(#.*)?$/.exec(url);
  if (!match) return url;
  const [, base, query = '', hash = ''] = match;
  const kept = query.split('&').filter((part) => part !== '' && !/^trk(?:=|$)/i.test(part));
  return `${base}${kept.length ? `?${kept.join('&')}` : ''}${hash}`;
}

function onLinkedIn(url: string): boolean {
  return /^https?:\/\/([\w-]+\.)*linkedin\.com(?:[/:?#]|$)/i.test(url);
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
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
