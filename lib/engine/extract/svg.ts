/**
 * Baked SVG badges: a bounded scanner, not an XML parser, so no entity is ever
 * expanded and nothing is fetched. OB 3.0 docformat §"Baked Badge" puts the
 * credential in a `credential` element of the namespace
 * `https://purl.imsglobal.org/ob/v3p0` (a JWS in `verify`, otherwise JSON in
 * the body); OB 2.0 baking puts the assertion in an `assertion` element of
 * `http://openbadges.org` (a JWS or hosted URL in `verify`, optionally JSON in
 * the body). Both usually carry the prefix `openbadges:`, but XML lets a baker
 * bind the namespace to any prefix or make it the default namespace, so the
 * element is found by namespace URI (Namespaces in XML 1.0 §6: scoping).
 *
 * Every step walks the text forward once (indexOf from a moving cursor, no
 * backtracking regex over the document), so the work is linear in the size of
 * the file whatever it contains (SECURITY.md row 49).
 */
import { VerifierError } from '../errors';

/** Namespace URIs of the Open Badges baking specifications (OB 3.0 docformat §5.3.2.1, OB 2.0 baking). */
const OB_NAMESPACES: ReadonlySet<string> = new Set(['https://purl.imsglobal.org/ob/v3p0', 'http://openbadges.org', 'https://openbadges.org']);
/** Local names of the elements that carry a credential. */
const CREDENTIAL_ELEMENTS: ReadonlySet<string> = new Set(['credential', 'assertion']);
/** The prefix every baker writes; still read when the file forgets to declare it. */
const CONVENTIONAL_PREFIX = 'openbadges';
const JWS = /^ey[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

const OB_NAMESPACE_DECLARATION = /xmlns(?::[\w.-]+)?\s*=\s*["'](?:https:\/\/purl\.imsglobal\.org\/ob\/v3p0|https?:\/\/openbadges\.org)["']/;

/** True when markup looks like a baked SVG: an `<svg` root near the start, an `openbadges:` element or an Open Badges namespace declaration. */
export function looksLikeBakedSvg(text: string): boolean {
  return /<svg[\s>]/i.test(text.slice(0, 4096)) || /<openbadges:/i.test(text) || OB_NAMESPACE_DECLARATION.test(text);
}

/**
 * Returns the embedded credential text (JSON, compact JWS or a hosted
 * assertion URL). Throws IMAGE_NO_CREDENTIAL when there is no element, and
 * IMAGE_MALFORMED when there are two or the element cannot be read.
 */
export function extractFromSvg(text: string): string {
  rejectDtd(text);
  const element = findCredentialElement(text);
  if (!element) throw new VerifierError('IMAGE_NO_CREDENTIAL');
  const verify = element.verify === undefined ? undefined : unescapeXml(element.verify).trim() || undefined;
  if (verify && JWS.test(verify)) return verify;
  if (element.body) return element.body;
  if (verify) return verify;
  throw new VerifierError('IMAGE_MALFORMED', { reason: `the ${element.name} element is empty` });
}

/**
 * An internal DTD subset can declare entities (billion laughs, external
 * entities), so any `<!ENTITY` or `[` subset is refused. The plain SVG 1.1
 * `<!DOCTYPE svg PUBLIC "…" "…">` line (no subset) is tolerated: many
 * editors write it, and this scanner never loads or expands a DTD.
 */
function rejectDtd(text: string): void {
  if (/<!ENTITY/i.test(text)) throw new VerifierError('IMAGE_SVG_DOCTYPE_REJECTED');
  const doctypes = [...text.matchAll(/<!DOCTYPE([^>]*)>?/gi)];
  if (doctypes.length > 1 || doctypes.some((d) => !/^\s+svg\s+PUBLIC\s+"[^"[]*"\s+"[^"[]*"\s*$/i.test(d[1] ?? '') || !d[0].endsWith('>')))
    throw new VerifierError('IMAGE_SVG_DOCTYPE_REJECTED');
}

interface CredentialElement {
  /** the qualified name as written, e.g. `openbadges:credential` */
  name: string;
  /** the raw `verify` attribute value, when present */
  verify?: string;
  /** the trimmed text or CDATA body, '' for an empty or self-closing element */
  body: string;
}

/**
 * Walks the markup once, tracking namespace declarations per element
 * (prefix → stack of URIs, so a lookup costs the same at any depth), and
 * returns the one Open Badges credential element. "Only one such element"
 * (OB 3.0 docformat): a second one, of either name, makes the choice
 * ambiguous and is IMAGE_MALFORMED (SECURITY.md rows 29 and 51). Comments,
 * CDATA sections and processing instructions outside the element are
 * skipped, so text inside them is never taken for an element.
 */
function findCredentialElement(text: string): CredentialElement | undefined {
  const scopes = new NamespaceScopes();
  /** for each open element, the prefixes it declared (popped at its end tag) */
  const open: (readonly string[])[] = [];
  let found: CredentialElement | undefined;
  let at = 0;
  for (;;) {
    const lt = text.indexOf('<', at);
    if (lt < 0) return found;
    if (text.startsWith('<!--', lt)) at = skipPast(text, '-->', lt + 4, 'comment');
    else if (text.startsWith('<![CDATA[', lt)) at = skipPast(text, ']]>', lt + 9, 'CDATA section');
    else if (text.startsWith('<?', lt)) at = skipPast(text, '?>', lt + 2, 'processing instruction');
    else if (text.startsWith('<!', lt)) at = findTagEnd(text, lt) + 1; // the DOCTYPE line rejectDtd allowed
    else if (text.startsWith('</', lt)) {
      at = findTagEnd(text, lt) + 1;
      scopes.undeclare(open.pop() ?? []);
    } else {
      const tagEnd = findTagEnd(text, lt);
      const tag = readStartTag(text, lt + 1, tagEnd);
      const declared = scopes.declare(tag.attributes);
      at = tagEnd + 1;
      if (isCredentialElement(tag.name, scopes)) {
        if (found) throw new VerifierError('IMAGE_MALFORMED', { reason: 'more than one embedded credential' });
        const verify = tag.attributes.get('verify');
        if (tag.selfClosing) found = { name: tag.name, body: '', ...(verify !== undefined ? { verify } : {}) };
        else {
          const body = readBody(text, at, tag.name);
          found = { name: tag.name, body: body.value, ...(verify !== undefined ? { verify } : {}) };
          at = body.next;
        }
        scopes.undeclare(declared);
      } else if (tag.selfClosing) scopes.undeclare(declared);
      else open.push(declared);
    }
  }
}

/** An element of an Open Badges namespace named `credential` or `assertion`, whatever its prefix. */
function isCredentialElement(name: string, scopes: NamespaceScopes): boolean {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = (colon < 0 ? name : name.slice(colon + 1)).toLowerCase();
  if (!CREDENTIAL_ELEMENTS.has(local)) return false;
  const namespace = scopes.lookup(prefix);
  if (namespace !== undefined) return OB_NAMESPACES.has(namespace);
  // An undeclared `openbadges:` prefix is not namespace-well-formed, but it is what was always read.
  return prefix.toLowerCase() === CONVENTIONAL_PREFIX;
}

/** In-scope namespace bindings; the default namespace is the prefix ''. */
class NamespaceScopes {
  private readonly bindings = new Map<string, string[]>();

  /** Binds the `xmlns` / `xmlns:p` attributes of one start tag; returns the prefixes bound. */
  declare(attributes: ReadonlyMap<string, string>): readonly string[] {
    if (attributes.size === 0) return NO_PREFIXES;
    const declared: string[] = [];
    for (const [name, value] of attributes) {
      const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
      if (prefix === undefined) continue;
      let stack = this.bindings.get(prefix);
      if (!stack) this.bindings.set(prefix, (stack = []));
      stack.push(unescapeXml(value).trim());
      declared.push(prefix);
    }
    return declared;
  }

  undeclare(prefixes: readonly string[]): void {
    for (const prefix of prefixes) this.bindings.get(prefix)?.pop();
  }

  lookup(prefix: string): string | undefined {
    const stack = this.bindings.get(prefix);
    return stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  }
}

interface StartTag {
  name: string;
  /**
   * The attributes this scanner reads (`verify`, `xmlns`, `xmlns:*`), name →
   * raw value with entities not yet resolved; the first of duplicates wins.
   */
  attributes: Map<string, string>;
  selfClosing: boolean;
}

const NO_PREFIXES: readonly string[] = [];

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Reads `name attr="v" …` between `from` (after `<`) and `end` (the closing `>`), in one pass. */
function readStartTag(text: string, from: number, end: number): StartTag {
  const selfClosing = text[end - 1] === '/';
  const stop = selfClosing ? end - 1 : end;
  let i = from;
  while (i < stop && !isSpace(text[i]) && text[i] !== '/') i++;
  const name = text.slice(from, i);
  const attributes = new Map<string, string>();
  while (i < stop) {
    while (i < stop && (isSpace(text[i]) || text[i] === '/')) i++;
    const nameStart = i;
    while (i < stop && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '/') i++;
    const attributeName = text.slice(nameStart, i);
    while (i < stop && isSpace(text[i])) i++;
    if (text[i] !== '=') continue; // an attribute without a value is not XML; skip it rather than guess
    i++;
    while (i < stop && isSpace(text[i])) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    // findTagEnd skipped quoted values, so the closing quote lies before `end`
    const valueEnd = close < 0 || close > stop ? stop : close;
    if ((attributeName === 'verify' || attributeName.startsWith('xmlns')) && !attributes.has(attributeName))
      attributes.set(attributeName, text.slice(i + 1, valueEnd));
    i = valueEnd + 1;
  }
  return { name, attributes, selfClosing };
}

/** Index just past the next `terminator` at or after `from`. */
function skipPast(text: string, terminator: string, from: number, what: string): number {
  const end = text.indexOf(terminator, from);
  if (end < 0) throw new VerifierError('IMAGE_MALFORMED', { reason: `unterminated ${what}` });
  return end + terminator.length;
}

/** Index of the `>` closing the tag that starts at `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new VerifierError('IMAGE_MALFORMED', { reason: 'unterminated tag' });
}

/**
 * The element's single text or CDATA body, trimmed, and the index after its
 * end tag. Markup inside the element, a second CDATA section or text beside
 * one are refused: the body is one credential, not a document.
 */
function readBody(text: string, from: number, name: string): { value: string; next: number } {
  let at = from;
  let outside = '';
  let cdata: string | undefined;
  for (;;) {
    const lt = text.indexOf('<', at);
    if (lt < 0) throw new VerifierError('IMAGE_MALFORMED', { reason: `unclosed ${name} element` });
    outside += text.slice(at, lt);
    if (text.startsWith('<![CDATA[', lt)) {
      const next = skipPast(text, ']]>', lt + 9, 'CDATA section');
      if (cdata !== undefined) throw new VerifierError('IMAGE_MALFORMED', { reason: 'more than one CDATA section' });
      cdata = text.slice(lt + 9, next - 3);
      at = next;
      continue;
    }
    if (!text.startsWith('</', lt)) throw new VerifierError('IMAGE_MALFORMED', { reason: `markup inside ${name}` });
    const tagEnd = findTagEnd(text, lt);
    if (text.slice(lt + 2, tagEnd).trim() !== name) throw new VerifierError('IMAGE_MALFORMED', { reason: `markup inside ${name}` });
    if (cdata === undefined) return { value: unescapeXml(outside).trim(), next: tagEnd + 1 };
    if (outside.trim() !== '') throw new VerifierError('IMAGE_MALFORMED', { reason: 'text beside the CDATA section' });
    return { value: cdata.trim(), next: tagEnd + 1 };
  }
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** XML's five predefined entities and character references only (XML 1.0 §4.6, §4.1). */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
