import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { youtube } from '@/lib/platforms/youtube';

export default defineContentScript({
  matches: [...youtube.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, youtube),
});
