/** DID Core §3.1/§3.2 syntax, and the did:web host rule (SECURITY.md row 47). */
import { describe, expect, it } from 'vitest';
import { assertDidUrl, didProblem, didUrlProblem, isDidLike, splitDidUrlParts } from '../../../../lib/engine/keys/did-syntax';

describe('didProblem', () => {
  it.each([
    'did:web:example.com',
    'did:web:example.com%3A8443:user:alice',
    'did:web:xn--80ak6aa92e.com',
    'did:web:[::ffff:7f00:1]',
    'did:web:localhost.',
    'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    'did:jwk:eyJrdHkiOiJPS1AifQ',
    'did:example:123:456',
    'did:ion:EiD_x:eyJkZWx0YSI6e319',
    'did:pkh:eip155:1:0xb9c5714089478a327f09197987f16f9e5d936e8a',
  ])('accepts %s', (did) => expect(didProblem(did)).toBeUndefined());

  it.each([
    ['an uppercase method name', 'did:WEB:example.com'],
    ['an uppercase scheme', 'DID:web:example.com'],
    ['a method name with a dash', 'did:my-method:x'],
    ['no method-specific id', 'did:web:'],
    ['no method at all', 'did:'],
    ['a trailing colon', 'did:example:abc:'],
    ['a non-ASCII did:web host', 'did:web:exämple.com'],
    ['a percent-encoded non-ASCII did:web host', 'did:web:ex%C3%A4mple.com'],
    ['a did:web host that is not punycode', 'did:web:xn--a.com'],
    ['an empty did:web host', 'did:web::path'],
    ['a space', 'did:key:z6Mk hX'],
    ['junk after did:key:', 'did:key:<script>'],
    ['a lone percent sign', 'did:example:a%2'],
  ])('refuses %s', (_name, did) => expect(didProblem(did)).toEqual(expect.any(String)));
});

describe('didUrlProblem and splitDidUrlParts', () => {
  it('splits a DID URL into DID, path, query and fragment', () => {
    expect(splitDidUrlParts('did:example:1/a/b?v=1#key-1')).toEqual({ did: 'did:example:1', path: '/a/b', query: 'v=1', fragment: 'key-1' });
    expect(splitDidUrlParts('did:web:x.example#k?')).toEqual({ did: 'did:web:x.example', path: '', fragment: 'k?' });
  });

  it('accepts fragments and paths made of RFC 3986 characters, and refuses others', () => {
    expect(didUrlProblem('did:web:x.example#key-1')).toBeUndefined();
    expect(didUrlProblem('did:key:z6Mk#z6Mk')).toBeUndefined();
    expect(didUrlProblem('did:web:x.example/path?service=files#a:b')).toBeUndefined();
    expect(didUrlProblem('did:web:x.example#ké')).toEqual(expect.any(String));
    expect(didUrlProblem('did:web:x.example#a b')).toEqual(expect.any(String));
    expect(didUrlProblem('did:web:x.example/a<b')).toEqual(expect.any(String));
  });

  it('assertDidUrl throws DID_INVALID with the identifier and the reason', () => {
    expect(() => assertDidUrl('did:WEB:x')).toThrow(expect.objectContaining({ code: 'DID_INVALID', detail: expect.objectContaining({ did: 'did:WEB:x' }) }));
    expect(() => assertDidUrl('did:web:x.example#k')).not.toThrow();
  });

  it('isDidLike recognises the scheme in any case, so a misspelt DID is checked rather than passed over', () => {
    expect(isDidLike('DID:web:x')).toBe(true);
    expect(isDidLike('urn:uuid:1')).toBe(false);
    expect(isDidLike('https://x.example')).toBe(false);
  });
});
