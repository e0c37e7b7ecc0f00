import { defineContentScript } from 'wxt/utils/define-content-script';
import { renderCard } from '@/components/overlay/CardLayer';
import { runContentScript } from '@/lib/content/main';
import { mastodon } from '@/lib/platforms/mastodon';

// Declared for mastodon.social; the background registers this same built script for the
// Mastodon servers the user adds (lib/mastodon-instances.ts).
export default defineContentScript({
  matches: [...mastodon.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, mastodon, renderCard),
});
