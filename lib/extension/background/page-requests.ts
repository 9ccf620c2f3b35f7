/**
 * What extension pages ask the background to verify: the verify page's input
 * (text, a file's bytes, a URL the user typed or a PDF CV linked) and a
 * re-check of a history entry. Each reply carries the report and, when the
 * history write failed, `history: { error, message }` (nothing is lost silently).
 */
import { fromBase64, verify, type RecipientHint, type Report, type VerifyInput } from '../../engine';
import { isStorageError } from '../history/types';
import type { ReplyFor } from '../messaging';
import type { BackgroundDeps } from './deps';
import { deriveInput } from './derive-input';
import { historyReplyField, inputTextOf, recordToHistory } from './history-write';
import { noEndpointReport, runVerification } from './run-verify';

/** The verify page's input, as the message schema admits it. */
export type PageInput = { text: string; name?: string } | { bytesBase64: string; name?: string } | { url: string; name?: string };

/** Verifies the verify page's input and records it in the history. */
export async function verifyFromPage(input: PageInput, recipient: RecipientHint | undefined, deps: BackgroundDeps): Promise<ReplyFor<'verify/input'>> {
  const name = input.name ? { name: input.name } : {};
  let pipelineInput: VerifyInput;
  if ('bytesBase64' in input) pipelineInput = { bytes: fromBase64(input.bytesBase64) ?? new Uint8Array(0), ...name };
  else pipelineInput = 'url' in input ? { url: input.url, ...name } : { text: input.text, ...name };
  const ctx = await deps.createContext(recipient);
  const report = 'url' in input ? await verifyUrl(input.url, input.name, deps, ctx) : await verify(pipelineInput, ctx);
  const inputText = inputTextOf(pipelineInput);
  const failure = await recordToHistory(deps.history, report, { via: 'verify-page', ...(inputText ? { inputText } : {}) });
  return { ok: true, report, ...historyReplyField(failure) };
}

/**
 * A URL the user gave is derived like a link found on a page: a known
 * platform's human page (a Credly badge page) becomes the platform's
 * machine-readable URL from the platform table (lib/detect/platforms.ts), never the HTML page.
 */
async function verifyUrl(url: string, name: string | undefined, deps: BackgroundDeps, ctx: Awaited<ReturnType<BackgroundDeps['createContext']>>): Promise<Report> {
  const candidate = { kind: 'link' as const, value: url, ...(name ? { label: name } : {}) };
  const derived = deriveInput(candidate, { userInitiated: true, pageOnKnownPlatform: false });
  if (derived.kind === 'input') return runVerification(derived, ctx);
  if (derived.kind === 'no-endpoint') return noEndpointReport(candidate, derived.platform, deps.now);
  return verify({ url, ...(name ? { name } : {}) }, ctx); // not an https link: the pipeline reports why
}

/**
 * Re-checks a history entry: from the verified text the entry kept (a
 * VC-JWT's compact token, JSON), else a hosted credential from its id, else
 * a JSON credential from the signed payload kept in the report.
 */
export async function reverify(id: string, deps: BackgroundDeps): Promise<ReplyFor<'history/reverify'>> {
  if (!deps.history) return { ok: false, code: 'INTERNAL' };
  const entry = await deps.history.get(id);
  if (isStorageError(entry)) return { ok: false, code: entry.error };
  if (!entry) return { ok: false, code: 'MSG_INVALID' };
  const input = reverifyInput(entry.report, entry.inputText);
  if (!input) return { ok: false, code: 'INPUT_UNSUPPORTED_FORMAT' };
  const report = await verify(input, await deps.createContext(undefined, { fresh: true }));
  const { pageUrl, pageTitle, profileName } = entry;
  const inputText = 'text' in input ? input.text : undefined;
  const failure = await recordToHistory(deps.history, report, { pageUrl, pageTitle, profileName, via: 'reverify', ...(inputText ? { inputText } : {}) });
  return { ok: true, report, ...historyReplyField(failure) };
}

/** The input to re-verify a stored report with, when one can be rebuilt. */
export function reverifyInput(report: Report, inputText?: string): VerifyInput | undefined {
  const credential = report.credential as Record<string, unknown> | undefined;
  const name = report.inputName ? { name: report.inputName } : {};
  if (typeof inputText === 'string' && inputText.length > 0) return { text: inputText, ...name };
  // OB 2.0 keeps {assertion, badgeClass, issuer}: the assertion's id is where its issuer hosts it
  const assertion = credential?.assertion as Record<string, unknown> | undefined;
  const hosted = report.format === 'ob2-hosted' ? (assertion?.id ?? credential?.id) : undefined;
  const hostedId = typeof hosted === 'string' && /^https:\/\//.test(hosted) ? hosted : undefined;
  if (report.format === 'ob2-hosted' && hostedId) return { url: hostedId, ...name };
  // a VC-JWT's signature covers the compact token, which only inputText keeps
  if (report.format === 'vc-jwt' || report.container === 'jws' || !credential || typeof credential !== 'object') return undefined;
  return { text: JSON.stringify(credential), ...name };
}
