import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Code in dependencies that Mozilla's add-on linter reads as eval, removed at
 * build time because Credlens never takes that path (SECURITY.md "Store
 * packages: linter warnings"). Each row must match exactly once in its file,
 * or the build fails: an upgraded dependency is looked at again, never
 * shipped with the patch silently gone.
 */
const STORE_PATCHES: ReadonlyArray<{ file: RegExp; find: string; replace: string; why: string }> = [
  {
    file: /node_modules\/zod\/v4\/core\/util\.js$/,
    find: 'try {\n        const F = Function;\n        new F("");\n        return true;\n    }\n    catch (_) {\n        return false;\n    }',
    replace: 'return false;',
    why: "zod's probe for its code-generating fast path: zod then always validates without generating code (its jitless mode)",
  },
  {
    file: /node_modules\/setimmediate\/setImmediate\.js$/,
    find: 'callback = new Function("" + callback);',
    replace: 'throw new TypeError("setImmediate takes a function");',
    why: 'the polyfill rdf-canonize loads runs a string callback as code; rdf-canonize only ever passes a function',
  },
  {
    file: /node_modules\/pdfjs-dist\/build\/pdf\.mjs$/,
    find: 'try {\n    new Function("");\n    return true;\n  } catch {\n    return false;\n  }',
    replace: 'return false;',
    why: 'pdf.js probes whether eval is allowed; the extension CSP forbids it and pdf-reader.ts passes isEvalSupported: false',
  },
  {
    file: /pdf\.worker\.min[-.\w]*\.mjs$/,
    find: 'function isEvalSupported(){try{new Function("");return!0}catch{return!1}}',
    replace: 'function isEvalSupported(){return!1}',
    why: 'the same probe in the pdf.js worker',
  },
  {
    file: /pdf\.worker\.min[-.\w]*\.mjs$/,
    find: 'if(e.isEvalSupported&&FeatureTest.isEvalSupported){const e=(new PostScriptCompiler).compile(i,a,s);if(e)return new Function("src","srcOffset","dest","destOffset",e)}',
    replace: '',
    why: 'PDF PostScript functions compiled to JavaScript, only with eval allowed: they are interpreted instead',
  },
];

/** Applies the rows of `STORE_PATCHES` whose file matches `name`; throws when a row does not match exactly once. */
export function applyStorePatches(name: string, code: string): string {
  let out = code;
  for (const row of STORE_PATCHES) {
    if (!row.file.test(name)) continue;
    const count = out.split(row.find).length - 1;
    if (count !== 1) throw new Error(`store patch for ${name} matched ${count} times (${row.why}): check the upgraded dependency`);
    out = out.replace(row.find, () => row.replace);
  }
  return out;
}

/** Modules are patched as Vite loads them; the pdf.js worker, copied as a file of its own, when the bundle is written. */
function storePatches(): Plugin {
  return {
    name: 'credlens-store-patches',
    enforce: 'pre',
    transform(code, id) {
      // `?url` and other queried imports are not the module's code (the worker's URL is patched in generateBundle)
      if (id.includes('?')) return undefined;
      return STORE_PATCHES.some((row) => row.file.test(id)) ? { code: applyStorePatches(id, code), map: null } : undefined;
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'asset' && STORE_PATCHES.some((row) => row.file.test(output.fileName))) {
          const text = typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
          output.source = applyStorePatches(output.fileName, text);
        }
      }
    },
  };
}

/**
 * Dependencies the store linter warns about, each in a chunk of its own (`chunks/preact-*.js`,
 * `chunks/pdfjs-*.js`), so every explained warning names one stable file whatever else the
 * pages share (SECURITY.md "Store packages: linter warnings"). Builds that are one file
 * (background, content script) have no chunks and are left alone.
 */
export const OWN_CHUNKS: ReadonlyArray<{ module: RegExp; chunk: string }> = [
  { module: /node_modules\/preact\//, chunk: 'preact' },
  { module: /node_modules\/pdfjs-dist\//, chunk: 'pdfjs' },
];

function ownChunks(): Plugin {
  return {
    name: 'credlens-own-chunks',
    outputOptions(options) {
      const single = (options as { codeSplitting?: boolean }).codeSplitting === false || options.inlineDynamicImports === true;
      return single ? null : { ...options, manualChunks: (id: string) => OWN_CHUNKS.find((row) => row.module.test(id))?.chunk };
    },
  };
}

/**
 * The sources package addons.mozilla.org reviews holds what the repository holds: what
 * .gitignore leaves out (test, benchmark and demo output) stays out of it too.
 */
const UNTRACKED = readFileSync(new URL('.gitignore', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => (line.endsWith('/') ? `${line}**` : line));

// Why each permission exists is noted next to it below (SECURITY.md rule 4: minimal permissions).
export default defineConfig({
  zip: { excludeSources: UNTRACKED },
  imports: false, // explicit imports keep lib/ runnable in plain Node and readable in review
  vite: () => ({ plugins: [preact(), storePatches(), ownChunks()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Credlens',
    // public/_locales exists, so Chromium refuses to load the extension without a default locale.
    default_locale: 'en',
    // in the browser's language, from public/_locales (the stores show it in theirs too); the name is the same in every language
    description: '__MSG_extDescription__',
    // storage: per-tab results, caches, settings. activeTab: scan the current page when the user asks
    // (popup, context menu) without broad host access. contextMenus: "Verify this badge".
    // scripting: inject the content script on that user request, and register it on every
    // https page only when the user turns on "scan every page" (SECURITY.md rule 4).
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting'],
    // Requested by the options page, never at install: issuer key/status fetches without CORS
    // limits, and the opt-in "scan every page".
    // (MV2 builds, Firefox's default, list host patterns under optional_permissions instead.)
    ...(manifestVersion === 2 ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'credlens@credlens.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
