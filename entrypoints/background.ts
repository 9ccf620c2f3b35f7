import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/browser-wiring';

// Wiring only: the logic lives in lib/background (plain modules, tested with fakes).
export default defineBackground(() => {
  startBackground();
});
