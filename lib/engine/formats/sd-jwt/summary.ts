/**
 * Display facts of an SD-JWT VC, read from the processed payload only: what
 * the issuer signed in the clear and what the holder disclosed. A claim the
 * holder kept back is not in that payload, so it can never be shown
 * (SECURITY.md row 58).
 *
 * SD-JWT VC defines no claim names for a credential's content; each `vct`
 * does. Read here:
 * - the EU Learning Credential of the EUDI Wallet reference issuer
 *   (eu-digital-identity-wallet/eudi-srv-pid-issuer, `learningcredential`
 *   package; vct `urn:eu.europa.ec.eudi:learning:credential:1`):
 *   `achievement_title`, `achievement_description`, `issuing_authority`,
 *   `issuing_country`, `date_of_issuance`, `date_of_expiry`, `given_name`,
 *   `family_name`;
 * - payloads shaped as Open Badges 3.0 (`credentialSubject.achievement`,
 *   as the DC4EU micro-credential type does), read as a W3C credential is;
 * - the registered claims otherwise: `iss`, `sub`, `iat`, `exp`, `vct`.
 */
import { isoFromNumericDate } from '../../proofs/vc-jwt/jws';
import type { CredentialSummary } from '../../report';
import { asArray, isObject, str } from '../../util/json';
import { summarizeVc, text } from '../vc/summary';

/** The person's name from the OpenID Connect claims SD-JWT VC types reuse. */
function personName(claims: Record<string, unknown>): string | undefined {
  const parts = [str(claims.given_name), str(claims.family_name)].filter(Boolean);
  return parts.length ? parts.join(' ') : str(claims.name);
}

/**
 * The summary of a processed SD-JWT VC payload.
 * @example summarizeSdJwtVc({ vct: 'urn:eu.europa.ec.eudi:learning:credential:1', iss: 'https://uni.example', achievement_title: 'Data Literacy' }).title // 'Data Literacy'
 */
export function summarizeSdJwtVc(claims: Record<string, unknown>): CredentialSummary {
  const vc = isObject(asArray(claims.credentialSubject)[0]) ? summarizeVc({ ...claims, issuer: claims.issuer ?? claims.iss }) : undefined;
  const title = str(claims.achievement_title) ?? vc?.title ?? text(claims.name) ?? str(claims.vct);
  const description = str(claims.achievement_description) ?? vc?.description ?? text(claims.description);
  const types = [claims.vct, ...asArray(claims.aka_vcts)].filter((t): t is string => typeof t === 'string');
  return {
    ...vc,
    title,
    ...(description ? { description } : {}),
    issuer: {
      ...vc?.issuer,
      id: str(claims.iss) ?? vc?.issuer?.id,
      name: str(claims.issuing_authority) ?? vc?.issuer?.name,
    },
    subject: { id: str(claims.sub) ?? vc?.subject?.id, name: personName(claims) ?? vc?.subject?.name },
    ...(str(claims.achievement_title) ? { achievement: { name: str(claims.achievement_title), description } } : {}),
    validFrom: str(claims.date_of_issuance) ?? vc?.validFrom ?? isoFromNumericDate(claims.iat),
    validUntil: str(claims.date_of_expiry) ?? vc?.validUntil ?? isoFromNumericDate(claims.exp),
    credentialId: str(claims.jti) ?? vc?.credentialId,
    types,
  };
}
