/**
 * A bounded, non-validating XML reader for legacy Europass (EDCI v1)
 * credentials. There is no DOMParser in an MV3 service worker, and the
 * content only needs to be shown, so this builds a small element tree.
 * Document type declarations are refused outright (no entity expansion is
 * ever attempted: billion laughs and XXE, cf. libexpat CVE-2013-0340), and
 * element count and depth are capped.
 */
import { VerifierError } from '../../errors';

/** One element of the parsed document. */
export interface XmlElement {
  /** local name, namespace prefix removed */
  name: string;
  /** qualified name as written */
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const MAX_ELEMENTS = 50_000;
const MAX_DEPTH = 64;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the five predefined entities and character references (XML 1.0 §4.1, §4.6); others are left as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

const unparseable = (reason: string) => new VerifierError('INPUT_UNPARSEABLE', { reason });

/** A single left-to-right pass (no backtracking regex: attribute text is attacker-controlled). */
function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  while (i < source.length) {
    skipSpace();
    const nameStart = i;
    while (i < source.length && source[i] !== '=' && !/\s/.test(source[i]!)) i++;
    const name = source.slice(nameStart, i);
    skipSpace();
    if (!name || source[i] !== '=') break;
    i++;
    skipSpace();
    const quote = source[i];
    if (quote !== '"' && quote !== "'") break;
    const end = source.indexOf(quote, i + 1);
    if (end < 0) throw unparseable('unterminated XML attribute');
    attrs[name] = decodeEntities(source.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Skips a comment, CDATA section or processing instruction at `i`; returns the index after it, or -1. */
function skipSpecial(xml: string, i: number, parent: XmlElement | undefined): number {
  const close = (marker: string, from: number) => {
    const end = xml.indexOf(marker, from);
    if (end < 0) throw unparseable('unterminated XML markup');
    return end + marker.length;
  };
  if (xml.startsWith('<!--', i)) return close('-->', i + 4);
  if (xml.startsWith('<![CDATA[', i)) {
    const end = close(']]>', i + 9);
    if (parent) parent.text += xml.slice(i + 9, end - 3);
    return end;
  }
  if (xml.startsWith('<?', i)) return close('?>', i + 2);
  if (xml.startsWith('<!', i)) throw unparseable('XML with a document type declaration is refused for safety');
  return -1;
}

/** Parses the document into its root element. Throws INPUT_UNPARSEABLE on malformed or unsafe XML. */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw unparseable('XML with a document type declaration is refused for safety');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (top) top.text += decodeEntities(xml.slice(i, lt < 0 ? xml.length : lt));
    if (lt < 0) break;
    const skipped = skipSpecial(xml, lt, top);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw unparseable('unterminated XML tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const closed = stack.pop();
      if (!closed || closed.qname !== tag.slice(1).trim()) throw unparseable('mismatched XML end tag');
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const qname = body.match(/^[^\s/>]+/)?.[0];
    if (!qname) throw unparseable('malformed XML tag');
    if (++count > MAX_ELEMENTS) throw new VerifierError('INPUT_TOO_LARGE', { elements: MAX_ELEMENTS });
    if (stack.length >= MAX_DEPTH) throw new VerifierError('INPUT_TOO_DEEP', { cap: MAX_DEPTH });
    const el: XmlElement = { name: localName(qname), qname, attrs: parseAttributes(body.slice(qname.length)), children: [], text: '' };
    if (top) top.children.push(el);
    else if (root) throw unparseable('more than one XML root element');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (!root || stack.length > 0) throw unparseable('incomplete XML document');
  return root;
}

/** The first child with this local name, following a path of names. */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = el;
  for (const name of path) current = current?.children.find((c) => c.name === name);
  return current;
}

/** The direct children with this local name. */
export const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];

/** First element with this local name anywhere below `el` (depth-first, bounded by the tree caps). */
export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const deeper = findFirst(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}
