/**
 * The static import graph of the repository's TypeScript, as the bundler sees
 * it: `import type` is ignored (erased), and an import of names from a module
 * that only re-exports (the engine's front door) follows just the re-exports
 * of those names, so a component that takes `VERDICTS` from lib/engine does
 * not count as reaching the pipeline.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:(\{[^}]*\}|\*\s+as\s+\w+|\*|[\w$]+(?:\s*,\s*\{[^}]*\})?)\s+from\s+)?['"]([^'"]+)['"]/gm;

export interface ImportEdge {
  spec: string;
  /** the resolved file, for relative imports */
  file?: string;
  /** names imported; undefined = everything (namespace, side effect, default) */
  names?: string[];
  /** a re-export (`export … from`) */
  reexport: boolean;
}

export function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return undefined;
}

const namesIn = (clause: string | undefined): string[] | undefined => {
  if (!clause || !clause.trim().startsWith('{')) return undefined;
  return clause
    .replace(/[{}]/g, '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n && !n.startsWith('type '))
    .map((n) => n.split(/\s+as\s+/)[0]!.trim());
};

/** The value (non-type) imports and re-exports of one file. */
export function edgesOf(file: string): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const [, verb, typeOnly, clause, spec] = m;
    if (typeOnly || !spec || /\.(css|json|svg|png)(\?.*)?$/.test(spec)) continue;
    const names = namesIn(clause);
    if (names && names.length === 0) continue; // every name was `type …`
    const resolved = spec.startsWith('.') ? resolveLocal(file, spec) : undefined;
    out.push({ spec, ...(resolved ? { file: resolved } : {}), ...(names ? { names } : {}), reexport: verb === 'export' });
  }
  return out;
}

/** A module made only of re-exports (a barrel) is followed name by name. */
const isBarrel = (file: string): boolean =>
  readFileSync(file, 'utf8')
    .split('\n')
    .every((line) => !/^\s*(import|export)\b/.test(line) || /^\s*export\s+(type\s+)?\{[^}]*\}\s+from\s+/.test(line));

/** Every file and bare package reached from `entry` through value imports. */
export function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue: [string, string[] | undefined][] = [[entry, undefined]];
  while (queue.length) {
    const [file, wanted] = queue.pop()!;
    const key = `${file}|${wanted?.join(',') ?? '*'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    files.add(file);
    const barrel = wanted !== undefined && isBarrel(file);
    for (const edge of edgesOf(file)) {
      if (barrel && edge.reexport && edge.names && !edge.names.some((n) => wanted!.includes(n))) continue;
      if (edge.file) queue.push([edge.file, barrel ? edge.names?.filter((n) => wanted!.includes(n)) : edge.names]);
      else if (!edge.spec.startsWith('.')) packages.add(edge.spec.startsWith('@') ? edge.spec.split('/').slice(0, 2).join('/') : edge.spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

/** Every .ts/.tsx file under the given repository folders. */
export function sourceFiles(...folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
    });
  return folders.flatMap((f) => walk(path.join(REPO_ROOT, f)));
}

/** Import cycles among `files` (value imports only), each as the list of its files. */
export function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, edgesOf(f).flatMap((e) => (e.file ? [e.file] : []))]));
  // Tarjan's strongly connected components
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.map((f) => path.relative(REPO_ROOT, f)).sort());
    }
  };
  for (const f of files) if (!indices.has(f)) visit(f);
  return cycles;
}
