import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/main';
import { mastodon } from '@/lib/platforms/mastodon';

// Declared for mastodon.social; the background registers this same built script for the
// Mastodon servers the user adds (lib/settings/mastodon-instances.ts).
export default defineContentScript({
  matches: [...mastodon.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, mastodon),
});
