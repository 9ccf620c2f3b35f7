/**
 * Keeps SECURITY.md in step with what ships: every permission in
 * wxt.config.ts, every content-script match and every runtime dependency in
 * package.json must be named (and so explained) there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_CONTENT_SCRIPT_MATCHES } from '../../../lib/detect/platforms';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const security = read('SECURITY.md');

/** String literals inside every `key: [ … ]` array of `source` for the given keys. */
function arrayLiterals(source: string, keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    for (const m of source.matchAll(new RegExp(`${key}:\\s*\\[([^\\]]*)\\]`, 'g'))) {
      for (const s of m[1]!.matchAll(/'([^']+)'/g)) out.push(s[1]!);
    }
  }
  return out;
}

describe('SECURITY.md stays in step with the manifest and package.json', () => {
  const config = read('wxt.config.ts');
  const permissions = arrayLiterals(config, ['permissions', 'optional_host_permissions', 'optional_permissions']);

  it('finds the permissions in wxt.config.ts (guards the parser)', () => {
    expect(permissions).toEqual(expect.arrayContaining(['storage', 'https://*/*']));
  });

  it.each(permissions.map((p) => [p]))('explains the permission %s', (permission) => {
    expect(security).toContain(`\`${permission}\``);
  });

  const matches = [...arrayLiterals(read('entrypoints/content.ts'), ['matches']), ...PLATFORM_CONTENT_SCRIPT_MATCHES];
  it.each(matches.map((m) => [m]))('lists the content-script match %s', (match) => {
    expect(security).toContain(`\`${match}\``);
  });

  const dependencies = Object.keys((JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies);
  it.each(dependencies.map((d) => [d]))('explains the runtime dependency %s', (dependency) => {
    expect(security).toContain(`\`${dependency}\``);
  });

  it('gives a private reporting address that is a placeholder, not a real mailbox', () => {
    expect(security).toMatch(/security@credlens\.invalid/);
  });
});
