import { describe, expect, it, vi } from 'vitest';
import type { Badge } from './badge';
import type { CardContent } from './card';
import { createCards } from './cards';

function fakeBadge(): Badge {
  let open = false;
  return {
    isOpen: () => open,
    open: vi.fn(() => void (open = true)),
    close: vi.fn(() => void (open = false)),
  } as unknown as Badge;
}

const content: CardContent = {
  data: { platform: 'x', siteName: 'X', counts: {}, stats: null },
  now: 0,
  loadHistory: async () => null,
};

describe('detail cards', () => {
  it('opens one card at a time and closes it on a second press, focus back on its badge', () => {
    const cards = createCards(() => content);
    const a = fakeBadge();
    const b = fakeBadge();
    cards.toggle(a);
    expect(a.open).toHaveBeenCalledWith(content);
    cards.toggle(b);
    expect(a.close).toHaveBeenCalledWith(false);
    expect(b.isOpen()).toBe(true);
    cards.toggle(b);
    expect(b.close).toHaveBeenCalledWith(true);
  });

  it('opens nothing for a badge that shows no post, and forgets a released badge', () => {
    const a = fakeBadge();
    const cards = createCards((badge) => (badge === a ? null : content));
    cards.toggle(a);
    expect(a.isOpen()).toBe(false);
    const b = fakeBadge();
    cards.toggle(b);
    cards.released(b);
    const c = fakeBadge();
    cards.toggle(c);
    // `b` was released (its card closed with it): opening `c` does not close it again.
    expect(b.close).not.toHaveBeenCalled();
  });
});
