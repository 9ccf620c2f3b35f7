/**
 * The history's behaviour over any backend: recording with change detection,
 * retention, paged queries, grouping, deletion and import. Every method
 * returns a storage error object instead of throwing (never a silent loss).
 */
import { type Report } from '../../engine';
import type { HistoryBackend } from './backend';
import { diffReports } from './changes';
import { credentialKeyOf } from './credential-key';
import { keptInputText } from './input-text';
import { groupEntries, groupKeyOf, matchesQuery, type HistoryGroup } from './query';
import { guardStorage } from './storage-error';
import type { HistoryEntry, HistoryOrigin, HistoryPage, HistoryQuery, HistorySource, HistoryStorageError, HistorySummary } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** default retention, overridden by the `retentionDays` setting */
export const DEFAULT_RETENTION_DAYS = 180;

/** Injected clock and id source (tests pin both). */
export interface HistoryStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * The key under which a check is kept. A credential read from an address is
 * kept under that address: checked again there, whether it answers with the
 * credential, with a revocation or not at all, it stays one entry (and two
 * links that both failed are never taken for one credential). Pasted text
 * and files are kept under the credential's own key (credential-key.ts).
 */
export async function historyKeyOf(report: Report, origin: HistoryOrigin | undefined): Promise<string> {
  return origin ? `source:${origin.url}` : credentialKeyOf(report);
}

/** Builds the entry for a report, without the change list (that needs the previous entry). */
export function entryFromReport(report: Report, source: HistorySource, id: string, credentialKey: string): HistoryEntry {
  const s = report.summary ?? {};
  return {
    id,
    inputHash: report.inputHash,
    credentialKey,
    report,
    pageUrl: source.pageUrl,
    pageTitle: source.pageTitle,
    profileName: source.profileName,
    via: source.via,
    checkedAt: report.checkedAt,
    verdict: report.verdict,
    format: report.format,
    issuerId: s.issuer?.id,
    issuerName: s.issuer?.name,
    title: s.title ?? s.achievement?.name ?? report.inputName,
    inputText: source.inputText,
    origin: source.origin,
  };
}

/** True when no filter is set, so a page can be read without a scan. */
export function isUnfiltered(q: HistoryQuery): boolean {
  // an empty profileName / pageUrl is a filter ("entries without a candidate"), unlike an empty search
  if (q.profileName !== undefined || q.pageUrl !== undefined) return false;
  return Object.values(q).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
}

/** Drops undefined fields so stored entries equal their JSON round trip. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The credential history over a backend (IndexedDB in the extension, memory
 * in tests). Never throws: failures come back as STORAGE_FAILED / STORAGE_QUOTA.
 *
 * @example
 * const store = new HistoryStore(createMemoryBackend());
 * await store.record(report, { via: 'verify-page' });
 * const { entries, total } = await store.query({ verdicts: ['revoked'] }, 0, 50);
 */
export class HistoryStore {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly backend: HistoryBackend, options: HistoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /**
   * Stores one verification as the credential's current result. When the
   * same credential was checked before (same signed content, whatever the
   * container; or the entry a re-check repeats, `source.recheckOf`), that
   * entry is replaced under its id and keeps only the previous verdict, its
   * time and the list of changes: one current result per credential, never
   * an old "verified" beside a new "revoked". The verified text is kept
   * when small and matching the report (input-text.ts). Entries older
   * than `retentionDays` are deleted on the same write.
   */
  record(report: Report, source: HistorySource, retentionDays = DEFAULT_RETENTION_DAYS): Promise<HistoryEntry | HistoryStorageError> {
    return guardStorage(async () => {
      const credentialKey = await historyKeyOf(report, source.origin);
      const previous = await this.previousOf(credentialKey, report, source);
      const inputText = await keptInputText(report, source.inputText);
      // a re-check that read nothing (no address, no credential) stays under the key the entry was known by
      const key = previous && credentialKey.startsWith('input:') ? previous.credentialKey : credentialKey;
      const entry = entryFromReport(report, { ...source, inputText, origin: source.origin ?? previous?.origin }, previous?.id ?? this.newId(), key);
      if (previous) {
        entry.previousVerdict = previous.verdict;
        entry.previousCheckedAt = previous.checkedAt;
        entry.changes = diffReports(previous.report, report);
      }
      const stored = compact(entry);
      await this.backend.put(stored);
      await this.applyRetentionUnguarded(retentionDays);
      return stored;
    });
  }

  /**
   * The entry a new check replaces: the one under the same key, else the
   * entry a re-check repeats, else one that holds the same signed content
   * read another way (a PNG first, its JSON later).
   */
  private async previousOf(credentialKey: string, report: Report, source: HistorySource): Promise<HistoryEntry | undefined> {
    const contentKey = report.credential !== undefined && report.credential !== null ? await credentialKeyOf(report) : undefined;
    for (const key of new Set([credentialKey, source.recheckOf, contentKey])) {
      const found = key ? await this.backend.latestByCredentialKey(key) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** Deletes entries older than `retentionDays`; returns how many were deleted. */
  applyRetention(retentionDays: number): Promise<number | HistoryStorageError> {
    return guardStorage(() => this.applyRetentionUnguarded(retentionDays));
  }

  private applyRetentionUnguarded(retentionDays: number): Promise<number> {
    if (!(retentionDays > 0)) return Promise.resolve(0);
    const cutoff = new Date(this.now() - retentionDays * DAY_MS).toISOString();
    return this.backend.deleteOlderThan(cutoff);
  }

  /**
   * One page of matching summaries, newest first, with the total match count.
   * Without filters only the requested page is read (fast at any size);
   * with filters every summary is scanned once.
   */
  query(q: HistoryQuery = {}, offset = 0, limit = 100): Promise<HistoryPage | HistoryStorageError> {
    return guardStorage(async () => {
      if (isUnfiltered(q)) {
        const [total, entries] = await Promise.all([this.backend.count(), this.backend.pageNewestFirst(offset, limit)]);
        return { entries, total };
      }
      const entries: HistorySummary[] = [];
      let total = 0;
      await this.backend.forEachSummaryNewestFirst((e) => {
        if (!matchesQuery(e, q)) return;
        if (total >= offset && entries.length < limit) entries.push(e);
        total++;
      });
      return { entries, total };
    });
  }

  /** Candidate / page groups of the entries matching `q`. */
  groups(q: HistoryQuery = {}): Promise<HistoryGroup[] | HistoryStorageError> {
    return guardStorage(async () => {
      const matching: HistorySummary[] = [];
      await this.backend.forEachSummaryNewestFirst((e) => void (matchesQuery(e, q) && matching.push(e)));
      return groupEntries(matching);
    });
  }

  /** One full entry (with its report), e.g. when the user opens it. */
  get(id: string): Promise<HistoryEntry | undefined | HistoryStorageError> {
    return guardStorage(() => this.backend.get(id));
  }

  /** The latest entry for an input, e.g. to show what a re-verification changed. */
  latestFor(inputHash: string): Promise<HistoryEntry | undefined | HistoryStorageError> {
    return guardStorage(() => this.backend.latestByInputHash(inputHash));
  }

  /** Deletes one entry. */
  delete(id: string): Promise<void | HistoryStorageError> {
    return guardStorage(() => this.backend.delete([id]));
  }

  /** Deletes every entry of one group (a candidate, a page); returns how many. */
  deleteGroup(groupKey: string): Promise<number | HistoryStorageError> {
    return guardStorage(async () => {
      const ids: string[] = [];
      await this.backend.forEachSummaryNewestFirst((e) => void (groupKeyOf(e).key === groupKey && ids.push(e.id)));
      await this.backend.delete(ids);
      return ids.length;
    });
  }

  /** Deletes every entry. */
  clear(): Promise<void | HistoryStorageError> {
    return guardStorage(() => this.backend.clear());
  }

  /** How many entries are stored. */
  count(): Promise<number | HistoryStorageError> {
    return guardStorage(() => this.backend.count());
  }

  /** Every full entry, newest first (for export). */
  all(): Promise<HistoryEntry[] | HistoryStorageError> {
    return guardStorage(() => this.backend.allEntries());
  }

  /** Adds entries whose id is not stored yet (import); returns counts. */
  addEntries(entries: readonly HistoryEntry[]): Promise<{ added: number; skipped: number } | HistoryStorageError> {
    return guardStorage(async () => {
      const unique = [...new Map(entries.map((e) => [e.id, e])).values()];
      const existing = await this.backend.existingIds(unique.map((e) => e.id));
      const fresh = unique.filter((e) => !existing.has(e.id)).map(compact);
      await this.backend.putMany(fresh);
      return { added: fresh.length, skipped: entries.length - fresh.length };
    });
  }
}
