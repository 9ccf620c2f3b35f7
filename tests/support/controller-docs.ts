/**
 * Controller documents for the https verification methods of the 1EdTech
 * OB 3.0 samples and the OB 3.0 Implementation Guide vectors, whose issuer
 * URLs do not resolve. PROVENANCE.md: the fragment is the Ed25519 multikey,
 * and "tests may serve a controller document for that URL through an
 * injected fetch to confirm the signature itself". So each controller URL
 * named in those fixtures gets a document listing the fragment keys named
 * with it. Only tests do this; the product never reads a key from a fragment.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, fixturesPresent } from './fixture-transport';

const FOLDERS = ['1edtech-validator', 'ob3-spec'];
const HTTPS_MULTIKEY_VM = /"(https:\/\/[^"#\s]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)"/g;

function controllerDocument(id: string, multikeys: string[]): string {
  const methods = multikeys.map((k) => ({ id: `${id}#${k}`, type: 'Multikey', controller: id, publicKeyMultibase: k }));
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/cid/v1'],
    id,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function collect(): Record<string, string> {
  if (!fixturesPresent) return {};
  const keys = new Map<string, Set<string>>();
  for (const file of FOLDERS.flatMap((f) => filesUnder(path.join(FIXTURES, f)))) {
    if (!/\.(json|jsonld)$|testlist$/.test(file)) continue;
    for (const [, controller, key] of readFileSync(file, 'utf8').matchAll(HTTPS_MULTIKEY_VM)) {
      keys.set(controller!, (keys.get(controller!) ?? new Set()).add(key!));
    }
  }
  return Object.fromEntries([...keys].map(([id, ks]) => [id, controllerDocument(id, [...ks])]));
}

/** URL → document, to pass as `extra` to createFixtureTransport. */
export const ONE_EDTECH_CONTROLLERS: Record<string, string> = collect();
