import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/platform/background';

export default defineBackground(() => {
  startBackground();
});
