import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { instagram } from '@/lib/platforms/instagram';

export default defineContentScript({
  matches: [...instagram.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, instagram),
});
