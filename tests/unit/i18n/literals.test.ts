/**
 * Every word a user reads comes from public/_locales through t()/tn(): this
 * reads the extension pages' source with the TypeScript compiler and fails on
 * English (or any) words written into JSX — text children, string literals
 * a JSX expression shows, and user-visible attributes — and on keys used in
 * code that a locale lacks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../../lib/extension/i18n';
import { REPO_ROOT, repoPath } from '../../support/fixtures';

/** Words that are the same in every language: the product's name. */
const PROPER_NAMES = new Set(['Credlens']);
/** Attributes a user reads or hears (button `value` is checked on buttons and button-like inputs only). */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);
/** Translation functions: a literal passed to them is a key, not text. */
const TRANSLATORS = new Set(['t', 'tn']);
/** Every shipped translation: a language added to UI_LOCALES is held to the same keys. */
const LOCALES = UI_LOCALES;

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full, pattern) : pattern.test(name) ? [full] : [];
  });
}

/**
 * Text with a letter in it that is not a proper name: "·", "→", "×", "42" and
 * "↗" are not words, nor is an identifier shown as an example of one
 * (a DID, an address: no spaces, and a colon, slash or at sign).
 */
const isWords = (text: string): boolean => {
  const trimmed = text.trim();
  if (!/\s/.test(trimmed) && /[:/@]/.test(trimmed)) return false;
  return /\p{L}/u.test(trimmed) && !PROPER_NAMES.has(trimmed);
};

interface Finding {
  file: string;
  line: number;
  text: string;
}

/**
 * The string literals an expression can evaluate to and show: itself, both
 * branches of a conditional, either side of `||`/`??`, the right of `&&`,
 * a template's fixed parts. Literals compared, indexed or passed to a
 * function (t('key'), formatDate(x, 'date')) are not shown.
 */
function shownLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isTemplateExpression(node)) {
    return [node.head, ...node.templateSpans.flatMap((span) => [span.literal, ...shownLiterals(span.expression)])];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...shownLiterals(node.left), ...shownLiterals(node.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(node.right);
    if (op === ts.SyntaxKind.PlusToken) return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  }
  return [];
}

const literalText = (node: ts.Node): string =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
    ? node.text
    : '';

const attributeName = (attr: ts.JsxAttribute): string => attr.name.getText();

function tagOf(attr: ts.JsxAttribute): { tag: string; attributes: ts.JsxAttributes } {
  const element = attr.parent.parent as ts.JsxOpeningLikeElement;
  return { tag: element.tagName.getText(), attributes: element.attributes };
}

function staticAttribute(attributes: ts.JsxAttributes, name: string): string | undefined {
  for (const a of attributes.properties) {
    if (ts.isJsxAttribute(a) && attributeName(a) === name && a.initializer && ts.isStringLiteral(a.initializer)) return a.initializer.text;
  }
  return undefined;
}

/** Is this attribute one a user reads? `value` only on buttons and button-like inputs. */
function isVisibleAttribute(attr: ts.JsxAttribute): boolean {
  const name = attributeName(attr);
  if (VISIBLE_ATTRIBUTES.has(name)) return true;
  if (name !== 'value') return false;
  const { tag, attributes } = tagOf(attr);
  return tag === 'button' || (tag === 'input' && BUTTON_INPUT_TYPES.has(staticAttribute(attributes, 'type') ?? ''));
}

/** English words written into the JSX of one file. */
export function literalsIn(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (isWords(text)) found.push({ file: path.relative(REPO_ROOT, fileName), line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of shownLiterals(node.expression)) report(literal, literalText(literal));
    } else if (ts.isJsxAttribute(node) && isVisibleAttribute(node) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const literal of shownLiterals(init.expression)) report(literal, literalText(literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Keys passed as a literal (or a template, as a pattern) to t() and tn(). */
export function keysUsedIn(fileName: string, source: string): Array<{ key: string | RegExp; line: number }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const keys: Array<{ key: string | RegExp; line: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && TRANSLATORS.has(node.expression.text) && node.arguments[0]) {
      const arg = node.arguments[0];
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.push({ key: node.expression.text === 'tn' ? new RegExp(`^${arg.text}_(one|other)$`) : arg.text, line });
      else if (ts.isTemplateExpression(arg)) {
        const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = escape(arg.head.text) + arg.templateSpans.map((s) => `[A-Za-z0-9_]+${escape(s.literal.text)}`).join('');
        keys.push({ key: new RegExp(`^${pattern}${node.expression.text === 'tn' ? '(_one|_other)?' : ''}$`), line });
      } else if (ts.isConditionalExpression(arg)) {
        for (const branch of [arg.whenTrue, arg.whenFalse]) if (ts.isStringLiteral(branch)) keys.push({ key: branch.text, line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return keys;
}

const uiFiles = [...sourceFiles(repoPath('components'), /\.tsx$/), ...sourceFiles(repoPath('entrypoints'), /\.tsx$/)];
const codeFiles = [
  ...uiFiles,
  ...sourceFiles(repoPath('components'), /\.ts$/),
  ...sourceFiles(repoPath('entrypoints'), /\.ts$/),
  ...sourceFiles(repoPath('lib/extension'), /\.ts$/),
];
const locale = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.join(repoPath('public/_locales'), lang, 'messages.json'), 'utf8'));

describe('no user-visible literal outside the locale files', () => {
  it('finds words in JSX text, shown expressions and visible attributes (the detector itself)', () => {
    const sample = `
      const a = <p title="Open it" aria-label={t('x')}>Hello {n} · {ok ? 'Yes' : t('no')}</p>;
      const b = <button value="Send" class="c" data-x="words here">→ {t('k')} {'·'}</button>;
      const c = <input type="text" value="not a button" placeholder={\`Type \${x}\`} />;
      const d = <span>{kind === 'page' ? null : t('k')}{label ?? 'Untitled'}</span>;
      const e = <img alt="" src="x" />;
      const f = <h1>Credlens</h1>;
      const g = <input placeholder="did:web:issuer.example" />;`;
    expect(literalsIn('sample.tsx', sample).map((f) => f.text)).toEqual(['Open it', 'Hello', 'Yes', 'Send', 'Type', 'Untitled']);
  });

  it('holds for every component and extension page', () => {
    const found = uiFiles.flatMap((f) => literalsIn(f, readFileSync(f, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});

describe('locale keys', () => {
  const tables = Object.fromEntries(LOCALES.map((l) => [l, locale(l)]));

  it('every key used in code with t() or tn() exists in every shipped translation', () => {
    const missing: string[] = [];
    for (const file of codeFiles) {
      for (const { key, line } of keysUsedIn(file, readFileSync(file, 'utf8'))) {
        for (const lang of LOCALES) {
          const keys = Object.keys(tables[lang]!);
          const ok = typeof key === 'string' ? keys.includes(key) : keys.some((k) => key.test(k));
          if (!ok) missing.push(`${lang}: ${String(key)} (${path.relative(REPO_ROOT, file)}:${line})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the key reader sees literal, plural and pattern keys', () => {
    const keys = keysUsedIn('x.ts', "t('a'); tn('b', 2); t(`verdict_${v}`); t(ok ? 'c' : 'd');").map((k) => String(k.key));
    expect(keys).toEqual(['a', '/^b_(one|other)$/', '/^verdict_[A-Za-z0-9_]+$/', 'c', 'd']);
  });

  it('every translation has every key English has, and no other', () => {
    const en = Object.keys(tables.en!).sort();
    expect(LOCALES.length).toBeGreaterThanOrEqual(3);
    for (const lang of LOCALES) expect(Object.keys(tables[lang]!).sort(), lang).toEqual(en);
  });
});
