import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { facebook } from '@/lib/platforms/facebook';

export default defineContentScript({
  matches: [...facebook.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, facebook),
});
