/**
 * The engine reads a credential's JSON members; an RDFC proof signs the RDF
 * dataset they stand for. These comparisons hold every member that decides
 * the verdict or is shown against the signed dataset (SECURITY.md row 43):
 * - what can only restrict (validity dates, status entries, the subject and
 *   recipient identifiers, the proof's expiry) must be read in full: the
 *   signed statements and the JSON reading are the same set;
 * - the issuer is exactly the one signed issuer;
 * - what is shown (names, descriptions, images, criteria) must be among the
 *   signed statements of the node it is shown for.
 * Any difference names the member; the caller reports DI_SIGNED_DATA_MISMATCH.
 */
import type { SignedCredential, SignedProof } from '../jsonld/signed-reading';
import { localName } from '../jsonld/signed-reading';
import type { CredentialSummary } from '../report';
import { asArray, idOf, isObject, str } from '../util/json';

/** Type names that the OB 3.0 contexts map to one IRI (context-3.0.x: AchievementCredential → OpenBadgeCredential). */
const TYPE_ALIASES: Readonly<Record<string, string>> = { AchievementCredential: 'OpenBadgeCredential' };
const typeName = (t: string) => TYPE_ALIASES[t] ?? localName(t);
/** The security vocabulary maps the proof purpose term `authentication` (a presentation's holder proof) to `sec:authenticationMethod`. */
const PURPOSE_ALIASES: Readonly<Record<string, string>> = { authenticationMethod: 'authentication' };
const purposeName = (p: string) => PURPOSE_ALIASES[p] ?? p;

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const strings = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
/** A shown value must be one of the signed ones; an absent value shows nothing. */
const shownFrom = (shown: string | undefined, signed: readonly string[]) => shown === undefined || signed.includes(shown);

/** The first member of `credential` whose JSON reading differs from the signed dataset, or undefined. */
export function signedMismatch(credential: Record<string, unknown>, summary: CredentialSummary, signed: SignedCredential | undefined): string | undefined {
  if (!signed) return 'the credential itself';
  if (str(credential.id) !== signed.id) return 'id';
  const jsonTypes = asArray(credential.type).filter((t): t is string => typeof t === 'string').map(typeName);
  if (!sameSet([...new Set(jsonTypes)], [...new Set(signed.types.map(typeName))])) return 'type';
  if (!sameSet(strings(credential.validFrom, credential.issuanceDate), signed.validFrom)) return 'validFrom';
  if (!sameSet(strings(credential.validUntil, credential.expirationDate), signed.validUntil)) return 'validUntil';
  const issuer = signed.issuers.length === 1 ? signed.issuers[0]! : undefined;
  if (!issuer || idOf(credential.issuer) !== issuer.id) return 'issuer';
  if (!sameSet(asArray(credential.credentialStatus).map(statusKey), signed.statuses.map(signedStatusKey))) return 'credentialStatus';

  const subjects = asArray(credential.credentialSubject);
  if (subjects.length !== signed.subjects.length) return 'credentialSubject';
  if (!sameSet(subjects.flatMap((s) => strings(isObject(s) ? s.id : undefined)), signed.subjects.flatMap((s) => strings(s.id))))
    return 'credentialSubject.id';
  const identifiers = subjects.flatMap((s) => (isObject(s) ? asArray(s.identifier) : [])).map(identifierKey);
  if (!sameSet(identifiers, signed.subjects.flatMap((s) => s.identifiers.map(signedIdentifierKey)))) return 'credentialSubject.identifier';

  const achievements = signed.subjects.flatMap((s) => s.achievements);
  const all = <K extends keyof (typeof achievements)[number]>(key: K) => achievements.flatMap((a) => a[key] as string[]);
  const shown: [string, string | undefined, readonly string[]][] = [
    ['title', summary.title, [...all('name'), ...signed.name, ...signed.types]],
    ['description', summary.description, [...all('description'), ...signed.description]],
    ['image', summary.image, [...signed.image, ...all('image')]],
    ['issuer.name', summary.issuer?.name, issuer.name],
    ['issuer.url', summary.issuer?.url, issuer.url],
    ['issuer.image', summary.issuer?.image, issuer.image],
    ['credentialSubject.name', summary.subject?.name, signed.subjects.flatMap((s) => s.name)],
    ['achievement.id', summary.achievement?.id, achievements.flatMap((a) => strings(a.id))],
    ['achievement.name', summary.achievement?.name, all('name')],
    ['achievement.description', summary.achievement?.description, all('description')],
    ['achievement.achievementType', summary.achievement?.type, all('achievementType')],
    ['achievement.criteria', summary.achievement?.criteria, [...all('narrative'), ...all('criteriaId')]],
    ['achievement.image', summary.achievement?.image, all('image')],
  ];
  return shown.find(([, value, signedValues]) => !shownFrom(value, signedValues))?.[0];
}

/** The first proof member whose JSON reading differs from the signed proof configuration, or undefined. */
export function proofMismatch(proof: Record<string, unknown>, signed: SignedProof | undefined): string | undefined {
  if (!signed) return 'proof';
  if (!sameSet(strings(proof.expires), signed.expires)) return 'proof.expires';
  if (!sameSet(strings(proof.created), signed.created)) return 'proof.created';
  if (!sameSet(strings(proof.verificationMethod), signed.verificationMethod)) return 'proof.verificationMethod';
  if (!sameSet(strings(proof.proofPurpose), signed.proofPurpose.map(purposeName))) return 'proof.proofPurpose';
  if (!sameSet(strings(proof.cryptosuite), signed.cryptosuite)) return 'proof.cryptosuite';
  if (!sameSet(strings(proof.type).map(localName), signed.types)) return 'proof.type';
  return undefined;
}

function statusKey(entry: unknown): string {
  if (!isObject(entry)) return '?';
  const index = typeof entry.statusListIndex === 'number' ? String(entry.statusListIndex) : str(entry.statusListIndex);
  return key(str(entry.id), asArray(entry.type).filter((t): t is string => typeof t === 'string').map(localName), strings(idOf(entry.statusListCredential)), strings(index), strings(entry.statusPurpose));
}

const signedStatusKey = (s: SignedStatus): string => key(s.id, s.types, s.statusListCredential, s.statusListIndex, s.statusPurpose);

type SignedStatus = SignedCredential['statuses'][number];
type SignedIdentifierEntry = SignedCredential['subjects'][number]['identifiers'][number];

/** The recipient check reads `hashed === true` (lib/engine/recipient.ts); the signed reading must say the same. */
function identifierKey(entry: unknown): string {
  if (!isObject(entry)) return '?';
  return key(undefined, [], strings(entry.identityHash), strings(entry.identityType).map((t) => localName(t).toLowerCase()), [String(entry.hashed === true)], strings(entry.salt));
}

const signedIdentifierKey = (s: SignedIdentifierEntry): string =>
  key(undefined, [], s.identityHash, s.identityType.map((t) => t.toLowerCase()), [String(s.hashed.length === 1 && s.hashed[0] === 'true')], s.salt);

const key = (id: string | undefined, ...lists: string[][]): string => JSON.stringify([id ?? null, ...lists.map((l) => [...l].sort())]);
