import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/extension/background/browser-wiring';

// Wiring only: the logic lives in lib/extension/background (plain modules, tested with fakes).
export default defineBackground(() => {
  startBackground();
});
