/**
 * Every message between extension contexts, validated with zod at the
 * boundary (SECURITY.md rule 1). Content scripts send what they *saw*
 * (strings), never URLs to fetch on their behalf. Only the background imports
 * this module's schemas, so zod stays out of the content script.
 */
import { z } from 'zod';
import { LIMITS } from '../engine';

export const CandidateSchema = z
  .object({
    /** what kind of thing the page showed */
    kind: z.enum(['json', 'jws', 'link', 'image', 'embed', 'claim']),
    /** the text seen: JSON text, a compact JWS, a link href, an image src, an embed id */
    value: z.string().min(1).max(LIMITS.candidateChars),
    /** platform id from the detection table, when known (credly, accredible, …) */
    platform: z.string().max(40).optional(),
    /** short human label seen next to it (certification name, issuer) */
    label: z.string().max(300).optional(),
    issuerLabel: z.string().max(300).optional(),
    issuedLabel: z.string().max(100).optional(),
    expiresLabel: z.string().max(100).optional(),
    credentialIdLabel: z.string().max(200).optional(),
    /** found inside a profile's certification entry (its link is followed, within the page's budget) */
    fromEntry: z.literal(true).optional(),
    /** a claim's own link, shown to open but never fetched */
    href: z.string().max(2048).optional(),
  })
  .strict();
export type Candidate = z.infer<typeof CandidateSchema>;

const VerifyInputSchema = z.union([
  z.object({ text: z.string().min(1).max(LIMITS.inputBytes), name: z.string().max(300).optional() }).strict(),
  z.object({ bytesBase64: z.string().min(1).max(Math.ceil((LIMITS.inputBytes * 4) / 3) + 8), name: z.string().max(300).optional() }).strict(),
  z.object({ url: z.string().url().max(2048), name: z.string().max(300).optional() }).strict(),
]);

const RecipientSchema = z
  .object({ email: z.string().email().max(320).optional(), url: z.string().url().max(2048).optional() })
  .strict();

export const ToBackgroundSchema = z.discriminatedUnion('type', [
  // from content scripts
  z
    .object({
      type: z.literal('candidates/found'),
      pageUrl: z.string().max(4096),
      pageTitle: z.string().max(500).optional(),
      profileName: z.string().max(200).optional(),
      /** the number of certifications the profile says it has, when it shows only some, and the page listing all */
      listed: z.object({ count: z.number().int().nonnegative().max(10_000), url: z.string().max(2048) }).strict().optional(),
      items: z.array(CandidateSchema).max(LIMITS.candidatesPerPage),
    })
    .strict(),
  z.object({ type: z.literal('candidate/open'), key: z.string().max(128) }).strict(),
  // from extension pages only
  z.object({ type: z.literal('tab/get'), tabId: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal('tab/scan'), tabId: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal('tab/recipient'), tabId: z.number().int().nonnegative(), recipient: RecipientSchema }).strict(),
  // "Try again": one row, or every row that could not be checked, read anew (keys and status lists too)
  z.object({ type: z.literal('tab/recheck'), tabId: z.number().int().nonnegative(), key: z.string().max(128).optional() }).strict(),
  z.object({ type: z.literal('verify/input'), input: VerifyInputSchema, recipient: RecipientSchema.optional() }).strict(),
  z.object({ type: z.literal('history/reverify'), id: z.string().max(128) }).strict(),
  z.object({ type: z.literal('history/clear') }).strict(),
  z.object({ type: z.literal('settings/changed') }).strict(),
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** Messages a content script may send; everything else is refused from a tab (SECURITY.md attack 26). */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<ToBackground['type']> = new Set(['candidates/found', 'candidate/open']);

/**
 * What the background answers. Failures carry only a code (the UI looks up
 * its text in lib/engine/messages.ts); nothing is thrown across the boundary.
 */
export type BackgroundReply<T extends object = { [key: string]: unknown }> = ({ ok: true } & T) | { ok: false; code: import('../engine').ErrorCode };

/** The data of a successful reply, per message type. */
export interface ReplyData {
  'candidates/found': { count: number };
  'candidate/open': object;
  'tab/get': { tab: import('./tab-results').TabResults | null };
  'tab/scan': object;
  'tab/recipient': { tab: import('./tab-results').TabResults | null };
  'tab/recheck': { tab: import('./tab-results').TabResults | null };
  /** `history` is present when the report could not be saved to the history */
  'verify/input': { report: import('../engine').Report; history?: import('./history/types').HistoryStorageError };
  'history/reverify': { report: import('../engine').Report; history?: import('./history/types').HistoryStorageError };
  'history/clear': object;
  'settings/changed': object;
}

/** The reply to one message type, e.g. `ReplyFor<'verify/input'>`. */
export type ReplyFor<T extends ToBackground['type']> = BackgroundReply<ReplyData[T]>;

/** The report page the background opens for a marker click or the context menu (the popup renders it). */
export const reportPagePath = (tabId: number, key: string): string =>
  `/popup.html?tab=${encodeURIComponent(String(tabId))}&key=${encodeURIComponent(key)}`;
