/** European Digital Credential quality profile. (Placeholder until implemented: every element reported absent.) */
import { finishProfile } from './finish';
import type { QualityProfile } from './types';

/** Profiles an ELM v3 credential payload. */
export function profileEdc(_credential: unknown): QualityProfile {
  return finishProfile([]);
}
