import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { bluesky } from '@/lib/platforms/bluesky';

export default defineContentScript({
  matches: [...bluesky.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, bluesky),
});
