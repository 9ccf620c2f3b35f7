/**
 * JSON export and import of the history in a versioned envelope. Import is
 * zod-validated (the file may come from anywhere) and lossless for entries
 * Credlens exported itself.
 */
import { z } from 'zod';
import { CHECK_IDS, ERROR_CODES, FORMAT_IDS, LIMITS, PASS_CODES, VERDICTS } from '../../engine';
import type { HistoryEntry } from './types';

/** Envelope tag and version of a history export file. */
export const HISTORY_FORMAT = 'credlens-history';
export const HISTORY_VERSION = 1;
/** An import larger than this is refused before parsing. */
export const MAX_IMPORT_CHARS = 200 * 1024 * 1024;
const MAX_ENTRIES = 100_000;

const VerdictSchema = z.enum(VERDICTS as [string, ...string[]]);
const FormatSchema = z.enum(FORMAT_IDS);
const CheckIdSchema = z.enum(CHECK_IDS);
const CodeSchema = z.enum([...ERROR_CODES, ...PASS_CODES]);
const IsoSchema = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);

const CheckSchema = z
  .object({
    id: CheckIdSchema,
    status: z.enum(['pass', 'fail', 'error', 'skip']),
    code: CodeSchema,
    message: text(4000),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();

const ReportSchema = z
  .object({
    verdict: VerdictSchema,
    format: FormatSchema,
    container: z.enum(['json', 'jws', 'png', 'svg', 'url', 'xml']),
    checks: z.array(CheckSchema).max(100),
    // display facts and technical values are open-ended; kept as they are
    summary: z.looseObject({}),
    recipient: z.looseObject({ outcome: z.enum(['match', 'mismatch', 'not-checked', 'no-identifier']), identifierTypes: z.array(z.string()), message: z.string() }),
    technical: z.looseObject({}),
    inputHash: z.string().regex(/^[0-9a-f]{64}$/),
    inputName: text(1000).optional(),
    checkedAt: IsoSchema,
    credential: z.unknown().optional(),
    // the credentials carried inside, each with its report (lib/engine/report.ts ReportPart); one level deep and capped by the engine
    get parts() {
      return z.array(PartSchema).max(MAX_PARTS).optional();
    },
  })
  .strict();

/** The engine verifies at most this many carried credentials (CLR entries and endorsements) in one credential. */
const MAX_PARTS = LIMITS.clrCredentialsVerified + LIMITS.endorsementsVerified;

const PartSchema = z.object({ role: z.enum(['presented', 'achievement', 'endorsement']), path: text(300), report: ReportSchema }).strict();

const OriginSchema = z
  .object({ url: text(4096).regex(/^https:\/\/\S+$/), follow: z.literal(true).optional(), wrappedIn: text(40).optional(), noEndpoint: text(40).optional() })
  .strict();

/** One difference since the previous check (types.ts HistoryChange). */
const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verdict'), previous: VerdictSchema, current: VerdictSchema }).strict(),
  z.object({ kind: z.literal('check'), id: CheckIdSchema, before: CheckSchema.optional(), after: CheckSchema.optional() }).strict(),
  z.object({ kind: z.literal('signingKey'), from: text(2048), to: text(2048) }).strict(),
  z.object({ kind: z.literal('statusList'), from: text(4096), to: text(4096) }).strict(),
]);

/** One stored entry as it appears in an export (strict: unknown fields are refused). */
export const HistoryEntrySchema = z
  .object({
    id: z.string().min(1).max(128),
    inputHash: z.string().regex(/^[0-9a-f]{64}$/),
    credentialKey: z.string().regex(/^(?:content:[0-9a-f]{64}|input:[0-9a-f]{64}|hosted:\S{1,4096}|source:\S{1,4096})$/),
    report: ReportSchema,
    pageUrl: text(4096).optional(),
    pageTitle: text(1000).optional(),
    profileName: text(500).optional(),
    via: z.enum(['page', 'verify-page', 'context-menu', 'reverify']),
    checkedAt: IsoSchema,
    verdict: VerdictSchema,
    format: FormatSchema,
    issuerId: text(2048).optional(),
    issuerName: text(1000).optional(),
    title: text(1000).optional(),
    previousVerdict: VerdictSchema.optional(),
    previousCheckedAt: IsoSchema.optional(),
    changes: z.array(ChangeSchema).max(100).optional(),
    changedSinceLast: z.array(text(4000)).max(100).optional(),
    // the verified text, for re-checking; capped as when it was recorded (input-text.ts)
    inputText: text(LIMITS.candidateChars).min(1).optional(),
    // where the credential was read from, for re-checking (types.ts HistoryOrigin)
    origin: OriginSchema.optional(),
  })
  .strict()
  // the list columns must agree with the report they summarise
  .refine((e) => e.verdict === e.report.verdict && e.inputHash === e.report.inputHash, 'entry disagrees with its report');

const EnvelopeSchema = z
  .object({
    format: z.literal(HISTORY_FORMAT),
    version: z.literal(HISTORY_VERSION),
    exportedAt: IsoSchema.optional(),
    entries: z.array(HistoryEntrySchema).max(MAX_ENTRIES),
  })
  .strict();

/** Serialises entries into the versioned envelope. */
export function historyToJson(entries: readonly HistoryEntry[], exportedAt = new Date().toISOString()): string {
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt, entries });
}

/** Outcome of reading an export file: the validated entries, or why the file was refused. */
export type ImportResult = { ok: true; entries: HistoryEntry[] } | { ok: false; message: string };

/** Parses and validates an exported history file; never throws. */
export function parseHistoryJson(textContent: string): ImportResult {
  if (textContent.length > MAX_IMPORT_CHARS) return { ok: false, message: 'The file is too large to import.' };
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch {
    return { ok: false, message: 'The file is not valid JSON.' };
  }
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    return { ok: false, message: `This is not a Credlens history export (${where}: ${issue?.message ?? 'invalid'}).` };
  }
  return { ok: true, entries: parsed.data.entries as HistoryEntry[] };
}
