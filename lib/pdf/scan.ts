/**
 * Finds credentials referenced in a PDF (a CV, a certificate printout): link
 * annotations, URLs and compact JWS in the page text, and embedded files.
 * Pure: the verify page reads the PDF with pdfjs and hands the pieces here.
 * Recognition of links and JWS is shared with the page detectors
 * (lib/detect/scan.ts scanPdfText), so a PDF and a web page agree on what a
 * credential is.
 */
import { jwsIn } from '../detect/generic';
import { scanPdfText } from '../detect/scan';

/** One thing in the PDF worth verifying. */
export interface PdfFinding {
  kind: 'link' | 'jws' | 'attachment';
  /** the URL, the compact JWS, or the attachment file name */
  value: string;
  /** platform id (credly, accredible, …) when a link matched one */
  platform?: string;
  /** the 1-based page it was found on; absent for attachments */
  page?: number;
}

/** Text and link annotations of one PDF page. */
export interface PdfPageContent {
  page: number;
  text: string;
  links: string[];
}

/** An embedded file (PDF attachment) as pdfjs returns it. */
export interface PdfAttachment {
  filename: string;
  size: number;
}

/** Attachment names that can carry a credential Credlens verifies. */
const VERIFIABLE_ATTACHMENT = /\.(?:json|jsonld|jwt|jws|txt|png|svg|xml)$/i;
/** Bounds that keep a hostile PDF from producing an endless list. */
export const MAX_PDF_FINDINGS = 200;
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/**
 * PDF text breaks long tokens across lines; join base64url runs split by a
 * line break so a wrapped JWS is still found. jwsIn() decodes and checks each
 * match, so words accidentally glued together are discarded there.
 */
export function unwrapBrokenTokens(text: string): string {
  return text.replace(/([A-Za-z0-9_.-])[ \t]*\r?\n[ \t]*(?=[A-Za-z0-9_.-])/g, '$1');
}

/** base64url length of a signature per JWS alg (RFC 7518 §3.4: ECDSA is R‖S; RSA is the modulus size). */
const SIGNATURE_CHARS: Record<string, number[]> = {
  EdDSA: [86, 152],
  Ed25519: [86],
  ES256: [86],
  ES256K: [86],
  ES384: [128],
  ES512: [176],
  ...Object.fromEntries(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'].map((alg) => [alg, [342, 512, 683]])),
};

function algOf(header: string | undefined): string | undefined {
  try {
    const alg: unknown = JSON.parse(atob((header ?? '').replace(/-/g, '+').replace(/_/g, '/'))).alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Joining wrapped lines can glue the next word onto the signature
 * ("…Cg" + "End"); the alg fixes the signature length, so cut the excess.
 */
export function trimGluedSignature(jws: string): string {
  const [header, payload, signature = ''] = jws.split('.');
  const alg = algOf(header);
  const fits = (alg ? SIGNATURE_CHARS[alg] ?? [] : []).filter((n) => n <= signature.length);
  const length = fits.length ? Math.max(...fits) : signature.length;
  return `${header}.${payload}.${signature.slice(0, length)}`;
}

/** A JWS recovered by joining lines, kept only when its signature has exactly the length its alg requires. */
function recoveredJws(text: string): string[] {
  return jwsIn(unwrapBrokenTokens(text))
    .map(trimGluedSignature)
    .filter((jws) => hasExpectedSignatureLength(jws));
}

function hasExpectedSignatureLength(jws: string): boolean {
  const [header, , signature = ''] = jws.split('.');
  const alg = algOf(header);
  return alg !== undefined && (SIGNATURE_CHARS[alg] ?? []).includes(signature.length);
}

/**
 * Every credential link and JWS across the pages, each once, in page order.
 * Links and single-line JWS come from the page detectors' scanPdfText; a JWS
 * wrapped over several lines is recovered here only when its alg proves where
 * the signature ends, so a wrong join never turns into a "forged" verdict.
 */
export function scanPdfPages(pages: readonly PdfPageContent[]): PdfFinding[] {
  const out: PdfFinding[] = [];
  const seen = new Set<string>();
  const add = (f: PdfFinding) => {
    if (out.length >= MAX_PDF_FINDINGS || seen.has(`${f.kind}:${f.value}`)) return;
    seen.add(`${f.kind}:${f.value}`);
    out.push(f);
  };
  for (const { page, text, links } of pages) {
    for (const c of scanPdfText(text, links)) {
      if (c.kind === 'link' || c.kind === 'jws') add({ kind: c.kind, value: c.value, page, ...(c.platform ? { platform: c.platform } : {}) });
    }
    for (const jws of recoveredJws(text)) add({ kind: 'jws', value: jws, page });
  }
  return out;
}

/** Embedded files that may carry a credential and are small enough to check. */
export function verifiableAttachments(attachments: readonly PdfAttachment[]): PdfFinding[] {
  return attachments
    .filter((a) => VERIFIABLE_ATTACHMENT.test(a.filename) && a.size > 0 && a.size <= MAX_ATTACHMENT_BYTES)
    .slice(0, MAX_PDF_FINDINGS)
    .map((a) => ({ kind: 'attachment' as const, value: a.filename }));
}
