/**
 * Baked SVG badges: a bounded scanner, not an XML parser, so no entity is ever
 * expanded and nothing is fetched. OB 3.0 docformat §"Baked Badge" puts the
 * credential in `<openbadges:credential>` (a JWS in `verify`, otherwise JSON
 * in the body); OB 2.0 baking puts the assertion in `<openbadges:assertion>`
 * (a JWS or hosted URL in `verify`, optionally JSON in the body).
 */
import { VerifierError } from '../errors';

const ELEMENT = /<openbadges:(credential|assertion)\b/gi;
const JWS = /^ey[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * Returns the embedded credential text (JSON, compact JWS or a hosted
 * assertion URL). Throws IMAGE_NO_CREDENTIAL when there is no element.
 */
export function extractFromSvg(text: string): string {
  rejectDtd(text);
  const starts = [...text.matchAll(ELEMENT)];
  if (starts.length === 0) throw new VerifierError('IMAGE_NO_CREDENTIAL');
  // "Only one such element" (OB 3.0 docformat): a second one would make the choice ambiguous.
  if (starts.length > 1) throw new VerifierError('IMAGE_MALFORMED', { reason: 'more than one embedded credential' });
  const match = starts[0]!;
  const name = `openbadges:${match[1]!}`;
  const tagEnd = findTagEnd(text, match.index!);
  const openTag = text.slice(match.index!, tagEnd + 1);
  const verify = attribute(openTag, 'verify');
  const body = openTag.endsWith('/>') ? '' : elementBody(text, tagEnd + 1, name);
  if (verify && JWS.test(verify)) return verify;
  if (body) return body;
  if (verify) return verify;
  throw new VerifierError('IMAGE_MALFORMED', { reason: `the ${name} element is empty` });
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

/** Index of the `>` closing the start tag, skipping quoted attribute values. */
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

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? '').trim() || undefined;
}

/** The element's single text or CDATA body, trimmed. */
function elementBody(text: string, from: number, name: string): string {
  const close = text.indexOf(`</${name}`, from);
  if (close < 0) throw new VerifierError('IMAGE_MALFORMED', { reason: `unclosed ${name} element` });
  const inner = text.slice(from, close);
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  const sections = [...inner.matchAll(cdata)];
  if (sections.length > 1) throw new VerifierError('IMAGE_MALFORMED', { reason: 'more than one CDATA section' });
  if (sections.length === 1) {
    if (inner.replace(cdata, '').trim() !== '') throw new VerifierError('IMAGE_MALFORMED', { reason: 'text beside the CDATA section' });
    return sections[0]![1]!.trim();
  }
  if (inner.includes('<')) throw new VerifierError('IMAGE_MALFORMED', { reason: `markup inside ${name}` });
  return unescapeXml(inner).trim();
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
