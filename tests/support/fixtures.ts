/**
 * The one way tests reach files outside their own folder: the repository root
 * and the shared fixtures beside it (`../shared/fixtures`, read in place, never
 * copied). Suites that need the fixtures skip with FIXTURES_MISSING when the
 * folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** `../shared/fixtures` relative to the repository root. */
export const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
export const fixturesPresent = existsSync(path.join(FIXTURES, 'INDEX.json'));
/** What a skipped suite says when the fixtures are not on this machine. */
export const FIXTURES_MISSING = '../shared/fixtures not found on this machine: the suites reading real credentials are skipped';

export const repoPath = (rel: string): string => path.join(REPO_ROOT, rel);
export const fixturePath = (rel: string): string => path.join(FIXTURES, rel);
export const readFixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(rel)));
export const readFixtureText = (rel: string): string => readFileSync(fixturePath(rel), 'utf8');
export const readFixtureJson = <T = Record<string, unknown>>(rel: string): T => JSON.parse(readFixtureText(rel)) as T;
