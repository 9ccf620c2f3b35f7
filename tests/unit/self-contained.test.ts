/**
 * The repository explains itself: comments, tests and docs cite public
 * specifications, public repositories or SECURITY.md (its rules, attack table
 * and budgets), never notes that only exist outside the repository. Fixtures
 * read in place from ../shared/fixtures are the one allowed outside path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures';

const ROOT = REPO_ROOT;
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'tests', 'public'];
const ROOT_FILES = ['README.md', 'SECURITY.md', 'wxt.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'package.json'];
const TEXT_FILE = /\.(ts|tsx|js|mjs|md|css|json|html)$/;

/** Outside documents by name (lower case: SECURITY.md is ours), unless a public 1EdTech spec path names them. */
const OUTSIDE_DOC = /(?<!ob_v[0-9]p[0-9]\/)\b(security|platforms|anchors|style|verification|toolchain)\.md\b/;
const OUTSIDE_PATH = /shared\/docs|\/work\//;

function textFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : textFiles(full);
    return TEXT_FILE.test(e.name) ? [full] : [];
  });
}

const files = [...SOURCE_DIRS.flatMap((d) => textFiles(path.join(ROOT, d))), ...ROOT_FILES.map((f) => path.join(ROOT, f))];

/** `file:line: text` for every line of `file` that matches `pattern`. */
function offending(file: string, pattern: RegExp): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : []));
}

describe('the repository cites nothing outside itself', () => {
  it('scans the sources (guards the file walk)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith(path.join('lib', 'engine', 'pipeline.ts')))).toBe(true);
  });

  it('names no outside planning document', () => {
    expect(files.flatMap((f) => offending(f, OUTSIDE_DOC))).toEqual([]);
  });

  it('points at no outside path other than the shared fixtures', () => {
    expect(files.flatMap((f) => offending(f, OUTSIDE_PATH))).toEqual([]);
  });
});
