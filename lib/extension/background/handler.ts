/**
 * The background's message boundary (SECURITY.md rules 1–2, attacks
 * 25–26): messages from other extensions are ignored; content scripts are
 * rate-limited per tab and may send only CONTENT_SCRIPT_MESSAGES; every
 * payload is validated with zod before use; nothing throws across.
 */
import { type ErrorCode } from '../../engine';
import { isStorageError } from '../history/types';
import { CONTENT_SCRIPT_MESSAGES, ToBackgroundSchema, type BackgroundReply, type ReplyFor, type ToBackground } from '../messaging';
import type { BackgroundDeps } from './deps';
import { reverify, verifyFromPage } from './page-requests';
import { createRateLimiter } from './rate-limit';
import type { TabFlow } from './tab-flow';

/** The fields of `runtime.MessageSender` the checks use. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; title?: string };
}

export type MessageHandler = (raw: unknown, sender: MessageSender) => Promise<BackgroundReply | undefined>;

const refuse = (code: ErrorCode): { ok: false; code: ErrorCode } => ({ ok: false, code });

/** Builds the `runtime.onMessage` handler. Resolves undefined for messages it ignores. */
export function createMessageHandler(deps: BackgroundDeps, flow: TabFlow): MessageHandler {
  const limiter = createRateLimiter(deps.rateLimit);
  return async (raw, sender) => {
    if (sender.id !== deps.runtimeId) return undefined; // another extension: not ours to answer
    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
    const tabId = sender.tab?.id;
    if (!fromExtensionPage) {
      if (tabId === undefined) return refuse('MSG_SENDER_NOT_ALLOWED');
      if (!limiter.take(tabId)) return refuse('MSG_RATE_LIMITED');
    }
    const parsed = ToBackgroundSchema.safeParse(raw);
    if (!parsed.success) return refuse('MSG_INVALID');
    // Pages may only report what they saw; extension pages never pose as content scripts.
    if (fromExtensionPage === CONTENT_SCRIPT_MESSAGES.has(parsed.data.type)) return refuse('MSG_SENDER_NOT_ALLOWED');
    try {
      return await route(parsed.data, sender, deps, flow);
    } catch {
      return refuse('INTERNAL');
    }
  };
}

type Message<K extends ToBackground['type']> = Extract<ToBackground, { type: K }>;

/** One handler per message type, each answering with that type's reply (lib/extension/messaging.ts ReplyData). */
type Handlers = { [K in ToBackground['type']]: (msg: Message<K>, sender: MessageSender, deps: BackgroundDeps, flow: TabFlow) => Promise<ReplyFor<K>> };

const HANDLERS: Handlers = {
  async 'candidates/found'(msg, sender, _deps, flow) {
    // Where the candidates were seen comes from the browser (sender.url; tab.url needs the "tabs" permission), never from the message.
    const url = sender.url ?? sender.tab?.url ?? '';
    // "Show all N": the details page is offered to open only on the page's own site (a page cannot point the popup elsewhere)
    const listed = msg.listed && sameOrigin(msg.listed.url, url) ? msg.listed : undefined;
    const page = { url, ...(sender.tab?.title ? { title: sender.tab.title } : {}), ...(msg.profileName ? { profileName: msg.profileName } : {}), ...(listed ? { listed } : {}) };
    const keys = await flow.addCandidates(sender.tab!.id!, page, msg.items, { userInitiated: false, via: 'page' });
    return { ok: true, count: keys.length };
  },
  async 'candidate/open'(msg, sender, _deps, flow) {
    return (await flow.openCandidate(sender.tab!.id!, msg.key)) ? { ok: true } : refuse('MSG_INVALID');
  },
  async 'tab/get'(msg, _sender, _deps, flow) {
    return { ok: true, tab: (await flow.store.get(msg.tabId))?.results ?? null };
  },
  async 'tab/scan'(msg, _sender, deps) {
    await deps.injectScanner(msg.tabId);
    return { ok: true };
  },
  async 'tab/recipient'(msg, _sender, _deps, flow) {
    return { ok: true, tab: (await flow.recheckRecipient(msg.tabId, msg.recipient)) ?? null };
  },
  async 'tab/recheck'(msg, _sender, _deps, flow) {
    return { ok: true, tab: (await flow.recheck(msg.tabId, msg.key)) ?? null };
  },
  'verify/input': (msg, _sender, deps) => verifyFromPage(msg.input, msg.recipient, deps),
  // the new result replaces the entry and every tab row showing the same credential
  'history/reverify': (msg, _sender, deps, flow) => reverify(msg.id, deps, (keys, report) => flow.applyRecheck(keys, report)),
  async 'history/clear'(_msg, _sender, deps) {
    if (!deps.history) return refuse('INTERNAL');
    const result = await deps.history.clear();
    return isStorageError(result) ? refuse(result.error) : { ok: true };
  },
  async 'settings/changed'(_msg, _sender, deps) {
    await deps.onSettingsChanged?.();
    return { ok: true };
  },
};

function route<K extends ToBackground['type']>(msg: Message<K>, sender: MessageSender, deps: BackgroundDeps, flow: TabFlow): Promise<ReplyFor<K>> {
  return (HANDLERS[msg.type] as Handlers[K])(msg, sender, deps, flow);
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin && new URL(a).protocol === 'https:';
  } catch {
    return false;
  }
}
