import { describe, expect, it } from 'vitest';
import { decodeDataUrl, deriveInput } from '../../../../lib/extension/background/derive-input';
import type { Candidate } from '../../../../lib/detect/types';

const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
const auto = { userInitiated: false, pageOnKnownPlatform: false };
const clicked = { userInitiated: true, pageOnKnownPlatform: false };

describe('candidate → verify input', () => {
  it('verifies JSON and JWS text as given, named by the label', () => {
    expect(deriveInput({ kind: 'json', value: '{"a":1}', label: 'Cert' }, auto)).toEqual({ kind: 'input', input: { text: '{"a":1}', name: 'Cert' } });
    expect(deriveInput({ kind: 'jws', value: 'eyJ.eyJ.sig' }, auto)).toEqual({ kind: 'input', input: { text: 'eyJ.eyJ.sig' } });
  });

  it.each<[Candidate, string]>([
    [{ kind: 'link', value: `https://www.credly.com/badges/${U}/public_url` }, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    [{ kind: 'link', value: `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://www.credly.com/badges/${U}`)}` }, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    [{ kind: 'embed', value: U, platform: 'credly' }, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    [{ kind: 'link', value: 'https://moodle.example.edu/badges/badge.php?hash=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e' }, 'https://moodle.example.edu/badges/assertion.php?b=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e&obversion=2'],
    [{ kind: 'link', value: 'https://issuer.example/credentials/3f2a9c1d7e' }, 'https://issuer.example/credentials/3f2a9c1d7e'],
  ])('link %j → fetch the table URL', (candidate, url) => {
    const d = deriveInput(candidate, auto);
    expect(d.kind === 'input' && 'url' in d.input ? d.input.url : undefined).toBe(url);
  });

  it.each<Candidate>([
    { kind: 'link', value: 'https://evil.example/anything' },
    { kind: 'link', value: 'https://169.254.169.254/latest/meta-data/' },
    { kind: 'link', value: 'javascript:alert(1)' },
    { kind: 'embed', value: 'https://evil.example/x', platform: 'credly' },
    { kind: 'embed', value: U, platform: 'accredible' },
    { kind: 'image', value: 'file:///etc/passwd' },
  ])('never fetches an arbitrary page-supplied target: %j', (candidate) => {
    expect(deriveInput(candidate, auto).kind).toBe('ignored');
  });

  it('fetches images only after a click or on a platform page', () => {
    const img: Candidate = { kind: 'image', value: 'https://cv.example/badge.png' };
    expect(deriveInput(img, auto)).toEqual({ kind: 'needs-user' });
    expect(deriveInput(img, clicked)).toEqual({ kind: 'input', input: { url: 'https://cv.example/badge.png' } });
    expect(deriveInput(img, { userInitiated: false, pageOnKnownPlatform: true }).kind).toBe('input');
  });

  it('a link the user picked in the context menu may be any http(s) URL, and is followed to the credential', () => {
    expect(deriveInput({ kind: 'link', value: 'https://cv.example/my-badge' }, clicked)).toEqual({ kind: 'input', input: { url: 'https://cv.example/my-badge', follow: true } });
  });

  it('a link a certification entry gives is followed whatever its shape; the same link elsewhere on a page is not', () => {
    const link = 'https://credentials.uni-example.de/c/7f3a';
    expect(deriveInput({ kind: 'link', value: link, fromEntry: true }, auto)).toEqual({ kind: 'input', input: { url: link, follow: true } });
    expect(deriveInput({ kind: 'link', value: link }, auto)).toEqual({ kind: 'ignored' });
  });

  it('a certification without a link is a claim: a row, nothing fetched', () => {
    expect(deriveInput({ kind: 'claim', value: 'First Aid at Work', fromEntry: true }, auto)).toEqual({ kind: 'claim' });
  });

  it('reports platforms without an endpoint instead of guessing one', () => {
    expect(deriveInput({ kind: 'link', value: 'https://www.coursera.org/verify/ABCD1234EF' }, auto)).toEqual({ kind: 'no-endpoint', platform: 'coursera' });
  });

  it('decodes data: images without any fetch', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    expect(decodeDataUrl(`data:image/png;base64,${png}`)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(new TextDecoder().decode(decodeDataUrl('data:image/svg+xml,%3Csvg%3E'))).toBe('<svg>');
    expect(decodeDataUrl('data:text/html,<script>')).toBeUndefined();
    const d = deriveInput({ kind: 'image', value: `data:image/png;base64,${png}` }, auto);
    expect(d.kind === 'input' && 'bytes' in d.input).toBe(true);
  });
});
