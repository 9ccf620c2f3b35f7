/**
 * The user's trust lists: issuers the recruiter has chosen to trust, kept in
 * `browser.storage.local` (`trust:lists`). Trust is shown next to the
 * verdict, never folded into it: a trusted issuer does not make a broken
 * signature pass, and an unknown issuer does not make a good one fail.
 */
import { browser } from 'wxt/browser';
import { TRUST_EXPORT_FORMAT, TRUST_STORAGE_KEY, type TrustEntry } from './types';

export type { TrustEntry } from './types';
export { TRUST_STORAGE_KEY } from './types';

/** The storage area; tests and the options page may pass their own. */
export interface TrustStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const defaultArea = (): TrustStorage => browser.storage.local as unknown as TrustStorage;

function isEntry(v: unknown): v is TrustEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.issuerId === 'string' && typeof e.addedAt === 'string' && typeof e.source === 'string';
}

/** Every trusted issuer; malformed stored entries are dropped rather than trusted. */
export async function getTrustList(area: TrustStorage = defaultArea()): Promise<TrustEntry[]> {
  const stored = (await area.get(TRUST_STORAGE_KEY))[TRUST_STORAGE_KEY];
  return Array.isArray(stored) ? stored.filter(isEntry) : [];
}

/** The trusted issuer ids, for quick look-ups. */
export const trustedIds = (entries: readonly TrustEntry[]): Set<string> => new Set(entries.map((e) => e.issuerId));

/** Adds (or renames) one issuer; the verified issuer id is the key. */
export async function addTrustedIssuer(
  issuer: { issuerId: string; name?: string; source?: string },
  area: TrustStorage = defaultArea(),
  now: () => Date = () => new Date(),
): Promise<TrustEntry[]> {
  const entry: TrustEntry = {
    issuerId: issuer.issuerId,
    ...(issuer.name ? { name: issuer.name } : {}),
    addedAt: now().toISOString(),
    source: issuer.source ?? 'user',
  };
  const list = (await getTrustList(area)).filter((e) => e.issuerId !== entry.issuerId);
  const next = [...list, entry];
  await area.set({ [TRUST_STORAGE_KEY]: next });
  return next;
}

export async function removeTrustedIssuer(issuerId: string, area: TrustStorage = defaultArea()): Promise<TrustEntry[]> {
  const next = (await getTrustList(area)).filter((e) => e.issuerId !== issuerId);
  await area.set({ [TRUST_STORAGE_KEY]: next });
  return next;
}

/**
 * Merges a trust list file (our export format, or a bare array of entries)
 * into the stored list. Throws a TypeError with a plain reason when the file
 * is not a valid list; nothing is stored in that case.
 */
export async function importTrustList(
  json: string,
  area: TrustStorage = defaultArea(),
  options: { source?: string; now?: () => Date } = {},
): Promise<{ added: number; total: number }> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new TypeError('The file is not JSON');
  }
  // zod is loaded only here, so pages that merely read the list stay small
  const { parseTrustImport } = await import('./schema');
  let incoming: TrustEntry[];
  try {
    incoming = parseTrustImport(data, options.source ?? 'import', (options.now ?? (() => new Date()))().toISOString());
  } catch {
    throw new TypeError('The file is not a Credlens trust list');
  }
  const current = await getTrustList(area);
  const known = trustedIds(current);
  const added = incoming.filter((e) => !known.has(e.issuerId) && known.add(e.issuerId));
  const next = [...current, ...added];
  await area.set({ [TRUST_STORAGE_KEY]: next });
  return { added: added.length, total: next.length };
}

/** The stored list as a JSON file the user can keep or share. */
export async function exportTrustList(area: TrustStorage = defaultArea(), now: () => Date = () => new Date()): Promise<string> {
  const entries = await getTrustList(area);
  return JSON.stringify({ format: TRUST_EXPORT_FORMAT, version: 1, exportedAt: now().toISOString(), entries }, null, 2);
}
