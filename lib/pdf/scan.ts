/**
 * Finds credentials referenced in a PDF (a CV, a certificate printout): link
 * annotations, URLs and compact JWS in the page text, and embedded files.
 * Pure: the verify page reads the PDF with pdfjs and hands the pieces here.
 * Recognition of links and JWS is shared with the page detectors
 * (lib/detect), so a PDF and a web page agree on what a credential is.
 */
import { jwsIn } from '../detect/generic';
import { looksLikeCredentialUrl, matchPlatform, unwrapRedirect } from '../detect/platforms';

/** One thing in the PDF worth verifying. */
export interface PdfFinding {
  kind: 'link' | 'jws' | 'attachment';
  /** the URL, the compact JWS, or the attachment file name */
  value: string;
  /** platform id (credly, accredible, …) when a link matched one */
  platform?: string;
  /** where it was found, for the list ("page 2", "attachment") */
  where: string;
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
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()[\]{}]{4,2000}/g;

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

/**
 * Joining wrapped lines can glue the next word onto the signature
 * ("…Cg" + "End"); the alg fixes the signature length, so cut the excess.
 */
export function trimGluedSignature(jws: string): string {
  const [header, payload, signature = ''] = jws.split('.');
  let alg: unknown;
  try {
    alg = JSON.parse(atob((header ?? '').replace(/-/g, '+').replace(/_/g, '/'))).alg;
  } catch {
    return jws;
  }
  const fits = (typeof alg === 'string' ? SIGNATURE_CHARS[alg] ?? [] : []).filter((n) => n <= signature.length);
  const length = fits.length ? Math.max(...fits) : signature.length;
  return `${header}.${payload}.${signature.slice(0, length)}`;
}

/** A link target worth verifying, or undefined; strips trailing punctuation text extraction leaves on URLs. */
export function credentialLink(raw: string): { url: string; platform?: string } | undefined {
  const url = unwrapRedirect(raw.trim().replace(/[.,;:!?]+$/, ''));
  const platform = matchPlatform(url);
  if (platform) return { url, platform: platform.platform.id };
  return looksLikeCredentialUrl(url) ? { url } : undefined;
}

/** Every credential link and JWS across the pages, each once, in page order. */
export function scanPdfPages(pages: readonly PdfPageContent[]): PdfFinding[] {
  const out: PdfFinding[] = [];
  const seen = new Set<string>();
  const add = (f: PdfFinding) => {
    if (out.length >= MAX_PDF_FINDINGS || seen.has(`${f.kind}:${f.value}`)) return;
    seen.add(`${f.kind}:${f.value}`);
    out.push(f);
  };
  for (const { page, text, links } of pages) {
    const where = `page ${page}`;
    const textUrls = [...text.matchAll(URL_IN_TEXT)].map((m) => m[0]);
    for (const raw of [...links, ...textUrls]) {
      const link = credentialLink(raw);
      if (link) add({ kind: 'link', value: link.url, where, ...(link.platform ? { platform: link.platform } : {}) });
    }
    for (const jws of jwsIn(unwrapBrokenTokens(text))) add({ kind: 'jws', value: trimGluedSignature(jws), where });
  }
  return out;
}

/** Embedded files that may carry a credential and are small enough to check. */
export function verifiableAttachments(attachments: readonly PdfAttachment[]): PdfFinding[] {
  return attachments
    .filter((a) => VERIFIABLE_ATTACHMENT.test(a.filename) && a.size > 0 && a.size <= MAX_ATTACHMENT_BYTES)
    .slice(0, MAX_PDF_FINDINGS)
    .map((a) => ({ kind: 'attachment' as const, value: a.filename, where: 'attachment' }));
}
