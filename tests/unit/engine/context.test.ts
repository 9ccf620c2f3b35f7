/**
 * One verification's fetches (lib/engine/context.ts withFetchBudget): at most
 * LIMITS.fetchesPerVerification requests, and an address read once: asked
 * again, the document already read is reused within the new purpose's cap.
 */
import { describe, expect, it } from 'vitest';
import { createContext, withFetchBudget } from '../../../lib/engine/context';
import { LIMITS } from '../../../lib/engine/limits';
import { verify } from '../../../lib/engine/pipeline';
import { ob2Hosted } from '../../world/credentials';

function recordingTransport(answer: (url: string) => Response) {
  const sent: string[] = [];
  return { sent, transport: async (url: string) => (sent.push(url), answer(url)) };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('withFetchBudget', () => {
  it('reads an address once per verification: the second read gets the same document and spends no budget', async () => {
    const { sent, transport } = recordingTransport(() => json({ id: 'https://issuer.example/a' }));
    const ctx = withFetchBudget(createContext({ transport }), 1);
    const first = await ctx.fetch('https://issuer.example/a', 'credential');
    const again = await ctx.fetch('https://issuer.example/a', 'ob2-document');
    expect(again.bytes).toBe(first.bytes);
    expect(sent).toEqual(['https://issuer.example/a']);
    await expect(ctx.fetch('https://issuer.example/b', 'ob2-document')).rejects.toMatchObject({ code: 'FETCH_BUDGET_EXCEEDED' });
  });

  it('a document read for a purpose with a larger cap is refused for one with a smaller cap', async () => {
    const big = new Uint8Array(LIMITS.bytes['did-document'] + 1).fill(0x20);
    const { transport } = recordingTransport(() => new Response(big, { headers: { 'content-type': 'application/json' } }));
    const ctx = withFetchBudget(createContext({ transport }));
    await ctx.fetch('https://issuer.example/doc', 'credential');
    await expect(ctx.fetch('https://issuer.example/doc', 'did-document')).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
  });

  it('a read that failed is made again', async () => {
    let calls = 0;
    const { sent, transport } = recordingTransport(() => (++calls === 1 ? new Response('busy', { status: 503 }) : json({})));
    const ctx = withFetchBudget(createContext({ transport }));
    await expect(ctx.fetch('https://issuer.example/a', 'credential')).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
    await ctx.fetch('https://issuer.example/a', 'credential');
    expect(sent).toHaveLength(2);
  });

  it('a document reached through a redirect is not reused for a purpose that refuses redirects', async () => {
    const { sent, transport } = recordingTransport((url) =>
      url.endsWith('/short') ? new Response(null, { status: 302, headers: { location: 'https://issuer.example/long' } }) : json({}));
    const ctx = withFetchBudget(createContext({ transport }));
    await ctx.fetch('https://issuer.example/short', 'credential-link');
    await expect(ctx.fetch('https://issuer.example/short', 'ob2-document')).rejects.toMatchObject({ code: 'FETCH_REDIRECT_BLOCKED' });
    expect(sent).toEqual(['https://issuer.example/short', 'https://issuer.example/long', 'https://issuer.example/short']);
  });
});

describe('an OB 2.0 hosted assertion given by its address', () => {
  it('is read once: the input is the copy the issuer hosts at its id', async () => {
    const docs = ob2Hosted({
      assertionUrl: 'https://api.badges.example/assertions/1', badgeClassUrl: 'https://api.badges.example/classes/1', issuerUrl: 'https://api.badges.example/issuers/1',
      title: 'Kubernetes Administrator', issuerName: 'Cloud Foundation', issuerSite: 'https://cloud.example/', imageUrl: 'https://api.badges.example/1.png', issuedOn: '2025-02-14T10:00:00Z',
    });
    const byUrl = new Map([docs.assertion, docs.badgeClass, docs.issuer].map((d) => [String(d.id), d]));
    const { sent, transport } = recordingTransport((url) => (byUrl.has(url) ? json(byUrl.get(url)) : new Response('no', { status: 404 })));
    const report = await verify({ url: 'https://api.badges.example/assertions/1' }, createContext({ transport, now: () => Date.parse('2026-01-01T00:00:00Z') }));
    expect(report.verdict).toBe('verified');
    expect(sent).toEqual(['https://api.badges.example/assertions/1', 'https://api.badges.example/classes/1', 'https://api.badges.example/issuers/1']);
  });
});
