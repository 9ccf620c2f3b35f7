/**
 * Binary and markup artifacts the demo world serves, written by hand so the
 * bytes are fully under test control: baked PNG/SVG badges (OB 3.0
 * docformat.md "Baked Badge"), a small PDF CV with link annotations, and the
 * gzip-compressed bitstring of a W3C Bitstring Status List.
 */
import { deflateSync, gzipSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG requires it (ISO 3309, PNG spec §5.5), over chunk type + data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A plain 48×48 RGB PNG: a filled disc in `rgb` on white, like a badge medal. */
export function plainPng(rgb: [number, number, number], size = 48): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter, no interlace
  const rows: number[] = [];
  const r = size / 2 - 2;
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter type None for each scanline
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 <= r * r;
      rows.push(...(inside ? rgb : [255, 255, 255]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * Bakes `text` (credential JSON or compact JWS) into a PNG as one uncompressed
 * iTXt chunk, inserted right after IHDR. OB 3.0 uses keyword
 * `openbadgecredential`; OB 2.0 uses `openbadges`.
 */
export function bakePng(png: Buffer, text: string, keyword = 'openbadgecredential'): Buffer {
  // iTXt layout: keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text (PNG §11.3.4.5)
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const afterIhdr = 8 + 12 + 13;
  return Buffer.concat([png.subarray(0, afterIhdr), pngChunk('iTXt', data), png.subarray(afterIhdr)]);
}

/** An OB 3.0 baked SVG: JSON in CDATA, or a compact JWS in the `verify` attribute. */
export function bakedSvg(label: string, credential: { json?: string; jws?: string }): string {
  const element = credential.jws
    ? `<openbadges:credential verify="${credential.jws}"></openbadges:credential>`
    : `<openbadges:credential><![CDATA[${credential.json ?? ''}]]></openbadges:credential>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="96" height="96" viewBox="0 0 96 96">
  ${element}
  <circle cx="48" cy="48" r="44" fill="#1f6feb"/>
  <text x="48" y="54" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#fff">${escapeXml(label)}</text>
</svg>
`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * A one-page PDF 1.4 with a line of text per link and a /URI link annotation
 * over each line (ISO 32000-1 §12.5.6.5), byte offsets computed for the xref.
 */
export function linkPdf(title: string, links: readonly { text: string; url: string }[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const lines = [`BT /F1 16 Tf 50 780 Td (${esc(title)}) Tj ET`];
  const annots: string[] = [];
  links.forEach((l, i) => {
    const y = 740 - i * 24;
    lines.push(`BT /F1 11 Tf 50 ${y} Td (${esc(l.text)}) Tj ET`);
    annots.push(`<< /Type /Annot /Subtype /Link /Rect [48 ${y - 4} 560 ${y + 12}] /Border [0 0 0] /A << /S /URI /URI (${esc(l.url)}) >> >>`);
  });
  const content = lines.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [${annots.map((_, i) => `${6 + i} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ...annots,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * `encodedList` of a Bitstring Status List: multibase base64url (prefix `u`) of
 * the GZIP of a bitstring of at least 16 KiB, index 0 being the left-most bit of
 * the first byte (W3C vc-bitstring-status-list §3.1 / §4.1).
 */
export function encodeStatusList(setIndexes: readonly number[], bits = 131072): string {
  const bytes = Buffer.alloc(bits / 8);
  for (const i of setIndexes) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return 'u' + gzipSync(bytes).toString('base64url');
}
