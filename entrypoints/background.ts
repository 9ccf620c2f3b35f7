import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // wiring only; handlers are registered in later commits
});
