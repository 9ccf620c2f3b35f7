import { describe, expect, it } from 'vitest';
import { VerifierError } from '../../../../lib/engine/errors';
import { isNonPublicHost, vetUrl } from '../../../../lib/engine/net/host-policy';

const none = { allowHosts: new Set<string>() };
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof VerifierError ? e.code : 'not a VerifierError';
  }
};

describe('vetUrl', () => {
  it('accepts a public https URL and drops the fragment', () => {
    expect(vetUrl('https://issuer.example/keys#k1', none).href).toBe('https://issuer.example/keys');
  });

  it('upgrades http to https so a network attacker cannot swap documents', () => {
    expect(vetUrl('http://example.org/key1.json', none).href).toBe('https://example.org/key1.json');
  });

  it.each([
    ['ftp://example.org/x', 'FETCH_URL_REJECTED'],
    ['file:///etc/passwd', 'FETCH_URL_REJECTED'],
    ['not a url', 'FETCH_URL_REJECTED'],
    ['https://issuer.example@127.0.0.1/', 'FETCH_URL_REJECTED'],
    ['https://issuer.example:8443/x', 'FETCH_URL_REJECTED'],
    // SECURITY.md attacks 5 and 19: every spelling of a non-public host
    ['http://169.254.169.254/latest/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://127.0.0.1/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://2130706433/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://0x7f000001/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://127.1/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://10.0.0.5/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://192.168.1.1/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://172.20.0.1/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://[::1]/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://[::ffff:7f00:1]/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://[::ffff:127.0.0.1]/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://[fd00::1]/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://localhost/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://localhost./', 'FETCH_PRIVATE_ADDRESS'],
    ['https://evil.localhost/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://intranet/', 'FETCH_PRIVATE_ADDRESS'],
  ])('refuses %s with %s', (url, code) => {
    expect(codeOf(() => vetUrl(url, none))).toBe(code);
  });

  it('allows a private host:port only when the user allowed exactly that', () => {
    const policy = { allowHosts: new Set(['127.0.0.1:8443']) };
    expect(vetUrl('https://127.0.0.1:8443/did.json', policy).host).toBe('127.0.0.1:8443');
    expect(codeOf(() => vetUrl('https://127.0.0.1:9999/did.json', policy))).toBe('FETCH_PRIVATE_ADDRESS');
  });
});

describe('isNonPublicHost', () => {
  it('treats ordinary public names and addresses as public', () => {
    for (const h of ['example.org', 'www.credly.com', '8.8.8.8', '[2606:4700::1111]']) expect(isNonPublicHost(h)).toBe(false);
  });
});
