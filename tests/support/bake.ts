/** Test helper: bakes text chunks into a PNG (PNG §5.3 layout, with CRC-32). */
import { concatBytes } from '../../lib/engine/util/bytes';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const enc = new TextEncoder();
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));

/** One chunk with an explicit length field (so tests can lie about it). */
export function chunk(type: string, data: Uint8Array, lengthField = data.length): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, lengthField);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function iTXt(keyword: string, text: string, compressed = false): Uint8Array {
  return chunk('iTXt', concat(latin1(keyword), Uint8Array.of(0, compressed ? 1 : 0, 0, 0, 0), enc.encode(text)));
}

export function tEXt(keyword: string, text: string): Uint8Array {
  return chunk('tEXt', concat(latin1(keyword), Uint8Array.of(0), latin1(text)));
}

/** Byte concatenation (the engine's own helper). */
export const concat = concatBytes;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** A 1×1 grey PNG with the given extra chunks placed before IEND. */
export function makePng(...extra: Uint8Array[]): Uint8Array {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const idat = Uint8Array.of(0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01);
  return concat(SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), ...extra, chunk('IEND', new Uint8Array(0)));
}

/** Inserts chunks before IEND of an existing PNG (IEND is the last 12 bytes). */
export function bakeInto(png: Uint8Array, ...extra: Uint8Array[]): Uint8Array {
  return concat(png.subarray(0, png.length - 12), ...extra, png.subarray(png.length - 12));
}
