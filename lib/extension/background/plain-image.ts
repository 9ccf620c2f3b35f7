/**
 * Images the background fetched on its own (a known platform's page shows
 * many: logos, avatars, badge art) are mostly plain pictures. Those that turn
 * out to carry no credential were never credentials, so they are not listed
 * as "could not be checked" nor counted on the toolbar. An image the user
 * chose (marker click, context menu, verify page) always keeps its report.
 */
import { isPng, type ErrorCode, type FetchedDocument, type Report, type VerifyContext } from '../../engine';

/**
 * Outcomes of reading an image that mean "not a credential": no baked
 * credential (Baking spec: no `openbadges` iTXt chunk / element), a format
 * that cannot carry one (JPEG, GIF), or content that is no image at all (an
 * HTML error page served with status 200).
 */
const NOT_A_CREDENTIAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['IMAGE_NO_CREDENTIAL', 'IMAGE_UNSUPPORTED', 'INPUT_UNKNOWN_FORMAT', 'INPUT_EMPTY', 'FETCH_BAD_CONTENT']);

/** The pipeline's reason for bytes that are neither text, PNG nor SVG (JPEG, GIF, WebP). */
const NOT_AN_IMAGE_IT_READS = 'not text, PNG or SVG';

/**
 * True when an automatically fetched image's report shows it holds no
 * credential. `fetched` is the first document its verification fetched (the
 * image URL itself): content that is no image and could not be read as a
 * credential either (an HTML sign-in page) is never a credential.
 */
export function isPlainImage(report: Report, fetched?: FetchedDocument): boolean {
  const parse = report.checks.find((c) => c.id === 'parse');
  if (!parse || parse.status === 'pass') return false;
  if (fetched && !looksLikeImage(fetched)) return true;
  if (report.format !== 'unknown') return false; // something credential-shaped was read: keep it
  // INPUT_UNPARSEABLE also means a baked credential with broken JSON: that one is shown (as failed)
  if (parse.code === 'INPUT_UNPARSEABLE') return parse.detail?.reason === NOT_AN_IMAGE_IT_READS;
  return NOT_A_CREDENTIAL.has(parse.code as ErrorCode);
}

/** A PNG, an SVG, or anything the server calls an image. */
function looksLikeImage(doc: FetchedDocument): boolean {
  if (isPng(doc.bytes) || /^\s*image\//i.test(doc.contentType)) return true;
  const head = new TextDecoder().decode(doc.bytes.subarray(0, 4096));
  return /<svg[\s>]/i.test(head);
}

/** Wraps a context to remember the first document a verification fetches. */
export function watchFirstFetch(ctx: VerifyContext): { ctx: VerifyContext; first(): FetchedDocument | undefined } {
  let first: FetchedDocument | undefined;
  const fetch: VerifyContext['fetch'] = async (url, purpose) => {
    const doc = await ctx.fetch(url, purpose);
    first ??= doc;
    return doc;
  };
  return { ctx: { ...ctx, fetch }, first: () => first };
}
