/** The route table the demo server answers from, keyed by host + path. */

export interface Resource {
  status?: number;
  contentType: string;
  body: string | Buffer;
  /** extra response headers (a redirect's Location) */
  headers?: Record<string, string>;
}

/** Collects routes; small helpers keep the site builders readable. */
export class Routes {
  readonly map = new Map<string, Resource>();

  put(host: string, path: string, resource: Resource): void {
    this.map.set(`${host}${path}`, resource);
  }

  json(host: string, path: string, body: unknown, contentType = 'application/json'): void {
    this.put(host, path, { contentType, body: JSON.stringify(body, null, 2) });
  }

  html(host: string, path: string, body: string): void {
    this.put(host, path, { contentType: 'text/html; charset=utf-8', body });
  }

  png(host: string, path: string, body: Buffer): void {
    this.put(host, path, { contentType: 'image/png', body });
  }

  /** A redirect to `to` (a shortener, an issuer's own redirect). */
  redirect(host: string, path: string, to: string, status: 301 | 302 | 303 | 307 | 308 = 302): void {
    this.put(host, path, { status, contentType: 'text/plain', body: '', headers: { location: to } });
  }
}

/** `https://host/path`: the demo hosts are always reached on the default https port. */
export const url = (host: string, path: string): string => `https://${host}${path}`;
