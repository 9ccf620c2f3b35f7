import { describe, expect, it } from 'vitest';
import { looksLikeCredentialUrl, matchPlatform, MAYBE_CREDENTIAL_LINK, PLATFORM_CONTENT_SCRIPT_MATCHES, PLATFORMS, unwrapRedirect } from '../../../lib/detect/platforms';
import { candidateKey } from '../../../lib/detect/key';

const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';

describe('platform table: link → fetch URL', () => {
  it.each([
    ['credly', `https://www.credly.com/badges/${U}`, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    ['credly', `https://www.credly.com/badges/${U}/public_url`, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    ['credly', `https://www.credly.com/badges/${U.toUpperCase()}/linked_in_profile`, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    ['credly', `https://www.youracclaim.com/badges/${U}`, `https://api.credly.com/v1/obi/v2/badge_assertions/${U}`],
    ['accredible', 'https://www.credential.net/10000005', 'https://api.accredible.com/v1/obi/badge_assertions/10000005'],
    ['accredible', 'https://google.accredible.com/10000005', 'https://api.accredible.com/v1/obi/badge_assertions/10000005'],
    ['badgr', 'https://badgr.com/public/assertions/Xy7pQ2sTR4u1vW9zAbCdEf', 'https://api.badgr.io/public/assertions/Xy7pQ2sTR4u1vW9zAbCdEf'],
    ['badgr', 'https://api.eu.badgr.io/public/assertions/abcDEF123456.json', 'https://api.eu.badgr.io/public/assertions/abcDEF123456'],
    ['obf', 'https://openbadgefactory.com/v1/assertion/0123456789abcdef0123456789abcdef01234567.html', 'https://openbadgefactory.com/v1/assertion/0123456789abcdef0123456789abcdef01234567'],
    ['verifierplus', 'https://verifierplus.org/#verify?vc=https%3A%2F%2Fcreds.example.edu%2Fvc%2F42.json', 'https://creds.example.edu/vc/42.json'],
    ['verifierplus', 'https://verifierplus.org/credentials/AbC123xyz', 'https://verifierplus.org/api/credentials/AbC123xyz'],
    ['moodle', 'https://moodle.example.edu/badges/badge.php?hash=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e', 'https://moodle.example.edu/badges/assertion.php?b=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e&obversion=2'],
    ['moodle', 'https://lms.example.org/moodle/badges/assertion.php?b=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e', 'https://lms.example.org/moodle/badges/assertion.php?b=5f2c8a0e1b7d4c3a9e6f5d4c3b2a1f0e&obversion=2'],
  ])('%s: %s', (platform, link, fetchUrl) => {
    expect(MAYBE_CREDENTIAL_LINK.test(link)).toBe(true); // the cheap pre-filter must let every platform link through
    const m = matchPlatform(link);
    expect(m?.platform.id).toBe(platform);
    expect(m!.platform.fetchUrl(m!.id, new URL(link))).toBe(fetchUrl);
  });

  it.each([
    ['europass', 'https://europa.eu/europass/digital-credentials/viewer/#/home'],
    ['obp', 'https://openbadgepassport.com/app/badge/info/123456'],
    ['coursera', 'https://www.coursera.org/account/accomplishments/verify/ABCD1234EF'],
    ['digitary', `https://core.digitary.net/sharelink/${U}/${U.toUpperCase()}`],
    ['digitary', `https://core.digitaryuk.net/sharelink/${U}/${U}/`],
    ['credentify', 'https://verify.0xcert.org/?assetId=41299481920573913571059347431066146327548139386&ledgerId=0x6D984eD0a0675199C5146220BBeE274b52EC0b13&network=2'],
  ])('%s is recognised but has no public endpoint', (platform, link) => {
    expect(MAYBE_CREDENTIAL_LINK.test(link)).toBe(true);
    const m = matchPlatform(link);
    expect(m?.platform.id).toBe(platform);
    expect(m!.platform.fetchUrl(m!.id, new URL(link))).toBeUndefined();
  });

  it.each([
    'https://www.credly.com/users/jane/badges',
    'https://www.credly.com/badges/not-a-uuid',
    'https://evil.example/badges/' + U,
    'https://badgr.com.evil.example/public/assertions/abcdef1234',
    'https://moodle.example.edu/badges/badge.php?hash=<script>',
    'https://verifierplus.org/#verify?vc=javascript:alert(1)',
    `https://core.digitary.net/#/user/login`,
    `https://core.digitary.net.evil.example/sharelink/${U}/${U}`,
    'https://verify.0xcert.org/?assetId=abc&ledgerId=0x6D984eD0a0675199C5146220BBeE274b52EC0b13',
    'ftp://www.credly.com/badges/' + U,
    'not a url',
  ])('no match or no fetch for %s', (link) => {
    const m = matchPlatform(link);
    expect(m === undefined || m.platform.fetchUrl(m.id, new URL(link)) === undefined).toBe(true);
  });

  it('every row has a unique id and auto-scan patterns are https host patterns', () => {
    expect(new Set(PLATFORMS.map((p) => p.id)).size).toBe(PLATFORMS.length);
    for (const m of PLATFORM_CONTENT_SCRIPT_MATCHES) expect(m).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/(?:[a-z-]+\/)?\*$/);
  });
});

describe('redirect unwrapping and credential-shaped URLs', () => {
  it('unwraps LinkedIn redirects only', () => {
    expect(unwrapRedirect('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fa.example%2Fx&urlhash=1')).toBe('https://a.example/x');
    expect(unwrapRedirect('https://evil.example/redir/redirect?url=https%3A%2F%2Fa.example%2Fx')).toBe('https://evil.example/redir/redirect?url=https%3A%2F%2Fa.example%2Fx');
    expect(unwrapRedirect('https://www.linkedin.com/redir/redirect?url=javascript%3Aalert(1)')).toContain('linkedin.com');
  });

  it.each([
    ['https://issuer.example/badges/assertion-42.json', true],
    ['https://issuer.example/credentials/3f2a9c1d7e', true],
    ['https://issuer.example/vc/abcdefgh12.jsonld', true],
    ['https://cdn.example.com/data/feed.json', false],
    ['https://example.org/credentials', false],
    ['http://issuer.example/credentials/3f2a9c1d7e', false],
  ])('%s → %s', (url, expected) => {
    expect(looksLikeCredentialUrl(url)).toBe(expected);
    if (expected) expect(MAYBE_CREDENTIAL_LINK.test(url)).toBe(true);
  });
});

describe('candidateKey', () => {
  it('gives one key per badge whatever the link shape', () => {
    const keys = new Set([
      candidateKey({ kind: 'link', value: `https://www.credly.com/badges/${U}` }),
      candidateKey({ kind: 'link', value: `https://www.credly.com/badges/${U}/public_url` }),
      candidateKey({ kind: 'link', value: `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://www.credly.com/badges/${U}`)}` }),
      candidateKey({ kind: 'embed', value: U.toUpperCase(), platform: 'credly' }),
    ]);
    expect(keys.size).toBe(1);
  });

  it('separates different credentials and keeps keys short', () => {
    const a = candidateKey({ kind: 'json', value: '{"a":1}' });
    const b = candidateKey({ kind: 'json', value: '{"a":2}' });
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(40);
    expect(candidateKey({ kind: 'link', value: 'https://x.example/c/1?utm_source=li#top' })).toBe(candidateKey({ kind: 'link', value: 'https://x.example/c/1' }));
  });
});
