/**
 * Badges kept for reuse. X's virtualized timeline mounts and unmounts cells as the user scrolls:
 * a new host per mounted cell (its shadow root, its sheet, its listeners) was most of the overlay's
 * cost. A badge whose post left the page goes back here and is placed on the next post as it is.
 */
import type { Badge } from './badge';
import type { HostMode } from './styles';

export interface BadgePool {
  /** A free badge of `mode`, or a new one. */
  acquire(mode: HostMode): Badge;
  /** Closes the badge's card, takes it out of the page and keeps it (up to the pool's size). */
  release(badge: Badge): void;
  /** Badges made so far (not reused). */
  readonly made: number;
}

/** Enough for every badge near the viewport on a tall screen; more are dropped on release. */
const POOL_SIZE = 64;

export function createBadgePool(make: (mode: HostMode) => Badge, size = POOL_SIZE): BadgePool {
  const free = new Map<HostMode, Badge[]>();
  let made = 0;
  return {
    acquire(mode) {
      const reused = free.get(mode)?.pop();
      if (reused) return reused;
      made++;
      return make(mode);
    },
    release(badge) {
      badge.remove();
      let list = free.get(badge.mode);
      if (!list) free.set(badge.mode, (list = []));
      if (list.length < size && !list.includes(badge)) list.push(badge);
    },
    get made() {
      return made;
    },
  };
}
