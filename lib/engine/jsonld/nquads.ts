/**
 * A reader for the canonical N-Quads that RDFC-1.0 produces (W3C RDF 1.1
 * N-Quads §2; RDFC-1.0 §4.4 serialises the canonical dataset in this form),
 * and a small graph over it. The canonical dataset is exactly what a
 * Data Integrity proof over RDFC signs, so facts read here are signed facts.
 */

/** An RDF term: an IRI, a blank node (`_:c14n0`) or a literal with its datatype or language. */
export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'blank'; value: string }
  | { kind: 'literal'; value: string; datatype?: string; language?: string };

export interface Quad {
  subject: Term;
  predicate: string;
  object: Term;
  /** the graph name (`iri` or `blank` value); undefined for the default graph */
  graph?: string;
}

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const ECHAR: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** Reads one N-Quads document. Throws TypeError on text that is not N-Quads (never expected from rdf-canonize). */
export function parseNQuads(text: string): Quad[] {
  const quads: Quad[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const reader = new LineReader(line);
    const subject = reader.term();
    const predicate = reader.term();
    const object = reader.term();
    const graph = reader.peek() === '.' ? undefined : reader.term();
    reader.expect('.');
    if (predicate.kind !== 'iri' || subject.kind === 'literal' || (graph && graph.kind === 'literal'))
      throw new TypeError(`not an N-Quads statement: ${line.slice(0, 80)}`);
    quads.push({ subject, predicate: predicate.value, object, ...(graph ? { graph: graph.value } : {}) });
  }
  return quads;
}

class LineReader {
  private i = 0;
  constructor(private readonly line: string) {}

  peek(): string {
    this.skipSpace();
    return this.line[this.i] ?? '';
  }

  expect(c: string): void {
    if (this.peek() !== c) throw new TypeError(`expected "${c}" in: ${this.line.slice(0, 80)}`);
    this.i++;
  }

  term(): Term {
    const c = this.peek();
    if (c === '<') return { kind: 'iri', value: this.until('>', 1) };
    if (c === '_') {
      const end = this.line.indexOf(' ', this.i);
      const value = this.line.slice(this.i, end < 0 ? undefined : end);
      this.i += value.length;
      return { kind: 'blank', value };
    }
    if (c === '"') {
      const value = this.until('"', 1);
      if (this.line[this.i] === '^' && this.line[this.i + 1] === '^') {
        this.i += 2;
        return { kind: 'literal', value, datatype: this.until('>', 1) };
      }
      if (this.line[this.i] === '@') {
        const match = /^@[a-zA-Z]+(-[a-zA-Z0-9]+)*/.exec(this.line.slice(this.i))!;
        this.i += match[0].length;
        return { kind: 'literal', value, language: match[0].slice(1).toLowerCase() };
      }
      return { kind: 'literal', value };
    }
    throw new TypeError(`unexpected "${c}" in: ${this.line.slice(0, 80)}`);
  }

  /** Reads from after the opening character to `close`, undoing N-Quads escapes (ECHAR, UCHAR). */
  private until(close: string, skip: number): string {
    this.i += skip;
    let out = '';
    while (this.i < this.line.length) {
      const c = this.line[this.i]!;
      if (c === close) {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const next = this.line[this.i + 1] ?? '';
        if (next === 'u' || next === 'U') {
          const len = next === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(this.line.slice(this.i + 2, this.i + 2 + len), 16));
          this.i += 2 + len;
        } else {
          out += ECHAR[next] ?? next;
          this.i += 2;
        }
        continue;
      }
      out += c;
      this.i++;
    }
    throw new TypeError(`unterminated term in: ${this.line.slice(0, 80)}`);
  }

  private skipSpace(): void {
    while (this.line[this.i] === ' ' || this.line[this.i] === '\t') this.i++;
  }
}

const keyOf = (t: Term): string => (t.kind === 'literal' ? '' : `${t.kind}:${t.value}`);

/** The statements of one graph of a dataset, indexed by subject. */
export class Graph {
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly referenced = new Set<string>();

  constructor(quads: readonly Quad[], graphName?: string) {
    for (const q of quads) {
      if (q.graph !== graphName) continue;
      const key = keyOf(q.subject);
      let list = this.bySubject.get(key);
      if (!list) this.bySubject.set(key, (list = []));
      list.push(q);
      if (q.object.kind !== 'literal') this.referenced.add(keyOf(q.object));
    }
  }

  /** Objects of `node` under any of `predicates`. */
  objects(node: Term, predicates: readonly string[]): Term[] {
    return (this.bySubject.get(keyOf(node)) ?? []).filter((q) => predicates.includes(q.predicate)).map((q) => q.object);
  }

  /** Nodes that carry `type` and are not the object of any statement in this graph. */
  unreferencedOfType(type: string): Term[] {
    const out: Term[] = [];
    for (const quads of this.bySubject.values()) {
      const subject = quads[0]!.subject;
      if (this.referenced.has(keyOf(subject))) continue;
      if (quads.some((q) => q.predicate === RDF_TYPE && q.object.kind === 'iri' && q.object.value === type)) out.push(subject);
    }
    return out;
  }

  hasType(node: Term, type: string): boolean {
    return this.objects(node, [RDF_TYPE]).some((t) => t.kind === 'iri' && t.value === type);
  }
}
