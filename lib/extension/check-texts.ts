/**
 * The engine's own words for a check that passed, or was skipped, with a
 * message of its own (lib/engine/checks/result.ts `pass` and `skip`: "Signed
 * by did:web:…: the issuer's id names no key …"). Failures and checks that
 * could not run are translated by their code (`code_<CODE>`); these carry the
 * code OK, SKIPPED or NOT_APPLICABLE, so they are translated by their English
 * text: each row's `english` matches what the engine writes, and its capture
 * groups become `$1`, `$2` … of the row's locale key.
 *
 * tests/unit/extension/check-texts.test.ts reads every `pass(…)` and
 * `skip(…)` of lib/engine and fails on an engine text no row matches, and on
 * a row whose English locale text does not give the engine's text back.
 */

export interface CheckText {
  /** key in public/_locales/<locale>/messages.json (`_one`/`_other` forms when `count` is set) */
  key: string;
  /** the whole engine text; capture groups are the values filled in */
  english: RegExp;
  /** capture groups (1-based) that hold a date or date-time, shown in the UI language */
  dates?: readonly number[];
  /** the capture group (1-based) holding the number the sentence agrees with (plural forms) */
  count?: number;
}

export const CHECK_TEXTS: readonly CheckText[] = [
  // validity (lib/engine/checks/validity.ts)
  { key: 'checkText_validUntil', english: /^Valid until (.+)$/, dates: [1] },
  { key: 'checkText_validNoEnd', english: /^Valid, with no end date$/ },
  // structure
  { key: 'checkText_vcWellFormed', english: /^Well-formed W3C credential \(data model (.+)\)$/ },
  { key: 'checkText_vpWellFormed', english: /^Well-formed presentation \(data model (.+)\)$/ },
  { key: 'checkText_sdJwtWellFormed', english: /^Well-formed SD-JWT VC \((.+)\)$/ },
  { key: 'checkText_ob2WellFormed', english: /^Well-formed Open Badges 2\.0 assertion$/ },
  { key: 'checkText_edcWellFormed', english: /^A well-formed European Digital Credential$/ },
  { key: 'checkText_edciXml', english: /^A Europass credential \(EDCI XML\)$/ },
  // signature
  { key: 'checkText_signatureValidWith', english: /^Signature valid \((.+)\)$/ },
  { key: 'checkText_signatureValid', english: /^The signature is valid$/ },
  { key: 'checkText_issuerSignatureValid', english: /^The issuer signature is valid$/ },
  { key: 'checkText_signedByItsHolder', english: /^Signed by its holder (.+)$/ },
  { key: 'checkText_signedByHolder', english: /^Signed by the holder (.+)$/ },
  { key: 'checkText_noHolderSignature', english: /^No holder signature: the presentation is not signed by its holder, so only its credentials are checked$/ },
  { key: 'checkText_notCheckedKeyNotIssuers', english: /^Not checked: the signing key does not belong to the issuer$/ },
  // issuer binding
  { key: 'checkText_keyBelongsToIssuer', english: /^The signing key belongs to the issuer$/ },
  { key: 'checkText_signedByKeyOnly', english: /^Signed by (.+): the issuer's id names no key, so its id and name are its own claims$/ },
  { key: 'checkText_keyListed', english: /^The signing key is listed by the issuer$/ },
  { key: 'checkText_keyInIssuerMetadata', english: /^The signing key is one the issuer publishes \(JWT VC Issuer Metadata\)$/ },
  { key: 'checkText_certificateNamesIssuer', english: /^The certificate \((.+)\) names the issuer, which publishes its key$/ },
  // European Digital Credentials: seal and issuer
  { key: 'checkText_sealedOn', english: /^Sealed by (.+) on (.+); not changed since$/, dates: [2] },
  { key: 'checkText_sealedByIssuerId', english: /^Sealed by the issuer itself \(legal identifier (.+)\)$/ },
  { key: 'checkText_sealedByIssuer', english: /^Sealed by the issuer itself \((.+)\)$/ },
  { key: 'checkText_sealNotChecked', english: /^Not checked because the seal could not be checked$/ },
  // claims and holder binding (VC-JWT, SD-JWT)
  { key: 'checkText_tokenClaimsAgree', english: /^The token claims agree with the credential$/ },
  { key: 'checkText_disclosedBelong', english: /^The disclosed claims belong to the signed credential$/ },
  { key: 'checkText_disclosedWithHidden', english: /^(\d+) disclosed claims?, each signed by the issuer; (\d+) kept back or decoys$/, count: 1 },
  { key: 'checkText_disclosed', english: /^(\d+) disclosed claims?, each signed by the issuer$/, count: 1 },
  { key: 'checkText_presentedWithKey', english: /^Presented with the holder's key on (.+)$/, dates: [1] },
  { key: 'checkText_noKeyBinding', english: /^No key binding: the issuer bound no holder key$/ },
  { key: 'checkText_keyBindingMissing', english: /^No key binding: this copy was not presented with the holder's key, so whoever holds it could have sent it$/ },
  // Open Badges 2.0 hosted copies
  { key: 'checkText_hostedMatchesLegacy', english: /^Matches the copy the issuer hosts \(an Open Badges 1\.x badge, read as 2\.0\)$/ },
  { key: 'checkText_hostedMatches', english: /^Matches the copy the issuer hosts$/ },
  { key: 'checkText_hostedDiffers', english: /^Checked against the issuer's copy \(the copy given here differs; the issuer's copy is shown\)$/ },
  { key: 'checkText_hostedGone', english: /^The issuer no longer hosts this badge \(HTTP 410 Gone\): it was revoked$/ },
  // status
  { key: 'checkText_stillHosted', english: /^Not revoked \(the issuer still hosts this badge\)$/ },
  { key: 'checkText_notRevokedRevocationList', english: /^Not revoked \(checked against the issuer's revocation list\)$/ },
  { key: 'checkText_notRevokedStatusList', english: /^Not revoked \(checked against the issuer's status list\)$/ },
  { key: 'checkText_notRevokedTokenList', english: /^Not revoked \(checked against the issuer's token status list\)$/ },
  { key: 'checkText_notSuspended', english: /^Not suspended \(checked against the issuer's status list\)$/ },
  { key: 'checkText_noRevocationList', english: /^The issuer publishes no revocation list$/ },
  { key: 'checkText_noRevocationStatus', english: /^The issuer publishes no revocation status for this credential$/ },
  // credentials carried inside (CLR transcripts, presentations)
  { key: 'checkText_insideGenuineLapsed', english: /^The credential inside is genuine \((\d+) expired or revoked\)$/ },
  { key: 'checkText_insideGenuine', english: /^The credential inside is genuine$/ },
  { key: 'checkText_allInsideGenuineLapsed', english: /^All (\d+) credentials inside are genuine \((\d+) expired or revoked\)$/ },
  { key: 'checkText_allInsideGenuine', english: /^All (\d+) credentials inside are genuine$/ },
  { key: 'checkText_presentedVerified', english: /^All (\d+) presented credentials? (?:is|are) verified$/, count: 1 },
  { key: 'checkText_transcriptEmpty', english: /^The transcript carries no credentials of its own$/ },
];

/** The row whose English text is `message`, with its filled-in values; undefined for a text no row knows. */
export function matchCheckText(message: string): { row: CheckText; values: string[] } | undefined {
  for (const row of CHECK_TEXTS) {
    const match = row.english.exec(message);
    if (match) return { row, values: match.slice(1).map((v) => v ?? '') };
  }
  return undefined;
}
