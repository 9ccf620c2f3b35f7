/**
 * Text stays readable in both colour schemes: every text colour of the
 * shared theme has at least 4.5:1 contrast against every background colour
 * (WCAG 2.1 SC 1.4.3, the threshold axe's color-contrast rule applies to
 * normal-size text), and the extension's stylesheets take colours only from
 * those tokens, so no page can pair them differently or fall back to a
 * light-theme literal in dark mode.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';

const root = REPO_ROOT;
const themeCss = readFileSync(path.join(root, 'components/Theme/theme.css'), 'utf8');

const TEXT = ['fg', 'fg-muted', 'accent', 'verdict-ok', 'verdict-bad', 'verdict-warn', 'verdict-unknown'];
const BACKGROUNDS = ['bg', 'surface', 'surface-hover', 'surface-muted', 'verdict-ok-bg', 'verdict-bad-bg', 'verdict-warn-bg', 'verdict-unknown-bg'];

/** The custom properties of the light `:root` block and of the dark one (light values overridden). */
function palettes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const blocks = [...css.matchAll(/:root\s*\{([^}]*)\}/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((d) => [d[1]!, d[2]!.toLowerCase()])),
  );
  return { light: blocks[0] ?? {}, dark: blocks[1] ?? {} };
}

/** Relative luminance (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(path.join(dir, e.name)) : e.name.endsWith('.css') ? [path.join(dir, e.name)] : [],
  );
}

describe('theme contrast', () => {
  const { light, dark } = palettes(themeCss);

  it('computes contrast like WCAG', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('defines every light colour again for dark mode', () => {
    expect(Object.keys(light).length).toBeGreaterThan(10);
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every text colour on every background is at least 4.5:1 (${scheme})`, () => {
      const colours = { light, dark }[scheme];
      const low: string[] = [];
      for (const text of TEXT) {
        for (const background of BACKGROUNDS) {
          const ratio = contrast(colours[text]!, colours[background]!);
          if (!(ratio >= 4.5)) low.push(`${text} on ${background}: ${ratio.toFixed(2)}`);
        }
      }
      expect(contrast(colours['on-accent']!, colours.accent!)).toBeGreaterThanOrEqual(4.5);
      expect(low).toEqual([]);
    });
  }
});

describe('stylesheets use the theme colours', () => {
  const files = [...cssFiles(path.join(root, 'components')), ...cssFiles(path.join(root, 'entrypoints'))].filter((f) => !f.endsWith('theme.css'));
  const KEYWORDS = /^(none|transparent|inherit|currentColor)$/;

  it('finds the stylesheets', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('text and background colours are theme tokens of the right kind', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const css = readFileSync(file, 'utf8');
      for (const [, property, value] of css.matchAll(/(?:^|[;{\s])(color|background(?:-color)?)\s*:\s*([^;}]+)/g)) {
        const v = value!.replace(/\s*!important$/, '').trim();
        const token = /^var\(--([\w-]+)(?:,[^)]*)?\)$/.exec(v)?.[1];
        const allowed = property === 'color' ? [...TEXT, 'on-accent'] : [...BACKGROUNDS, 'accent'];
        if (KEYWORDS.test(v) || (token && allowed.includes(token))) continue;
        wrong.push(`${path.relative(root, file)}: ${property}: ${v}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
