/**
 * The quality profile for a report. OB 2.0 / OB 3.0 profiles are computed at
 * once; the EDC mapping (which brings the ELM schemas and zod) is loaded only
 * when an EDC is shown, keeping it out of the popup's first paint.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { profileReport, type EdcProfiler } from '../../lib/qa/dispatch';
import type { QualityProfile } from '../../lib/qa/types';
import { type Report } from '../../lib/engine';

let edcProfiler: EdcProfiler | undefined;

export function useQualityProfile(report: Report, trustedIssuerIds: ReadonlySet<string>): QualityProfile | undefined {
  const [edcReady, setEdcReady] = useState(edcProfiler !== undefined);
  const needsEdc = report.format === 'edc' && report.credential !== undefined;
  useEffect(() => {
    if (!needsEdc || edcProfiler) return;
    let live = true;
    void import('../../lib/qa/edc').then((m) => {
      edcProfiler = m.profileEdc;
      if (live) setEdcReady(true);
    });
    return () => {
      live = false;
    };
  }, [needsEdc]);
  return useMemo(() => profileReport(report, { trustedIssuerIds }, edcProfiler), [report, trustedIssuerIds, edcReady]);
}
