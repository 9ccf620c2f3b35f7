/**
 * Recipient matching against an identifier the recruiter knows (the
 * candidate's email, web address, phone or DID), read only from the verified
 * payload (`outcome.credential`). OB 2.0: `recipient` {type, hashed, identity,
 * salt} (as 1EdTech openbadges-validator-core compares it); OB 3.0:
 * `credentialSubject.identifier[]` IdentityObjects and a plain
 * `credentialSubject.id` (OB 3.0 §"Verify the Recipient Using an
 * Identifier"). A hash is `alg$hex` over the UTF-8 of
 * identifier + salt, alg sha256 or md5, hex in either case.
 */
import type { RecipientHint } from './context';
import type { FormatOutcome } from './formats/types';
import { identityDigest } from './formats/ob2/identity-hash';
import type { RecipientResult } from './report';
import { asArray, isObject } from './util/json';

type HintKind = keyof RecipientHint;

/** One way the credential names its recipient. */
export interface RecipientIdentifier {
  kind: HintKind | 'other';
  hashed: boolean;
  value: string;
  salt: string;
}

/** identityType / recipient.type → the kind of hint it can be compared with. */
const KIND: Record<string, HintKind> = {
  email: 'email', emailaddress: 'email', url: 'url', telephone: 'telephone', phone: 'telephone', phonenumber: 'telephone', did: 'did',
};

const LABEL: Record<HintKind | 'other', string> = { email: 'email', url: 'url', telephone: 'telephone', did: 'did', other: 'other' };

/** The hint kind an identityType names; only own entries, so `constructor` or `__proto__` name nothing (SECURITY.md row 50). */
function kindOf(type: unknown): HintKind | 'other' {
  const key = typeof type === 'string' ? type.toLowerCase() : '';
  return Object.prototype.hasOwnProperty.call(KIND, key) ? KIND[key]! : 'other';
}

function identifier(type: unknown, hashed: unknown, value: unknown, salt: unknown): RecipientIdentifier | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return { kind: kindOf(type), hashed: hashed === true, value, salt: typeof salt === 'string' ? salt : '' };
}

/** A subject id is a URI: its scheme says what it is. */
function fromSubjectId(id: unknown): RecipientIdentifier | undefined {
  if (typeof id !== 'string') return undefined;
  if (/^mailto:/i.test(id)) return identifier('email', false, id.slice(7), '');
  if (/^tel:/i.test(id)) return identifier('telephone', false, id.slice(4), '');
  if (/^https?:/i.test(id)) return identifier('url', false, id, '');
  if (/^did:/i.test(id)) return identifier('did', false, id, '');
  return undefined;
}

/** Every recipient identifier in a verified payload (OB 2.0 documents or an OB 3.0 / VC credential). */
export function recipientIdentifiers(credential: unknown): RecipientIdentifier[] {
  if (!isObject(credential)) return [];
  if (isObject(credential.assertion)) {
    const r = credential.assertion.recipient;
    const one = isObject(r) ? identifier(r.type, r.hashed, r.identity, r.salt) : undefined;
    return one ? [one] : [];
  }
  const out: RecipientIdentifier[] = [];
  for (const subject of asArray(credential.credentialSubject)) {
    if (!isObject(subject)) continue;
    for (const idObj of asArray(subject.identifier)) {
      if (isObject(idObj)) out.push(...asArray(identifier(idObj.identityType, idObj.hashed, idObj.identityHash, idObj.salt)));
    }
    out.push(...asArray(fromSubjectId(subject.id)));
    // ELM (European Digital Credentials): credentialSubject.contactPoint[].emailAddress[].id is a mailto: URI
    for (const point of asArray(subject.contactPoint).filter(isObject))
      for (const mailbox of asArray(point.emailAddress).filter(isObject)) out.push(...asArray(fromSubjectId(mailbox.id)));
  }
  return out;
}

const normalise = (kind: HintKind, value: string): string => (kind === 'email' ? value.trim().toLowerCase() : value.trim());

/** True when `known` is the identifier, hashed or plain. */
export function identifierMatches(id: RecipientIdentifier, kind: HintKind, known: string): boolean {
  // Issuers hash the address as they stored it; try it as typed and in its normal form.
  const candidates = [...new Set([known.trim(), normalise(kind, known)])];
  if (!id.hashed) return candidates.some((c) => normalise(kind, c) === normalise(kind, id.value));
  const [alg, hex] = id.value.split('$');
  if (!alg || !hex) return false;
  return candidates.some((c) => identityDigest(alg, c + id.salt) === hex.toLowerCase());
}

/** Checks that establish who made the payload; its recipient means something only if they all passed. */
const AUTHENTICITY: ReadonlySet<string> = new Set(['proof', 'hosted', 'seal', 'issuer-binding']);

function isAuthentic(outcome: FormatOutcome): boolean {
  const relevant = outcome.checks.filter((c) => AUTHENTICITY.has(c.id));
  return relevant.some((c) => c.status === 'pass') && relevant.every((c) => c.status === 'pass' || c.code === 'NOT_APPLICABLE');
}

/** Compares the known identifier(s) with the credential's recipient. */
export function checkRecipient(outcome: FormatOutcome, hint: RecipientHint | undefined): RecipientResult {
  const ids = recipientIdentifiers(outcome.credential);
  const identifierTypes = [...new Set(ids.map((i) => LABEL[i.kind]))];
  const given = Object.entries(hint ?? {}).filter((e): e is [HintKind, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (given.length === 0) return { outcome: 'not-checked', identifierTypes, message: 'No candidate identifier was given' };
  if (outcome.credential === undefined || !isAuthentic(outcome))
    return { outcome: 'not-checked', identifierTypes, message: 'The credential could not be verified, so its recipient was not checked' };
  const comparable = ids.filter((i) => given.some(([kind]) => kind === i.kind));
  if (comparable.length === 0)
    return { outcome: 'no-identifier', identifierTypes, message: 'This credential is not bound to an email or web address' };
  const hit = given.find(([kind, value]) => comparable.some((i) => i.kind === kind && identifierMatches(i, kind, value)));
  if (hit) return { outcome: 'match', identifierTypes, message: `Issued to ${hit[1].trim()}` };
  return { outcome: 'mismatch', identifierTypes, message: 'Issued to someone else' };
}
