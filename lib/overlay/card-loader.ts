/**
 * The detail card's code (Preact and the card's components, about 20 KB of the 93 KB a content
 * script weighed) is not in the content scripts: every page of every supported site would parse it,
 * and most never open a card. The first card opened on a page asks the background to inject
 * `card.js` into the tab's frame (entrypoints/card.ts), which runs in the content script's own
 * isolated world and leaves its renderer on the world's global object under {@link CARD_RENDERER_KEY}.
 */
import type { CardProps, CardRenderer } from './card';

export const CARD_RENDERER_KEY = '__feedlensCardRenderer';

/** The renderer `card.js` left in this world, if it ran. */
export function injectedCardRenderer(global: object = globalThis): CardRenderer | undefined {
  const renderer = (global as Record<string, unknown>)[CARD_RENDERER_KEY];
  return typeof renderer === 'function' ? (renderer as CardRenderer) : undefined;
}

/**
 * A renderer that loads the real one on first use. Cards opened while it loads are drawn once it
 * has loaded, with their latest props (one closed meanwhile is not drawn); if loading fails, each
 * waiting card is closed as if the user had closed it, and the next opening tries again.
 */
export function lazyCardRenderer(load: () => Promise<CardRenderer>, onError?: (error: unknown) => void): CardRenderer {
  let renderer: CardRenderer | undefined;
  let loading = false;
  const waiting = new Map<HTMLElement, CardProps>();
  const start = () => {
    loading = true;
    load().then(
      (loaded) => {
        renderer = loaded;
        for (const [mount, props] of waiting) loaded(mount, props);
        waiting.clear();
      },
      (error: unknown) => {
        loading = false;
        const closed = [...waiting.values()];
        waiting.clear();
        for (const props of closed) props.onClose(false);
        onError?.(error);
      },
    );
  };
  return (mount, props) => {
    if (renderer) return renderer(mount, props);
    if (props) waiting.set(mount, props);
    else waiting.delete(mount);
    if (props && !loading) start();
  };
}
