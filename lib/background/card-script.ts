/**
 * Injects the detail card's code into a tab's frame when its first card opens
 * (lib/overlay/card-loader.ts says why it is not in the content scripts). Only for Feedlens's own
 * content scripts, in a tab of a supported site; anything else is left unanswered.
 */
import { validateCardScriptRequest, type CardScriptReply } from '../messages/overlay';
import type { PlatformAdapter } from '../platforms/types';
import type { MessageSender } from './page-messages';

/** The sender as page messages know it, with the frame and tab to inject into. */
export interface CardScriptSender extends MessageSender {
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface CardScriptDeps {
  extensionId: string;
  /** The platform of a sender's page (added Mastodon servers included). */
  adapterFor(url: string | undefined): Promise<PlatformAdapter | undefined>;
  /** Runs `card.js` in that frame's isolated world; resolves once it has run. */
  inject(target: { tabId: number; frameId: number }): Promise<void>;
}

export function createCardScriptListener(deps: CardScriptDeps) {
  return (message: unknown, sender: CardScriptSender, sendResponse: (reply: CardScriptReply) => void) => {
    if (!validateCardScriptRequest(message)) return undefined;
    const tabId = sender.tab?.id;
    if (sender.id !== deps.extensionId || tabId === undefined) return undefined;
    const answer = async (): Promise<CardScriptReply> => {
      if (!(await deps.adapterFor(sender.url ?? sender.tab?.url))) return { type: 'card-script', injected: false };
      await deps.inject({ tabId, frameId: sender.frameId ?? 0 });
      return { type: 'card-script', injected: true };
    };
    answer().then(sendResponse, (error: unknown) => {
      console.error('Feedlens: could not load the detail card', error);
      sendResponse({ type: 'card-script', injected: false });
    });
    return true;
  };
}
