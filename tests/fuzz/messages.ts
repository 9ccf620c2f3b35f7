/**
 * Property-based fuzzing of the content-script → background boundary
 * (SECURITY.md rule 1, attacks 25–26): ToBackgroundSchema and the
 * background message handler, over wxt's fake browser. Whatever arrives from
 * whichever sender, the handler resolves (never throws), answers only with
 * known codes, ignores other extensions and refuses privileged messages from
 * pages.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler, type MessageSender } from '../../lib/extension/background/handler';
import { createTabFlow } from '../../lib/extension/background/tab-flow';
import { ERROR_CODES } from '../../lib/engine/errors';
import { CONTENT_SCRIPT_MESSAGES, ToBackgroundSchema } from '../../lib/extension/messaging';
import { fakeDeps, fromExtensionPage, fromPage } from '../unit/extension/background/helpers';
import { assertProperty, stopwatch, type FuzzProperty } from './common';

const TYPES = ['candidates/found', 'candidate/open', 'tab/get', 'tab/scan', 'tab/recipient', 'verify/input', 'history/reverify', 'history/clear', 'settings/changed', 'fetch/anything'];

const candidate = fc.record(
  {
    kind: fc.constantFrom('json', 'jws', 'link', 'image', 'embed', 'script'),
    value: fc.oneof(fc.webUrl(), fc.string({ maxLength: 300 }), fc.constant('{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiableCredential"}')),
    platform: fc.constantFrom('credly', 'accredible', 'badgr', 'linkedin', 'x'.repeat(41)),
    label: fc.string({ maxLength: 40 }),
    fetchUrl: fc.webUrl(),
  },
  { requiredKeys: ['kind', 'value'] },
);

/** Messages shaped like the real ones (any type, any fields), plus arbitrary values. */
export const messageArb = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      type: fc.constantFrom(...TYPES),
      pageUrl: fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 })),
      items: fc.array(candidate, { maxLength: 5 }),
      key: fc.string({ maxLength: 140 }),
      tabId: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
      input: fc.oneof(fc.record({ text: fc.string({ maxLength: 200 }) }), fc.record({ url: fc.webUrl() }), fc.record({ bytesBase64: fc.base64String({ maxLength: 200 }) }), fc.anything()),
      recipient: fc.record({ email: fc.emailAddress(), url: fc.webUrl() }, { requiredKeys: [] }),
      id: fc.string({ maxLength: 130 }),
    },
    { requiredKeys: ['type'] },
  ) },
  { weight: 1, arbitrary: fc.anything() },
);

type SenderKind = 'page' | 'extension-page' | 'other-extension' | 'no-tab';
const SENDERS: SenderKind[] = ['page', 'extension-page', 'other-extension', 'no-tab'];
const senderOf = (kind: SenderKind, tab: number): MessageSender =>
  kind === 'page' ? fromPage(tab, 'https://www.linkedin.com/in/jane-example/')
  : kind === 'extension-page' ? fromExtensionPage()
  : kind === 'other-extension' ? { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }
  : { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/jane-example/' };

const KNOWN_CODES = new Set<string>(ERROR_CODES);

export const MESSAGE_PROPERTY: FuzzProperty = {
  name: 'background: ToBackgroundSchema and the message handler',
  weight: 0.5,
  async run(options) {
    const sw = stopwatch(this.name, options);
    const arb = fc.tuple(fc.array(messageArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...SENDERS), fc.nat({ max: 3 }));
    await assertProperty(arb, async ([messages, senderKind, tab]) => {
      fakeBrowser.reset();
      const fake = fakeDeps();
      const flow = createTabFlow(fake.deps);
      const handle = createMessageHandler(fake.deps, flow);
      await sw.time(async () => {
        for (const raw of messages) {
          const parsed = ToBackgroundSchema.safeParse(raw); // must not throw on anything
          const reply = await handle(raw, senderOf(senderKind, tab));
          if (senderKind === 'other-extension') {
            if (reply !== undefined) throw new Error('answered another extension');
            continue;
          }
          if (!reply || typeof reply.ok !== 'boolean') throw new Error(`no reply to ${JSON.stringify(raw)?.slice(0, 200)}`);
          if (!reply.ok && !KNOWN_CODES.has(reply.code)) throw new Error(`unknown code ${String(reply.code)}`);
          if (!parsed.success && reply.ok) throw new Error('an invalid message was served');
          const privileged = parsed.success && !CONTENT_SCRIPT_MESSAGES.has(parsed.data.type);
          if (senderKind !== 'extension-page' && privileged && reply.ok) throw new Error(`page was served ${parsed.data.type}`);
        }
        await flow.idle();
      });
    }, options);
    return sw.stats;
  },
};
