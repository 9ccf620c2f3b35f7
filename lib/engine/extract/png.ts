/**
 * Baked PNG badges: a bounded chunk reader, never a decoder. It walks the
 * chunk list once (PNG §5.3: length, type, data, CRC), refuses lengths that
 * run past the file, and stops at IEND. The credential lives in an `iTXt`
 * chunk (OB 3.0 docformat §"Baked Badge": keyword `openbadgecredential`;
 * OB 2.0 baking: keyword `openbadges`) or, for pre-2.0 badges, in a `tEXt`
 * chunk `openbadges` holding the hosted assertion URL.
 */
import { VerifierError } from '../errors';
import { LIMITS } from '../limits';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEYWORDS = ['openbadgecredential', 'openbadges'] as const;
type Keyword = (typeof KEYWORDS)[number];

export const isPng = (b: Uint8Array): boolean => b.length >= 8 && SIGNATURE.every((x, i) => b[i] === x);

/** One chunk as located in the file (no copy of the data). */
export interface PngChunk {
  type: string;
  start: number;
  length: number;
}

const latin1 = new TextDecoder('latin1');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Lists the chunks up to and including IEND; throws IMAGE_MALFORMED on a length beyond the file. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new VerifierError('IMAGE_MALFORMED', { reason: 'not a PNG signature' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) throw new VerifierError('IMAGE_MALFORMED', { reason: 'truncated chunk header' });
    const length = view.getUint32(offset);
    const type = latin1.decode(bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    // length (31-bit per PNG §5.3) + 4-byte CRC must fit inside the file
    if (length > 0x7fffffff || start + length + 4 > bytes.length)
      throw new VerifierError('IMAGE_MALFORMED', { reason: `chunk ${type} runs past the end of the file` });
    chunks.push({ type, start, length });
    if (type === 'IEND') return chunks;
    offset = start + length + 4;
  }
  throw new VerifierError('IMAGE_MALFORMED', { reason: 'no IEND chunk' });
}

interface TextEntry {
  keyword: string;
  compressed: boolean;
  text: Uint8Array;
}

/** iTXt layout (PNG §11.3.4.5): keyword\0 flag method lang\0 translated\0 text. */
function parseITxt(data: Uint8Array): TextEntry {
  const k = data.indexOf(0);
  if (k < 1 || k + 3 > data.length) throw new VerifierError('IMAGE_MALFORMED', { reason: 'bad iTXt header' });
  const keyword = latin1.decode(data.subarray(0, k));
  const compressed = data[k + 1] !== 0;
  const lang = data.indexOf(0, k + 3);
  const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
  if (translated < 0) throw new VerifierError('IMAGE_MALFORMED', { reason: 'bad iTXt header' });
  return { keyword, compressed, text: data.subarray(translated + 1) };
}

/** tEXt layout (PNG §11.3.4.3): keyword\0 latin-1 text. */
function parseTExt(data: Uint8Array): TextEntry {
  const k = data.indexOf(0);
  if (k < 1) throw new VerifierError('IMAGE_MALFORMED', { reason: 'bad tEXt header' });
  return { keyword: latin1.decode(data.subarray(0, k)), compressed: false, text: data.subarray(k + 1) };
}

/**
 * Returns the embedded credential text (JSON, compact JWS or a hosted
 * assertion URL). Throws IMAGE_NO_CREDENTIAL when the image carries none.
 * OB 3.0 docformat: the chunk "MUST NOT appear … more than once"; an image
 * with two credential chunks, of the same keyword or one OB 2.0 `openbadges`
 * and one OB 3.0 `openbadgecredential`, has no single answer to "which
 * credential is this", so it is IMAGE_MALFORMED (SECURITY.md rows 29 and 51).
 */
export function extractFromPng(bytes: Uint8Array): string {
  let found: { keyword: Keyword; text: string } | undefined;
  for (const chunk of readPngChunks(bytes)) {
    if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt' && chunk.type !== 'zTXt') continue;
    const data = bytes.subarray(chunk.start, chunk.start + chunk.length);
    // zTXt (PNG §11.3.4.4) starts like tEXt but is always compressed
    const entry = chunk.type === 'iTXt' ? parseITxt(data) : { ...parseTExt(data), compressed: chunk.type === 'zTXt' };
    if (!(KEYWORDS as readonly string[]).includes(entry.keyword)) continue;
    const keyword = entry.keyword as Keyword;
    // pre-2.0 badges put only the hosted assertion URL in a tEXt `openbadges`; OB 3.0 uses iTXt only
    if (chunk.type === 'tEXt' && keyword !== 'openbadges') continue;
    // OB 3.0 docformat: "compression MUST NOT be used" — and inflating would invite a zip bomb
    if (entry.compressed) throw new VerifierError('IMAGE_COMPRESSED_ITXT');
    if (entry.text.length > LIMITS.pngTextChunkBytes)
      throw new VerifierError('IMAGE_MALFORMED', { reason: 'the credential chunk is too large' });
    if (found) {
      const kinds = found.keyword === keyword ? `two ${keyword} chunks` : `both an ${found.keyword} and an ${keyword} chunk`;
      throw new VerifierError('IMAGE_MALFORMED', { reason: kinds });
    }
    found = { keyword, text: chunk.type === 'tEXt' ? latin1.decode(entry.text).trim() : decodeText(entry.text) };
  }
  if (!found?.text) throw new VerifierError('IMAGE_NO_CREDENTIAL');
  return found.text;
}

function decodeText(text: Uint8Array): string {
  try {
    return utf8Strict.decode(text).trim();
  } catch {
    throw new VerifierError('IMAGE_MALFORMED', { reason: 'the credential text is not UTF-8' });
  }
}
