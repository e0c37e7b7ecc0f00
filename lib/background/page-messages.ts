/**
 * Routes what content scripts send to the background: only messages from our own extension, from
 * a tab on a supported site (or an added Mastodon server), of the three page → store types
 * (lib/messages/page-store.ts). Readings are answered once committed; health and hiding reports
 * need no answer.
 */
import type { ReadingsReply } from '../messages/page-store';
import type { PlatformId } from '../model';
import type { PlatformAdapter } from '../platforms/types';

/** What `runtime.onMessage` passes about who sent a message. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface PageMessageDeps {
  /** Our extension's id: messages from any other sender are ignored. */
  extensionId: string | undefined;
  /** The site of the sending tab's address (lib/background/known-sites.ts). */
  adapterFor(url: string | undefined): Promise<PlatformAdapter | undefined>;
  /** Answers a `readings` message (lib/background/readings-inbox.ts). */
  takeReadings(message: unknown, platform: PlatformId | undefined): Promise<ReadingsReply>;
  /** Records a `reader-health` or `hiding-fallback` report (lib/background/site-status.ts). */
  health(adapter: PlatformAdapter, message: unknown): void;
  fallback(adapter: PlatformAdapter, message: unknown): void;
  /** Adds a `wellbeing` report to today's figures (lib/background/wellbeing.ts). */
  wellbeing(message: unknown): void;
}

/**
 * A `runtime.onMessage` listener. Returns true (the answer comes later) for readings, and nothing
 * for every message it does not answer, so that other listeners may.
 */
export function createPageMessageListener(
  deps: PageMessageDeps,
): (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => true | undefined {
  return (message, sender, sendResponse) => {
    if (sender.id !== deps.extensionId) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== 'readings' && type !== 'reader-health' && type !== 'hiding-fallback' && type !== 'wellbeing')
      return undefined;
    const adapter = deps.adapterFor(sender.url ?? sender.tab?.url);
    if (type === 'wellbeing') {
      // Only from a page of a supported site, as every page report.
      void adapter.then((found) => found && deps.wellbeing(message));
      return undefined;
    }
    if (type !== 'readings') {
      const record = type === 'reader-health' ? deps.health : deps.fallback;
      void adapter.then((found) => found && record(found, message));
      return undefined;
    }
    adapter
      .then((found) => deps.takeReadings(message, found?.id))
      .then(sendResponse, (error: unknown) => {
        console.error('Feedlens: could not take readings', error);
        sendResponse({ stored: false } satisfies ReadingsReply);
      });
    return true;
  };
}
