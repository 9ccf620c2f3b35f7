/**
 * Content-script behaviour, kept out of the entrypoint so it can be tested
 * with a fake DOM and a fake `send`: scan, mark, report new candidates, keep
 * the e2e hook (`data-credlens-found`) current. No messaging when nothing is
 * found; only strings leave the page (SECURITY.md rule 2).
 */
import { placeMarker, removeMarkers } from './marker';
import { createPageScanner, type PageScanner } from './observe';
import { isLinkedInUrl, readShowAll } from './linkedin';
import { matchPlatformHost, profileNameFor } from './scan';
import type { Candidate } from './types';

/** The message the content script sends; mirrors `candidates/found` in lib/extension/messaging.ts. */
export interface CandidatesFoundMessage {
  type: 'candidates/found';
  pageUrl: string;
  pageTitle?: string;
  profileName?: string;
  listed?: { count: number; url: string };
  items: Candidate[];
}

export interface CandidateOpenMessage {
  type: 'candidate/open';
  key: string;
}

export interface ContentRunOptions {
  doc: Document;
  pageUrl(): string;
  /** sends to the background; failures (extension reloaded) are swallowed by the caller */
  send(message: CandidatesFoundMessage | CandidateOpenMessage): void;
  /** called once when the page turns out to be worth watching (see PageScannerOptions.onWatchStart) */
  onWatchStart?(): void;
}

/** Candidates per message, as in LIMITS.candidatesPerPage (the background refuses more). */
const BATCH = 200;

/** Starts scanning `doc`; returns the scanner so the entrypoint can rescan or stop it. */
export function runContentScanner(options: ContentRunOptions): PageScanner {
  const { doc } = options;
  const open = (key: string): void => options.send({ type: 'candidate/open', key });
  const startUrl = options.pageUrl();
  const scanner = createPageScanner({
    doc,
    pageUrl: options.pageUrl,
    watchWhenEmpty: isLinkedInUrl(startUrl) || matchPlatformHost(startUrl),
    ...(options.onWatchStart ? { onWatchStart: options.onWatchStart } : {}),
    onNew(found, result) {
      for (const f of found) if (f.anchor) placeMarker(f.anchor, f.key, open);
      const items = found.map((f) => f.candidate);
      const profileName = result.profileName ?? profileNameFor(doc, options.pageUrl());
      const listed = isLinkedInUrl(options.pageUrl()) ? readShowAll(doc, options.pageUrl()) : undefined;
      for (let i = 0; i < items.length; i += BATCH) {
        options.send({
          type: 'candidates/found',
          pageUrl: options.pageUrl().slice(0, 4096),
          ...(doc.title ? { pageTitle: doc.title.slice(0, 500) } : {}),
          ...(profileName ? { profileName } : {}),
          ...(listed ? { listed } : {}),
          items: items.slice(i, i + BATCH),
        });
      }
    },
    onCount(count) {
      doc.documentElement.setAttribute('data-credlens-found', String(count));
    },
    onReset(hadCandidates) {
      removeMarkers(doc);
      // Tell the background the old page's credentials are gone, even if the new page has none.
      if (hadCandidates) options.send({ type: 'candidates/found', pageUrl: options.pageUrl().slice(0, 4096), items: [] });
    },
  });
  scanner.start();
  return scanner;
}
