/**
 * The demo world (tests/world) in memory, for background tests that need
 * real credentials behind real-looking addresses: signed OB 3.0 credentials
 * and a status list the test can revoke from, a VC-JWT, baked images, and
 * hosted Open Badges 2.0 on Credly and Accredible. A server that is down
 * answers nothing at all.
 */
import { buildCatalogue } from '../../../world/catalogue';

export const ISSUER = 'https://issuer.credlens-demo.org';
export const CREDLY_BADGE_PAGE = 'https://www.credly.com/badges/6a1c8f0e-4b7d-4c52-9e0a-3f2d1b5c7e91';

export async function demoWorld() {
  const catalogue = await buildCatalogue();
  const down = new Set<string>();
  const respond = (url: string): Response => {
    const u = new URL(url);
    if (down.has(u.hostname)) throw new TypeError(`fetch failed: ${u.hostname} is down`);
    const r = catalogue.routes.get(`${u.hostname}${u.pathname}`);
    if (!r) return new Response('not found', { status: 404 });
    const body = typeof r.body === 'string' ? r.body : new Uint8Array(r.body);
    return new Response(body, { status: r.status ?? 200, headers: { 'content-type': r.contentType, ...r.headers } });
  };
  return {
    respond,
    revoke: catalogue.revoke,
    /** the bytes the world serves at `url` */
    bytes: (url: string) => {
      const u = new URL(url);
      const r = catalogue.routes.get(`${u.hostname}${u.pathname}`);
      if (!r) throw new Error(`not in the demo world: ${url}`);
      return typeof r.body === 'string' ? new TextEncoder().encode(r.body) : new Uint8Array(r.body);
    },
    setDown: (host: string, isDown: boolean) => void (isDown ? down.add(host) : down.delete(host)),
  };
}
