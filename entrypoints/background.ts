import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/platform/background.ts';

export default defineBackground(() => {
  startBackground();
});
