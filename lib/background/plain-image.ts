/**
 * Images the background fetched on its own (a known platform's page shows
 * many: logos, avatars, badge art) are mostly plain pictures. Those that turn
 * out to carry no credential were never credentials, so they are not listed
 * as "could not be checked" nor counted on the toolbar. An image the user
 * chose (marker click, context menu, verify page) always keeps its report.
 */
import type { ErrorCode } from '../errors';
import type { Report } from '../report';

/**
 * Outcomes of reading an image that mean "not a credential": no baked
 * credential (Baking spec: no `openbadges` iTXt chunk / element), a format
 * that cannot carry one (JPEG, GIF), or content that is no image at all (an
 * HTML error page served with status 200).
 */
const NOT_A_CREDENTIAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['IMAGE_NO_CREDENTIAL', 'IMAGE_UNSUPPORTED', 'INPUT_UNKNOWN_FORMAT', 'INPUT_EMPTY', 'FETCH_BAD_CONTENT']);

/** The pipeline's reason for bytes that are neither text, PNG nor SVG (JPEG, GIF, WebP). */
const NOT_AN_IMAGE_IT_READS = 'not text, PNG or SVG';

/** True when an automatically fetched image's report shows it holds no credential. */
export function isPlainImage(report: Report): boolean {
  if (report.format !== 'unknown') return false; // something credential-shaped was read: keep it
  const parse = report.checks.find((c) => c.id === 'parse');
  if (!parse || parse.status === 'pass') return false;
  // INPUT_UNPARSEABLE also means a baked credential with broken JSON: that one is shown (as failed)
  if (parse.code === 'INPUT_UNPARSEABLE') return parse.detail?.reason === NOT_AN_IMAGE_IT_READS;
  return NOT_A_CREDENTIAL.has(parse.code as ErrorCode);
}
