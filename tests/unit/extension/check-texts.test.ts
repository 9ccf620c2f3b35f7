/**
 * Every text a check can pass or be skipped with has its translation: this
 * reads each `pass(id, text)` and `skip(id, code, text)` of lib/engine with
 * the TypeScript compiler, works out the texts it can produce (literals,
 * templates, conditionals, constants, small local functions; anything it
 * cannot know stands for any value), and requires a row of CHECK_TEXTS for
 * each, whose English locale text gives the engine's words back.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_TEXTS, matchCheckText } from '../../../lib/extension/check-texts';
import { checkMessage, setChosenMessages, t } from '../../../lib/extension/i18n';
import { REPO_ROOT, repoPath } from '../../support/fixtures';

/** Stands for a value the reader cannot know (a key id, a count, a date). */
const ANY = '\u0001';
/** What such a value is replaced with before matching: digits fit `(\d+)` and `(.+)` alike. */
const SAMPLE_VALUE = '2';

function engineFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? engineFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const cartesian = (parts: string[][]): string[] => parts.reduce<string[]>((acc, options) => acc.flatMap((a) => options.map((o) => a + o)), ['']);

/** The module a relative import names (`./hosted` → hosted.ts or hosted/index.ts). */
function importedFile(from: ts.SourceFile, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from.fileName), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f));
}

const parsed = new Map<string, ts.SourceFile>();
function sourceFile(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) parsed.set(file, (sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)));
  return sf;
}

type Definition = ts.Expression | ts.FunctionDeclaration;
type FunctionDefinition = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
const isFunctionDefinition = (d: Definition): d is FunctionDefinition => ts.isArrowFunction(d) || ts.isFunctionExpression(d) || ts.isFunctionDeclaration(d);

/** What `name` is bound to where `from` uses it: the nearest declaration in scope, else an import's export. */
function definitionsOf(name: string, from: ts.Node): Definition[] {
  for (let scope: ts.Node | undefined = from; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    const found: Definition[] = [];
    for (const statement of scope.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) found.push(d.initializer);
      }
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) found.push(statement);
    }
    if (found.length) return found;
    if (ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const bindings = statement.importClause?.namedBindings;
        const imported = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((e) => e.name.text === name) : undefined;
        const file = imported ? importedFile(scope, statement.moduleSpecifier.text) : undefined;
        if (imported && file) return definitionsOf((imported.propertyName ?? imported.name).text, sourceFile(file));
      }
    }
  }
  return [];
}

function returnedBy(fn: FunctionDefinition): ts.Expression[] {
  if (fn.body && !ts.isBlock(fn.body)) return [fn.body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return out;
}

/** The texts an expression can evaluate to; an empty list for `undefined` (the check then has its code's text). */
function textsOf(node: ts.Expression, depth = 0): string[] {
  if (depth > 10) return [ANY];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return textsOf(node.expression, depth + 1);
  if (ts.isTemplateExpression(node)) {
    return cartesian([[node.head.text], ...node.templateSpans.flatMap((s) => [orAny(textsOf(s.expression, depth + 1)), [s.literal.text]])]);
  }
  if (ts.isConditionalExpression(node)) return [...textsOf(node.whenTrue, depth + 1), ...textsOf(node.whenFalse, depth + 1)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return cartesian([orAny(textsOf(node.left, depth + 1)), orAny(textsOf(node.right, depth + 1))]);
  }
  if (ts.isIdentifier(node)) {
    if (node.text === 'undefined') return [];
    const definitions = definitionsOf(node.text, node);
    return definitions.length ? definitions.flatMap((d) => (ts.isFunctionLike(d) ? [ANY] : textsOf(d, depth + 1))) : [ANY];
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const functions = definitionsOf(node.expression.text, node).filter(isFunctionDefinition);
    if (functions.length) return functions.flatMap((f) => returnedBy(f).flatMap((e) => textsOf(e, depth + 1)));
  }
  return [ANY];
}

const orAny = (texts: string[]): string[] => (texts.length ? texts : ['']);

interface EngineText {
  where: string;
  text: string;
}

/** Every text lib/engine can pass or skip a check with. */
function engineCheckTexts(): EngineText[] {
  const out: EngineText[] = [];
  for (const file of engineFiles(repoPath('lib/engine'))) {
    if (file.endsWith(path.join('checks', 'result.ts'))) continue; // the constructors themselves
    const sf = sourceFile(file);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && (n.expression.text === 'pass' || n.expression.text === 'skip')) {
        const text = n.arguments[n.expression.text === 'pass' ? 1 : 2];
        const where = `${path.relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
        if (text) for (const t of new Set(textsOf(text))) out.push({ where, text: t });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

afterEach(() => setChosenMessages(undefined));

describe('CHECK_TEXTS', () => {
  const texts = engineCheckTexts();

  it('reads the engine (a sanity floor: the reader finds the texts it should)', () => {
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.map((e) => e.text)).toContain("Not revoked (checked against the issuer's status list)");
    expect(texts.map((e) => e.text)).toContain(`Signed by ${ANY}: the issuer's id names no key, so its id and name are its own claims`);
  });

  it('has a row for every text a check can pass or be skipped with', () => {
    const unknown = texts.filter((e) => e.text !== ANY && !matchCheckText(e.text.replaceAll(ANY, SAMPLE_VALUE)));
    expect(unknown.map((e) => `${e.where} ${JSON.stringify(e.text)}`)).toEqual([]);
  });

  it('never receives a text it cannot read at all (a parameter passed through)', () => {
    expect(texts.filter((e) => e.text === ANY).map((e) => e.where)).toEqual([]);
  });

  it('gives the engine text back in English, for real messages', () => {
    const messages = [
      "Signed by did:key:z6MkExample: the issuer's id names no key, so its id and name are its own claims",
      'Signature valid (eddsa-rdfc-2022)',
      'Well-formed W3C credential (data model 2.0)',
      "Not suspended (checked against the issuer's status list)",
      'All 12 credentials inside are genuine (1 expired or revoked)',
      'Matches the copy the issuer hosts (an Open Badges 1.x badge, read as 2.0)',
      'Sealed by the issuer itself (legal identifier VATBE-0123456789)',
      '3 disclosed claims, each signed by the issuer; 2 kept back or decoys',
      '1 disclosed claim, each signed by the issuer',
      'All 1 presented credential is verified',
      'All 4 presented credentials are verified',
    ];
    for (const message of messages) expect(checkMessage({ code: 'OK', message })).toBe(message);
    expect(checkMessage({ code: 'NOT_APPLICABLE', message: 'The issuer publishes no revocation list' })).toBe('The issuer publishes no revocation list');
  });

  it('rows are distinct and each has its English text in the locale', () => {
    expect(new Set(CHECK_TEXTS.map((r) => r.key)).size).toBe(CHECK_TEXTS.length);
    for (const row of CHECK_TEXTS) {
      const key = row.count ? `${row.key}_other` : row.key;
      expect(t(key), row.key).not.toBe(key);
    }
  });
});

describe('checkMessage in German', () => {
  const de = JSON.parse(readFileSync(repoPath('public/_locales/de/messages.json'), 'utf8')) as Record<string, { message: string }>;

  it('translates passing and skipped checks by their words, with dates and numbers the German way', () => {
    setChosenMessages(de);
    expect(checkMessage({ code: 'OK', message: "Signed by did:key:z6Mk: the issuer's id names no key, so its id and name are its own claims" })).toBe(
      'Signiert von did:key:z6Mk: Die Kennung des Ausstellers verweist auf keinen Schlüssel, Kennung und Name sind daher nur eigene Angaben',
    );
    expect(checkMessage({ code: 'OK', message: 'Valid until 2030-06-01T00:00:00Z' })).toBe('Gültig bis 01.06.2030');
    expect(checkMessage({ code: 'OK', message: '1 disclosed claim, each signed by the issuer' })).toBe('1 offengelegte Angabe, vom Aussteller signiert');
    expect(checkMessage({ code: 'OK', message: 'All 1200 credentials inside are genuine' })).toBe('Alle 1.200 enthaltenen Nachweise sind echt');
    expect(checkMessage({ code: 'SKIPPED', message: 'Not checked because the seal could not be checked' })).toBe('Nicht geprüft, weil das Siegel nicht geprüft werden konnte');
    expect(checkMessage({ code: 'OK', message: 'Passed' })).toBe('Bestanden');
  });

  it('regression: a date in a failure detail is written in the UI language, never as an ISO string', () => {
    setChosenMessages(de);
    expect(checkMessage({ code: 'CRED_EXPIRED', message: 'The credential expired on 2020-01-01', detail: { validUntil: '2020-01-01T00:00:00Z' } })).toBe(
      'Der Nachweis ist am 01.01.2020 abgelaufen',
    );
  });

  it('keeps an engine text no row knows, rather than hiding it', () => {
    setChosenMessages(de);
    expect(checkMessage({ code: 'OK', message: 'A text the engine has not written yet' })).toBe('A text the engine has not written yet');
  });
});

describe('checkMessage numbers', () => {
  it('writes a number in a failure detail the UI language’s way', () => {
    setChosenMessages(JSON.parse(readFileSync(repoPath('public/_locales/fr/messages.json'), 'utf8')));
    const message = checkMessage({ code: 'PAGE_LINK_LIMIT', message: '', detail: { max: 1000 } });
    expect(message).toMatch(/\(1\s000\)$/);
    expect(checkMessage({ code: 'OK', message: 'All 1200 credentials inside are genuine' })).toMatch(/^Les 1\s200 justificatifs contenus sont tous authentiques$/);
  });
});
