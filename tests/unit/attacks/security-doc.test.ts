/**
 * Keeps SECURITY.md in step with what ships: every permission in
 * wxt.config.ts, every content-script match and every runtime dependency in
 * package.json must be named (and so explained) there. Code and tests cite
 * its numbered rules, attack rows and budgets, so those must all be present,
 * and the attack rows may name only error codes the engine has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_CONTENT_SCRIPT_MATCHES } from '../../../lib/detect/platforms';
import { ERROR_CODES } from '../../../lib/engine/errors';
import { REPO_ROOT } from '../../support/fixtures';

const ROOT = REPO_ROOT;
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const security = read('SECURITY.md');

/** The text of the `## heading` section of SECURITY.md, up to the next `## ` heading. */
function section(heading: string): string {
  const start = security.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = security.indexOf('\n## ', start + 1);
  return security.slice(start, end < 0 ? undefined : end);
}

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

describe('SECURITY.md has the numbered rules, attack rows and budgets that code cites', () => {
  it('lists extension rules 1–7, in order', () => {
    const numbers = [...section('Extension rules').matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  const rows = [...section('Attack table').matchAll(/^\| (\d+) \|(.*)\|$/gm)].map((m) => ({ n: Number(m[1]), cells: m[2]!.split('|') }));

  it('has attack rows 1–N, once each and in order, each with an input, an outcome and a verdict', () => {
    expect(rows.length).toBeGreaterThanOrEqual(43);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    for (const { n, cells } of rows) {
      expect(cells, `row ${n}`).toHaveLength(3);
      for (const cell of cells) expect(cell.trim(), `row ${n}`).not.toBe('');
    }
  });

  it('names only error codes the engine has', () => {
    const known = new Set<string>(ERROR_CODES);
    const named = rows.flatMap(({ cells }) => [...cells[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(30);
    for (const code of named) expect(known.has(code), code).toBe(true);
  });

  it('states the budgets with the limits the code enforces', () => {
    const budgets = section('Budgets');
    for (const figure of ['30 KB', '15 ms', '100 ms', '300 ms', '150 ms', '5 s', '8 fetches']) expect(budgets).toContain(figure);
  });

  it('points at no document outside the repository', () => {
    expect(security).not.toMatch(/\.\.\/shared|shared\/docs/);
  });
});
