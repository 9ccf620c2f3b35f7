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
 * For the same reason (an active context is never changed once processing
 * returns it: api.process clones before it defines anything) the context a
 * type-scoped context is stacked on is shared rather than copied
 * (`previousContext`), and the child that remembers it is made once per
 * active context. jsonld.js caches each processed context by the identity of
 * the active context it was applied to (ResolvedContext.getProcessed); with a
 * fresh copy at every step that cache never hit for the type-scoped contexts
 * of OB 3.0, so each of them was processed anew for every credential.
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
const SHARED = '/* credlens: active contexts are immutable once processed, so they are shared */';
const EDITS = [
  ['    child.mappings = util.clone(this.mappings);', `    child.mappings = new Map(this.mappings); ${MARK}`],
  ['    child.protected = util.clone(this.protected);', '    child.protected = {...this.protected};'],
  ['const INITIAL_CONTEXT_CACHE = new Map();', `const INITIAL_CONTEXT_CACHE = new Map();\nconst NON_PROPAGATED_CHILDREN = new WeakMap(); ${SHARED}`],
  [
    '    rval = rval.clone();\n    rval.previousContext = activeCtx;',
    '    rval = NON_PROPAGATED_CHILDREN.get(activeCtx);\n    if(!rval) {\n      rval = activeCtx.clone();\n      rval.previousContext = activeCtx;\n      NON_PROPAGATED_CHILDREN.set(activeCtx, rval);\n    }',
  ],
  ['      child.previousContext = this.previousContext.clone();', `      child.previousContext = this.previousContext; ${SHARED}`],
  ['    return this.previousContext.clone();', `    return this.previousContext; ${SHARED}`],
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
// Each edit is applied once: a copy patched by an earlier version of this script gets only the edits it lacks.
let applied = 0;
for (const [from, to] of EDITS) {
  if (source.includes(to)) continue;
  if (source.split(from).length !== 2) {
    console.error(`patch-jsonld: expected exactly one "${from.trim()}" in ${file}`);
    process.exit(1);
  }
  source = source.replace(from, to);
  applied++;
}
if (applied === 0) process.exit(0);
writeFileSync(file, source);
console.log('patch-jsonld: @credlens/jsonld active contexts now share term definitions and the contexts they stack on');
