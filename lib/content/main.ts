/**
 * What every platform's content script does, wired to the browser: hide counts as the settings
 * say, read posts, send readings to the background, answer the popup. Entrypoints only choose
 * the adapter.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installLiveHiding } from '../hide/live';
import type { ContentMessage, PagePostsReply, ReaderStats } from '../messages';
import type { PlatformAdapter } from '../platforms/types';
import { createPageReader } from '../reader/runner';
import { hiddenMetrics, type Settings } from '../settings';
import { loadSettings, onSettingsChanged } from '../settings-store';

function send(message: ContentMessage): void {
  // The background may be restarting; a lost batch is re-read on the next change or visit.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export function runContentScript(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  const hiding = installLiveHiding(document, adapter);
  const applySettings = (settings: Settings) => hiding.apply(hiddenMetrics(settings, adapter.id));
  void loadSettings().then(applySettings);
  const stopListening = onSettingsChanged(applySettings);

  const reader = createPageReader({
    adapter,
    document,
    send: (readings) => send({ type: 'readings', readings }),
    onHealth: (status, diagnostic) =>
      send({ type: 'reader-health', platform: adapter.id, status, ...(diagnostic ? { diagnostic } : {}) }),
    setTimer: (callback, ms) => void ctx.setTimeout(callback, ms),
    onFrame: () => hiding.ensureInstalled(),
  });
  reader.start();
  ctx.addEventListener(window, 'wxt:locationchange', () => reader.navigated());

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'page-posts') {
      const reply: PagePostsReply = { platform: adapter.id, keys: reader.pagePosts(), status: reader.status() };
      const diagnostic = reader.diagnostic();
      if (diagnostic) reply.diagnostic = diagnostic;
      sendResponse(reply);
    } else if (type === 'reader-stats') {
      const stats: ReaderStats = reader.stats();
      sendResponse(stats);
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    reader.stop();
    stopListening();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
