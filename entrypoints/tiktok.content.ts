import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { tiktok } from '@/lib/platforms/tiktok';

export default defineContentScript({
  matches: [...tiktok.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, tiktok),
});
