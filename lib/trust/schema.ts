/**
 * Validation of imported trust lists (every document from outside goes
 * through a schema: SECURITY.md, runtime dependencies). Loaded lazily by store.ts so zod stays
 * out of the popup bundle.
 */
import { z } from 'zod';
import { TRUST_EXPORT_FORMAT, type TrustEntry } from './types';

/** An import may not grow the list without bound. */
export const MAX_TRUST_ENTRIES = 5_000;

const EntrySchema = z.object({
  issuerId: z.string().trim().min(3).max(2048),
  name: z.string().max(300).optional(),
  addedAt: z.string().datetime({ offset: true }).optional(),
  source: z.string().max(120).optional(),
});

const ExportSchema = z.object({
  format: z.literal(TRUST_EXPORT_FORMAT),
  version: z.literal(1),
  entries: z.array(EntrySchema).max(MAX_TRUST_ENTRIES),
});

/** Accepts our export file or a bare array of entries; returns entries with defaults filled in. */
export function parseTrustImport(data: unknown, source: string, now: string): TrustEntry[] {
  const entries = Array.isArray(data) ? z.array(EntrySchema).max(MAX_TRUST_ENTRIES).parse(data) : ExportSchema.parse(data).entries;
  return entries.map((e) => ({
    issuerId: e.issuerId,
    ...(e.name ? { name: e.name } : {}),
    addedAt: e.addedAt ?? now,
    source: e.source ?? source,
  }));
}
