import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { reddit } from '@/lib/platforms/reddit';

export default defineContentScript({
  matches: [...reddit.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, reddit),
});
