/**
 * What extension pages ask the background to verify: the verify page's input
 * (text, a file's bytes, a URL the user typed or a PDF CV linked) and a
 * re-check of a history entry. Each reply carries the report and, when the
 * history write failed, `history: { error, message }` (nothing is lost silently).
 */
import { fromBase64, verify, type Format, type RecipientHint, type Report, type VerifyContext, type VerifyInput } from '../../engine';
import { historyKeyOf } from '../history/store';
import { isStorageError, type HistoryEntry, type HistoryOrigin, type HistorySource } from '../history/types';
import type { ReplyFor } from '../messaging';
import type { BackgroundDeps } from './deps';
import { deriveInput, type Derived } from './derive-input';
import { historyReplyField, inputTextOf, originOf, recordToHistory } from './history-write';
import { noEndpointReport, runVerification } from './run-verify';

/** The verify page's input, as the message schema admits it. */
export type PageInput = { text: string; name?: string } | { bytesBase64: string; name?: string } | { url: string; name?: string };

/** Verifies the verify page's input and records it in the history. */
export async function verifyFromPage(input: PageInput, recipient: RecipientHint | undefined, deps: BackgroundDeps): Promise<ReplyFor<'verify/input'>> {
  const name = input.name ? { name: input.name } : {};
  const ctx = await deps.createContext(recipient);
  if ('url' in input) {
    const { report, origin } = await verifyUrl(input.url, input.name, deps, ctx);
    const failure = await recordToHistory(deps.history, report, { via: 'verify-page', ...(origin ? { origin } : {}) });
    return { ok: true, report, ...historyReplyField(failure) };
  }
  const pipelineInput: VerifyInput = 'bytesBase64' in input ? { bytes: fromBase64(input.bytesBase64) ?? new Uint8Array(0), ...name } : { text: input.text, ...name };
  const report = await verify(pipelineInput, ctx);
  const inputText = inputTextOf(pipelineInput);
  const failure = await recordToHistory(deps.history, report, { via: 'verify-page', ...(inputText ? { inputText } : {}) });
  return { ok: true, report, ...historyReplyField(failure) };
}

/**
 * A URL the user gave is derived like a link found on a page: a known
 * platform's human page (a Credly badge page) becomes the platform's
 * machine-readable URL from the platform table (lib/detect/platforms.ts), never the HTML page.
 */
async function verifyUrl(url: string, name: string | undefined, deps: BackgroundDeps, ctx: VerifyContext): Promise<{ report: Report; origin?: HistoryOrigin }> {
  const candidate = { kind: 'link' as const, value: url, ...(name ? { label: name } : {}) };
  const derived = deriveInput(candidate, { userInitiated: true, pageOnKnownPlatform: false });
  const origin = originOf(derived, candidate);
  if (derived.kind === 'input') return { report: await runVerification(derived, ctx), ...(origin ? { origin } : {}) };
  if (derived.kind === 'no-endpoint') return { report: await noEndpointReport(candidate, derived.platform, deps.now), ...(origin ? { origin } : {}) };
  return { report: await verify({ url, ...(name ? { name } : {}) }, ctx) }; // not an https link: the pipeline reports why
}

/**
 * Re-checks a history entry the way it was first checked: from the address
 * it was read from (the issuer's current answer), else from the text it
 * kept, else from the stored credential where that carries its own proof
 * (`FROM_STORED`). Its result replaces the entry (one current result per
 * credential) and every tab row showing the same credential (`onRechecked`).
 * An entry none of these can rebuild answers HISTORY_NO_SOURCE, never
 * "format not supported".
 */
export async function reverify(id: string, deps: BackgroundDeps, onRechecked?: (keys: ReadonlySet<string>, report: Report) => Promise<unknown>): Promise<ReplyFor<'history/reverify'>> {
  if (!deps.history) return { ok: false, code: 'INTERNAL' };
  const entry = await deps.history.get(id);
  if (isStorageError(entry)) return { ok: false, code: entry.error };
  if (!entry) return { ok: false, code: 'MSG_INVALID' };
  const plan = recheckPlan(entry);
  if (!plan) return { ok: false, code: 'HISTORY_NO_SOURCE' };
  const { pageUrl, pageTitle, profileName, origin } = entry;
  const report =
    plan.kind === 'no-endpoint'
      ? await noEndpointReport({ kind: 'link', value: plan.link, ...(entry.report.inputName ? { label: entry.report.inputName } : {}) }, plan.platform, deps.now)
      : await runVerification(plan.derived, await deps.createContext(undefined, { fresh: true }));
  const inputText = plan.kind === 'input' && 'text' in plan.derived.input ? plan.derived.input.text : undefined;
  const source: HistorySource = { pageUrl, pageTitle, profileName, via: 'reverify', recheckOf: entry.credentialKey, ...(inputText ? { inputText } : {}), ...(origin ? { origin } : {}) };
  const failure = await recordToHistory(deps.history, report, source);
  await onRechecked?.(new Set([entry.credentialKey, await historyKeyOf(report, origin)]), report).catch(() => undefined);
  return { ok: true, report, ...historyReplyField(failure) };
}

/** How a stored check is repeated: what to verify (as a derived input), or the platform link that has nothing to verify. */
export type RecheckPlan = { kind: 'input'; derived: Extract<Derived, { kind: 'input' }> } | { kind: 'no-endpoint'; link: string; platform: string };

/**
 * Which stored reports can be checked again from their own content, per
 * format, when neither the address nor the text was kept: a credential that
 * carries its own proof can; a hosted Open Badge is read again from the
 * address its issuer hosts it at. Token formats (VC-JWT, SD-JWT, OB 2.0
 * signed, presentations) cannot: the signature covers the token, which the
 * report does not keep; nor can an EDC, whose seal envelope it does not keep
 * (its payload alone would read as unsealed, a false "not authentic").
 */
const FROM_STORED: Partial<Record<Format, 'credential' | 'hosted-id'>> = {
  'vc-data-integrity': 'credential',
  'vc-unsigned': 'credential',
  'ob2-hosted': 'hosted-id',
};

/** The plan to re-check `entry`, or undefined when nothing it kept can rebuild the check. */
export function recheckPlan(entry: Pick<HistoryEntry, 'report' | 'inputText' | 'origin'>): RecheckPlan | undefined {
  const { origin, report } = entry;
  const name = report.inputName ? { name: report.inputName } : {};
  if (origin?.noEndpoint) return { kind: 'no-endpoint', link: origin.url, platform: origin.noEndpoint };
  if (origin) {
    const input = { url: origin.url, ...(origin.follow ? { follow: true } : {}), ...name };
    return { kind: 'input', derived: { kind: 'input', input, ...(origin.wrappedIn ? { wrappedIn: origin.wrappedIn } : {}) } };
  }
  const input = reverifyInput(report, entry.inputText);
  return input ? { kind: 'input', derived: { kind: 'input', input } } : undefined;
}

/** The input to re-verify a stored report with, from its kept text or its own content (`FROM_STORED`). */
export function reverifyInput(report: Report, inputText?: string): VerifyInput | undefined {
  const credential = report.credential as Record<string, unknown> | undefined;
  const name = report.inputName ? { name: report.inputName } : {};
  if (typeof inputText === 'string' && inputText.length > 0) return { text: inputText, ...name };
  const way = FROM_STORED[report.format];
  if (!credential || typeof credential !== 'object' || report.container === 'jws') return undefined;
  if (way === 'hosted-id') {
    // OB 2.0 keeps {assertion, badgeClass, issuer}: the assertion's id is where its issuer hosts it
    const assertion = credential.assertion as Record<string, unknown> | undefined;
    const hosted = assertion?.id ?? credential.id;
    return typeof hosted === 'string' && /^https:\/\//.test(hosted) ? { url: hosted, ...name } : undefined;
  }
  return way === 'credential' ? { text: JSON.stringify(credential), ...name } : undefined;
}
