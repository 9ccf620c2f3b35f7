/**
 * Short budget of the document-swap property inside `npm test` (the long run
 * is `npm run fuzz`): a forger who swaps the documents the verifier fetches
 * (status lists, DID documents, JWK sets, OB 2.0 Issuer profiles, BadgeClasses
 * and hosted copies, keys, redirects, links) never gets a credential verified
 * that the honest world does not verify, and whatever verifies shows the
 * honest issuer from its own documents, with its status from its own list
 * (SECURITY.md rows 44–48).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../../lib/engine/pipeline';
import { buildSwapWorld } from '../../fuzz/swap-world';
import { SHORT_SWAP_RUNS as RUNS, swapMutant, swapProperty, verifiedProblems, type SwapStats } from '../../fuzz/swaps';

const world = await buildSwapWorld();
const totals = { mutants: 0, falseVerified: 0, verifiedHonest: 0, verifiedAsForger: 0, verdicts: {} as Record<string, number> };
const started = performance.now();

describe('fuzz: document swaps never verify what the honest world does not (short budget)', () => {
  it('control: every source has its honest verdict, and a current one shows its issuer and list as the property requires', async () => {
    for (const source of world.sources) {
      const report = await verify({ text: source.text }, world.context({ ...world.forger, ...world.honest }));
      expect(report.verdict, source.name).toBe(source.truth);
      if (source.truth === 'verified') expect(verifiedProblems(report, source), source.name).toEqual([]);
    }
    expect(new Set(world.sources.map((s) => s.family))).toEqual(new Set(['di', 'jwt', 'ob2-hosted', 'ob2-signed']));
    expect(world.sources.filter((s) => s.truth !== 'verified').length).toBeGreaterThanOrEqual(6);
  });

  it('control: the forger\'s own credentials verify as the forger\'s, so a swap that uses them is a real alternative', async () => {
    for (const [family, text] of Object.entries(world.forgerOwn)) {
      const report = await verify({ text }, world.context({ ...world.forger, ...world.honest }));
      expect(report.verdict, family).toBe('verified');
      expect(report.summary.issuer?.id, family).toMatch(/^(https:\/\/evil\.example\/|did:web:evil\.example$)/);
    }
  });

  it('control: the judge of a verified report flags each way it could be false', async () => {
    const current = world.sources.find((s) => s.family === 'di' && s.truth === 'verified')!;
    const revoked = world.sources.find((s) => s.family === 'di' && s.truth === 'revoked')!;
    const report = await verify({ text: current.text }, world.context({ ...world.forger, ...world.honest }));
    const status = report.checks.find((c) => c.id === 'status')!;
    const binding = report.checks.find((c) => c.id === 'issuer-binding')!;
    const otherChecks = report.checks.filter((c) => c !== status && c !== binding);
    const variants: [string, typeof report, RegExp][] = [
      ['a source the honest world revokes', report, /honest world says revoked/],
      ['another issuer name', { ...report, summary: { ...report.summary, issuer: { ...report.summary.issuer, name: 'Example University (official)' } } }, /issuer name shown/],
      ['another issuer id', { ...report, summary: { ...report.summary, issuer: { id: 'did:web:evil.example', name: current.issuer.name } } }, /issuer shown did:web:evil\.example/],
      ['a status read from another list', { ...report, checks: [...otherChecks, binding, { ...status, detail: { url: world.urls.di.other } }] }, /status read from/],
      ['a key controlled by someone else', { ...report, checks: [...otherChecks, status, { ...binding, detail: { controller: 'did:web:evil.example' } }] }, /signing key controlled by/],
      ['a signer in place of the issuer', { ...report, technical: { ...report.technical, signerDid: world.forgerDidKey } }, /shown as signed by/],
    ];
    for (const [name, judged, problem] of variants) {
      const problems = verifiedProblems(judged, name === 'a source the honest world revokes' ? { ...current, truth: revoked.truth } : current);
      expect(problems.join('; '), name).toMatch(problem);
    }
  });

  it.each(world.sources.filter((s) => s.listsAtItsAddress).map((s) => [s.name, s] as const))(
    'control: %s — every list the forger can serve at its address is the issuer\'s own revoking one or "could not check" (rows 44–45)',
    async (_name, source) => {
      const reasons: string[] = [];
      for (let pick = 0; pick < source.listsAtItsAddress!.length; pick++) {
        const { report } = (await swapMutant(source, world, [['listAtItsAddress', pick]]))!;
        const status = report.checks.find((c) => c.id === 'status')!;
        if (pick === 0) {
          expect(report.verdict).toBe('revoked');
          continue;
        }
        expect(report.verdict, `list ${pick}`).toBe('unverifiable');
        expect(status.status, `list ${pick}`).toBe('error');
        reasons.push(`${status.code}: ${String(status.detail?.reason ?? '')}`);
      }
      for (const expected of [/expired/, /issued by .*evil\.example/, /SIGNATURE_INVALID/, /names another address/, /STATUS_RETRIEVAL_ERROR/, /could not be read/])
        expect(reasons.some((r) => expected.test(r)), String(expected)).toBe(true);
    },
  );

  it.each(world.sources.map((s) => [s.name, s] as const))('%s', async (_name, source) => {
    const property = swapProperty(source, world);
    const stats = (await property.run({ numRuns: Math.round(RUNS * (property.weight ?? 1)), seed: 20261212, perInputMs: 5_000 })) as SwapStats;
    totals.mutants += stats.mutants ?? 0;
    totals.falseVerified += stats.falseVerified ?? 0;
    totals.verifiedHonest += stats.verifiedHonest;
    totals.verifiedAsForger += stats.verifiedAsForger;
    for (const [verdict, n] of Object.entries(stats.verdicts)) totals.verdicts[verdict] = (totals.verdicts[verdict] ?? 0) + n;
    expect(stats.mutants).toBeGreaterThan((RUNS * (property.weight ?? 1)) / 2);
    expect(stats.falseVerified).toBe(0);
  });

  afterAll(() => {
    console.log(`document swaps (short): ${totals.mutants} mutants over ${world.sources.length} sources, ${totals.falseVerified} false verified, ${totals.verifiedHonest} verified as the honest issuer, ${totals.verifiedAsForger} verified as the forger's own; verdicts ${JSON.stringify(totals.verdicts)}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
