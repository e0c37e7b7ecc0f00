/** The detail cards: one open at a time, opened and closed by its badge's button. */
import type { Badge } from './badge';
import type { CardContent } from './card';

export interface Cards {
  /** The badge's button was activated: close its card, or open it (closing any other). */
  toggle(badge: Badge): void;
  /** The badge left the page (its card closed with it). */
  released(badge: Badge): void;
}

/** `contentOf` says what a badge's card shows now (null: the badge shows no post any more). */
export function createCards(contentOf: (badge: Badge) => CardContent | null): Cards {
  let open: Badge | null = null;
  return {
    toggle(badge) {
      if (badge.isOpen()) {
        badge.close(true);
        open = null;
        return;
      }
      const content = contentOf(badge);
      if (!content) return;
      open?.close(false);
      open = badge;
      badge.open(content);
    },
    released(badge) {
      if (open === badge) open = null;
    },
  };
}
