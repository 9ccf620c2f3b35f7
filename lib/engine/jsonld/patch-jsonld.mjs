#!/usr/bin/env node
/**
 * Applied by `npm install` (package.json postinstall) to the engine's own copy
 * of jsonld.js, installed under the alias @credlens/jsonld so that reference
 * stacks and tests keep the unpatched `jsonld` to compare against.
 *
 * What and why: jsonld.js clones the active context every time a context is
 * applied (each type-scoped context of OB 3.0 does this several times per
 * credential), and its clone deep-copies every term definition. Term
 * definitions are built once, in createTermDefinition, on the context being
 * processed, and never changed after it returns (a redefinition replaces the
 * Map entry with a new object), so a child context may share them: the Map and
 * the protected-term table are copied, their values are not. Canonical forms
 * stay byte-identical (tests/unit/engine/jsonld/jsonld-patch.test.ts compares them with
 * unpatched jsonld.js on every fixture and on fuzzed documents), and Data
 * Integrity verification needs about half the CPU.
 *
 * The script checks the exact version and the exact lines it replaces, so a
 * jsonld upgrade fails the install loudly instead of silently skipping the patch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const VERSION = '9.0.0';
const MARK = '/* credlens: term definitions are shared, never deep-copied */';
const EDITS = [
  ['    child.mappings = util.clone(this.mappings);', `    child.mappings = new Map(this.mappings); ${MARK}`],
  ['    child.protected = util.clone(this.protected);', '    child.protected = {...this.protected};'],
];

let packageJson;
try {
  packageJson = require.resolve('@credlens/jsonld/package.json');
} catch {
  console.log('patch-jsonld: @credlens/jsonld is not installed; nothing to patch');
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
if (version !== VERSION) {
  console.error(`patch-jsonld: @credlens/jsonld is ${version}, the patch was written for ${VERSION}; review lib/engine/jsonld/patch-jsonld.mjs`);
  process.exit(1);
}
const file = path.join(path.dirname(packageJson), 'lib', 'context.js');
let source = readFileSync(file, 'utf8');
if (source.includes(MARK)) process.exit(0);
for (const [from, to] of EDITS) {
  if (source.split(from).length !== 2) {
    console.error(`patch-jsonld: expected exactly one "${from.trim()}" in ${file}`);
    process.exit(1);
  }
  source = source.replace(from, to);
}
writeFileSync(file, source);
console.log('patch-jsonld: @credlens/jsonld active contexts now share term definitions');
