import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { threads } from '@/lib/platforms/threads';

export default defineContentScript({
  matches: [...threads.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, threads),
});
