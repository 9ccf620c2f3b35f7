import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { setChosenMessages } from '../../../../lib/extension/i18n';
import { repoPath } from '../../../support/fixtures';
import { changeLines, describeChanges, describeVerdictChange } from '../../../../lib/extension/history/changes';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { historyToJson, parseHistoryJson } from '../../../../lib/extension/history/json-io';
import { makeReport, revokedLater } from './make-report';

describe('describeChanges', () => {
  it('reports nothing when two checks agree', () => {
    const r = makeReport();
    expect(describeChanges(r, { ...r, checkedAt: '2026-11-02T00:00:00.000Z' })).toEqual([]);
  });

  it('leads with "Revoked since last check" and names the status check', () => {
    const before = makeReport();
    const changes = describeChanges(before, revokedLater(before, '2026-11-05T00:00:00.000Z'));
    expect(changes[0]).toBe('Revoked since last check (was: Verified)');
    expect(changes[1]).toMatch(/^Revocation status: Passed → Failed — The issuer has revoked/);
    expect(changes).toHaveLength(2);
  });

  it('flags a rotated signing key and a check that disappeared', () => {
    const before = makeReport();
    const after = makeReport({ technical: { keyId: 'did:web:issuer.example#key-2' }, checks: [before.checks[0]!] });
    expect(describeChanges(before, after)).toEqual([
      'Revocation status: no longer checked (was: Passed)',
      'Signing key changed from did:web:issuer.example#key-1 to did:web:issuer.example#key-2',
    ]);
  });

  it('describes a changed code with the same status', () => {
    const detail = { url: 'https://issuer.example/status/1' };
    const before = makeReport({ verdict: 'unverifiable', checks: [{ id: 'status', status: 'error', code: 'FETCH_TIMEOUT', message: 'timeout', detail }] });
    const after = makeReport({ verdict: 'unverifiable', checks: [{ id: 'status', status: 'error', code: 'FETCH_NETWORK', message: 'unreachable', detail }] });
    // the check messages are read by their code, in the UI language
    expect(describeChanges(before, after)).toEqual([
      'Revocation status: The server at https://issuer.example/status/1 could not be reached (was: The server at https://issuer.example/status/1 did not answer in time)',
    ]);
  });
});

describe('describeChanges in the UI language', () => {
  afterEach(() => setChosenMessages(undefined));

  it('writes every word of a change line in German, keeping identifiers as they are', () => {
    setChosenMessages(JSON.parse(readFileSync(repoPath('public/_locales/de/messages.json'), 'utf8')));
    const before = makeReport();
    expect(describeChanges(before, revokedLater(before, '2026-11-05T00:00:00.000Z'))).toEqual([
      'Seit der letzten Prüfung widerrufen (vorher: Bestätigt)',
      'Widerrufsstatus: Bestanden → Fehlgeschlagen – Der Aussteller hat diesen Nachweis widerrufen',
    ]);
    const rotated = makeReport({ technical: { keyId: 'did:web:issuer.example#key-2' } });
    expect(describeChanges(before, rotated)).toEqual(['Signaturschlüssel gewechselt: von did:web:issuer.example#key-1 zu did:web:issuer.example#key-2']);
  });
});

describe('regression (change lines were stored in the language the background spoke): stored changes read in the language chosen when shown', () => {
  afterEach(() => setChosenMessages(undefined));
  const german = () => JSON.parse(readFileSync(repoPath('public/_locales/de/messages.json'), 'utf8')) as unknown;

  it('a re-check stored while the extension spoke English reads in German once German is chosen, and back', async () => {
    const store = new HistoryStore(createMemoryBackend());
    const first = makeReport();
    await store.record(first, { via: 'page' });
    const again = await store.record(revokedLater(first, '2026-11-05T00:00:00.000Z'), { via: 'reverify' });
    if ('error' in again) throw new Error(again.message);
    expect(changeLines(again)[0]).toBe('Revoked since last check (was: Verified)');
    setChosenMessages(german());
    expect(changeLines(again)).toEqual([
      'Seit der letzten Prüfung widerrufen (vorher: Bestätigt)',
      'Widerrufsstatus: Bestanden → Fehlgeschlagen – Der Aussteller hat diesen Nachweis widerrufen',
    ]);
    setChosenMessages(undefined);
    expect(changeLines(again)[0]).toBe('Revoked since last check (was: Verified)');
  });

  it('an entry from before, with its lines as written, still shows them', () => {
    expect(changeLines({ changedSinceLast: ['Revoked since last check (was: Verified)'] })).toEqual(['Revoked since last check (was: Verified)']);
    expect(changeLines({})).toEqual([]);
  });

  it('an export holding changes as facts imports them checked: an unknown kind or verdict is refused', async () => {
    const store = new HistoryStore(createMemoryBackend());
    const first = makeReport();
    await store.record(first, { via: 'page' });
    await store.record(revokedLater(first, '2026-11-05T00:00:00.000Z'), { via: 'reverify' });
    const all = await store.all();
    if ('error' in all) throw new Error(all.message);
    const json = historyToJson(all);
    const parsed = parseHistoryJson(json);
    expect(parsed.ok && parsed.entries[0]!.changes?.[0]).toEqual({ kind: 'verdict', previous: 'verified', current: 'revoked' });
    for (const forged of [{ kind: 'verdict', previous: 'verified', current: 'genuine' }, { kind: 'note', text: 'trust me' }]) {
      const doc = JSON.parse(json) as { entries: Array<{ changes: unknown[] }> };
      doc.entries[0]!.changes = [forged];
      expect(parseHistoryJson(JSON.stringify(doc)).ok).toBe(false);
    }
  });
});

describe('describeVerdictChange', () => {
  it.each([
    ['verified', 'expired', 'Expired since last check (was: Verified)'],
    ['verified', 'failed', 'No longer passes verification since last check (was: Verified)'],
    ['unverifiable', 'verified', 'Verified now (was: Could not be checked)'],
    ['revoked', 'revoked', undefined],
  ] as const)('%s → %s', (a, b, text) => {
    expect(describeVerdictChange(a, b)).toBe(text);
  });
});
