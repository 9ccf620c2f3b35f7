/**
 * Credential status (revocation / suspension), for the entry types issuers use:
 * W3C BitstringStatusListEntry, the older StatusList2021Entry, and the OB 3.0
 * 1EdTechRevocationList. Every entry is checked and the worst answer wins
 * (revoked > suspended > could not check > fine).
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { error, fail, fromThrown, pass, skip } from '../checks/result';
import { checkValidity } from '../checks/validity';
import type { Check } from '../report';
import { asArray, idOf, isObject } from '../util/json';
import { decodeStatusList, parseStatusIndex, readStatusBit } from './bitstring';
import { checkedAtOf, isNestedStatusContext, loadStatusList, type TrustedList } from './list-credential';
import { checkRevocationList } from './revocation-list';

/** Entry type → the list credential type it must point at. */
const BITSTRING_TYPES: Record<string, string> = {
  BitstringStatusListEntry: 'BitstringStatusListCredential',
  StatusList2021Entry: 'StatusList2021Credential',
};

const PASS_MESSAGE = "Not revoked (checked against the issuer's status list)";

/** Checks every status entry of a credential; one `status` check comes back. */
export async function checkCredentialStatus(credential: Record<string, unknown>, ctx: VerifyContext): Promise<Check> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) return skip('status', 'NOT_APPLICABLE', 'The issuer publishes no revocation status for this credential');
  if (isNestedStatusContext(ctx)) return error('status', 'STATUS_VERIFICATION_ERROR', { reason: 'a status list that has a status of its own' });
  if (entries.length > MAX_ENTRIES) return error('status', 'STATUS_UNSUPPORTED', { type: `${entries.length} status entries` });
  const decoded = new Map<string, Promise<Uint8Array>>();
  const results = await Promise.all(entries.map((entry) => checkEntry(entry, credential, ctx, decoded)));
  return worst(results);
}

/** The credential's issuer id (an issuer object counts by its `id`); a list must be issued by it (SECURITY.md row 45). */
const issuerIdOf = (credential: Record<string, unknown>): string | undefined => idOf(credential.issuer);

/** Real credentials carry one or two entries (revocation, suspension); many would only multiply work. */
const MAX_ENTRIES = 8;

/** `decoded` shares one inflated bitstring per list URL between the entries of one credential. */
async function checkEntry(entry: unknown, credential: Record<string, unknown>, ctx: VerifyContext, decoded: Map<string, Promise<Uint8Array>>): Promise<Check> {
  try {
    if (!isObject(entry) || typeof entry.type !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'each credentialStatus needs a type' });
    if (entry.type === '1EdTechRevocationList') return await checkRevocationList(entry, credential, ctx);
    // own entries only: a type named `constructor` or `__proto__` is not a list type (SECURITY.md row 50)
    if (Object.prototype.hasOwnProperty.call(BITSTRING_TYPES, entry.type)) return await checkBitstringEntry(entry, BITSTRING_TYPES[entry.type]!, issuerIdOf(credential), ctx, decoded);
    return error('status', 'STATUS_UNSUPPORTED', { type: entry.type.slice(0, 80) });
  } catch (e) {
    return fromThrown('status', e);
  }
}

const PURPOSE_CODES = { revocation: 'CRED_REVOKED', suspension: 'CRED_SUSPENDED' } as const;

async function checkBitstringEntry(
  entry: Record<string, unknown>,
  listType: string,
  issuerId: string | undefined,
  ctx: VerifyContext,
  decoded: Map<string, Promise<Uint8Array>>,
): Promise<Check> {
  const url = entry.statusListCredential;
  if (typeof url !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'statusListCredential must be a URL' });
  // entry members are issuer JSON of any type: an object purpose could even have a `toString` that is not a function (SECURITY.md row 50)
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : '';
  if (purpose !== 'revocation' && purpose !== 'suspension')
    return error('status', 'STATUS_UNSUPPORTED', { type: `${String(entry.type)} (${purpose.slice(0, 40) || 'no purpose'})` });
  const index = parseStatusIndex(entry.statusListIndex);
  const list = await loadStatusList(url, ctx);
  if (!list.ok) return error('status', 'STATUS_VERIFICATION_ERROR', { reason: list.reason, url });
  const distrust = whyNotUsable(list, { listType, purpose, issuerId }, ctx);
  if (distrust) return error('status', 'STATUS_VERIFICATION_ERROR', { reason: distrust, url });
  if (!decoded.has(url)) decoded.set(url, decodeStatusList(list.encodedList));
  const bits = await decoded.get(url)!;
  const checkedAt = checkedAtOf(list.fetchedAt);
  if (readStatusBit(bits, index)) return fail('status', PURPOSE_CODES[purpose], { url, index, ...checkedAt });
  return pass('status', purpose === 'revocation' ? PASS_MESSAGE : "Not suspended (checked against the issuer's status list)", { url, ...checkedAt });
}

/** What an entry asks of the list it points at. */
interface ListExpectation {
  listType: string;
  purpose: string;
  /** the credential's issuer, who must be the list's issuer */
  issuerId: string | undefined;
}

/**
 * Returns why a verified list still may not be used for this entry, or
 * undefined if it may (the rules are listed in lib/engine/status/list-credential.ts).
 */
function whyNotUsable(list: TrustedList, { listType, purpose, issuerId }: ListExpectation, ctx: VerifyContext): string | undefined {
  // SECURITY.md row 45: only the credential's own issuer can say it is not revoked.
  if (issuerId === undefined || list.issuer !== issuerId)
    return `the list was issued by ${(list.issuer ?? 'no one').slice(0, 200)}, not by the credential's issuer`;
  if (!list.types.includes(listType)) return `the list is not a ${listType}`;
  // the purposes are the list server's text: cut, so a huge one cannot swell every report that cites it (SECURITY.md row 50)
  if (!list.purposes.includes(purpose)) return `the list is for ${(list.purposes.join(', ') || 'no purpose').slice(0, 100)}, not ${purpose}`;
  if (list.statusSize !== 1) return 'status messages wider than one bit are not supported';
  // Checked again at use: a cached list may have expired since it was verified.
  const validity = checkValidity({ validFrom: list.validFrom, validUntil: list.validUntil }, ctx.now(), ctx.skewSeconds);
  if (validity.status !== 'pass') return `the list is outside its validity window (${validity.code})`;
  return undefined;
}

const RANK = (c: Check): number =>
  c.status === 'fail' ? (c.code === 'CRED_REVOKED' ? 5 : c.code === 'CRED_SUSPENDED' ? 4 : 3) : c.status === 'error' ? 2 : c.status === 'pass' ? 1 : 0;

function worst(results: Check[]): Check {
  if (results.length === 0) throw new VerifierError('INTERNAL', { reason: 'no status results' });
  return results.reduce((a, b) => (RANK(b) > RANK(a) ? b : a));
}
