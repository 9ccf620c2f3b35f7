/** Writes small PDFs for tests: text lines, link annotations and embedded files, with a correct xref table. */
const enc = new TextEncoder();

export interface PdfSpec {
  lines: string[];
  links?: string[];
  attachments?: Array<{ name: string; content: Uint8Array }>;
}

const escapeText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

export function makePdf({ lines, links = [], attachments = [] }: PdfSpec): Uint8Array {
  const objects: Array<string | Uint8Array[]> = [];
  const add = (body: string | Uint8Array[]) => objects.push(body) ;
  const stream = (dict: string, data: Uint8Array): Uint8Array[] => [enc.encode(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, enc.encode('\nendstream')];
  // 1 catalog, 2 pages, 3 page, 4 contents, 5 font, then annotations, then file specs + embedded files
  const firstAnnot = 6;
  const firstFile = firstAnnot + links.length;
  const names = attachments.map((a, i) => `(${escapeText(a.name)}) ${firstFile + i * 2} 0 R`).join(' ');
  add(`<< /Type /Catalog /Pages 2 0 R${attachments.length ? ` /Names << /EmbeddedFiles << /Names [${names}] >> >>` : ''} >>`);
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  const annots = links.map((_, i) => `${firstAnnot + i} 0 R`).join(' ');
  add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [${annots}] >>`);
  const text = lines.map((l, i) => `BT /F1 10 Tf 40 ${760 - i * 14} Td (${escapeText(l)}) Tj ET`).join('\n');
  add(stream('', enc.encode(text)));
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  links.forEach((url, i) => add(`<< /Type /Annot /Subtype /Link /Rect [40 ${700 - i * 20} 300 ${712 - i * 20}] /A << /S /URI /URI (${escapeText(url)}) >> >>`));
  attachments.forEach((a, i) => {
    add(`<< /Type /Filespec /F (${escapeText(a.name)}) /UF (${escapeText(a.name)}) /EF << /F ${firstFile + i * 2 + 1} 0 R >> >>`);
    add(stream('/Type /EmbeddedFile', a.content));
  });
  const chunks: Uint8Array[] = [enc.encode('%PDF-1.7\n')];
  let size = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (c: Uint8Array) => (chunks.push(c), (size += c.length));
  objects.forEach((body, i) => {
    offsets.push(size);
    push(enc.encode(`${i + 1} 0 obj\n`));
    (typeof body === 'string' ? [enc.encode(body)] : body).forEach(push);
    push(enc.encode('\nendobj\n'));
  });
  const xref = size;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(enc.encode(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}
