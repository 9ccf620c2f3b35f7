/**
 * Baked-image fixtures end to end through verify(): extraction, then full
 * verification of what was extracted (validator-core#150: a PNG holding any
 * JSON is not "valid" by itself).
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { verify } from '../../../../lib/engine/pipeline';
import type { Container, Report, Verdict } from '../../../../lib/engine/report';
import { ONE_EDTECH_CONTROLLERS } from '../../../support/controller-docs';
import { createFixtureTransport, fixturesPresent, readFixture } from '../../../support/fixture-transport';

const NOW = Date.parse('2026-11-22T00:00:00Z');

interface Row {
  file: string;
  stated: string;
  container: Container;
  verdict: Verdict;
  code?: string;
}

const ROWS: Row[] = [
  { file: '1edtech-validator/ob30/simple-json.png', stated: 'valid', container: 'png', verdict: 'verified' },
  { file: '1edtech-validator/ob30/simple-json.svg', stated: 'valid', container: 'svg', verdict: 'verified' },
  // a key carried in the token header proves nothing about the issuer (INDEX.json: expected unverifiable)
  { file: '1edtech-validator/ob30/simple-jwt.png', stated: 'unverifiable', container: 'png', verdict: 'unverifiable' },
  { file: '1edtech-validator/ob30/simple-jwt_v1.png', stated: 'unverifiable', container: 'png', verdict: 'unverifiable' },
  { file: '1edtech-validator/ob30/simple-jwt.svg', stated: 'unverifiable', container: 'svg', verdict: 'unverifiable' },
  { file: '1edtech-validator/ob30/simple-jwt_v1.svg', stated: 'unverifiable', container: 'svg', verdict: 'unverifiable' },
  { file: 'mozilla-openbadges-bakery/bad-json.svg', stated: 'invalid', container: 'svg', verdict: 'failed', code: 'INPUT_UNPARSEABLE' },
  { file: 'mozilla-openbadges-bakery/unbaked.png', stated: 'no credential', container: 'png', verdict: 'unverifiable', code: 'IMAGE_NO_CREDENTIAL' },
  { file: 'ob2-validator-core/public_domain_heart.png', stated: 'no credential', container: 'png', verdict: 'unverifiable', code: 'IMAGE_NO_CREDENTIAL' },
  { file: 'concentricsky-openbadges-bakery/unbaked_example.svg', stated: 'no credential', container: 'svg', verdict: 'unverifiable', code: 'IMAGE_NO_CREDENTIAL' },
];

/** Outcome "unknown" in INDEX.json: their hosted URLs do not resolve, so they must never come out verified. */
const UNKNOWN = [
  'ob2-validator-core/baked_heart.png',
  'concentricsky-openbadges-bakery/baked_heart.png',
  'concentricsky-openbadges-bakery/baked_example.svg',
  'mozilla-openbadges-bakery/baked.svg',
  'mozilla-openbadges-bakery/no-json.svg',
];

async function run(file: string): Promise<Report> {
  const { transport } = createFixtureTransport(ONE_EDTECH_CONTROLLERS);
  return verify({ bytes: readFixture(file), name: file }, createContext({ transport, now: () => NOW }));
}

describe.skipIf(!fixturesPresent)('baked image fixtures through verify() (../shared/fixtures)', () => {
  const tally = new Map<Container, [number, number]>();

  it.each(ROWS)('$file ($stated) → $verdict', async (row) => {
    const report = await run(row.file);
    const t = tally.get(row.container) ?? [0, 0];
    tally.set(row.container, [t[0] + (report.verdict === row.verdict ? 1 : 0), t[1] + 1]);
    // an image with no credential stops before the container is known
    if (row.code !== 'IMAGE_NO_CREDENTIAL') expect(report.container).toBe(row.container);
    expect(report.verdict).toBe(row.verdict);
    if (row.code) expect(report.checks.map((c) => c.code)).toContain(row.code);
  });

  it.each(UNKNOWN)('%s (outcome unknown, hosted copy unreachable) is never verified', async (file) => {
    const report = await run(file);
    expect(report.verdict).toBe('unverifiable');
    expect(report.checks.some((c) => c.status === 'error')).toBe(true);
  });

  it('counts right/total per container', () => {
    console.log('baked image fixtures right/total:', Object.fromEntries([...tally].map(([c, [r, n]]) => [c, `${r}/${n}`])));
    expect([...tally.values()].reduce((n, [, t]) => n + t, 0)).toBe(ROWS.length);
    expect([...tally.values()].every(([r, n]) => r === n)).toBe(true);
  });
});
