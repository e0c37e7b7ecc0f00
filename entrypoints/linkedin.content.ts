import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { linkedin } from '@/lib/platforms/linkedin';

export default defineContentScript({
  matches: [...linkedin.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, linkedin),
});
