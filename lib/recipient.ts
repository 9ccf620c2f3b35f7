/** Recipient matching. (Placeholder until implemented.) */
import type { RecipientHint } from './context';
import type { FormatOutcome } from './formats/types';
import type { RecipientResult } from './report';

export function checkRecipient(_outcome: FormatOutcome, hint: RecipientHint | undefined): RecipientResult {
  return { outcome: hint ? 'not-checked' : 'not-checked', identifierTypes: [], message: 'No candidate identifier was given' };
}
