/**
 * What the background does when a write is refused for lack of space: make room within the user's
 * choices (lib/storage/quota.ts), then the refused write is tried once more (by the ingest queue or
 * the import). The user is always told what was deleted, or that nothing could be.
 */
import { loadSettings } from '../settings/store';
import { freedAny, makeRoom, type RoomMade } from '../storage/quota';
import type { FeedlensDatabase } from '../storage/schema';
import { addNotice } from './data-status';
import { counted } from '../ui/counted';

export function quotaNotice(room: RoomMade): string {
  const keep = room.keepDays === null ? 'forever' : `for ${counted(room.keepDays, 'day')}`;
  if (!freedAny(room)) {
    return `The browser’s storage for Feedlens is full, and nothing could be freed while keeping posts ${keep} as you chose, so new readings may not be saved. Free some disk space, or delete data or keep posts for less time below.`;
  }
  const done: string[] = [];
  if (room.thinned) done.push(`thinned ${counted(room.thinned, 'old snapshot')} (as retention would have later)`);
  if (room.expired.posts)
    done.push(
      `deleted ${counted(room.expired.posts, 'post')} not seen for ${counted(room.keepDays!, 'day')}, with ${counted(room.expired.snapshots, 'snapshot')} (your “Keep posts” choice)`,
    );
  return `The browser’s storage for Feedlens was full. To make room, Feedlens ${done.join(' and ')}, and tried the refused write again.`;
}

export interface QuotaHandlerOptions {
  getDb(): Promise<FeedlensDatabase>;
  invalidate(): void;
  now?(): number;
}

/** `makeRoom` for the ingest queue and the import: frees what the user's choices allow, and says so. */
export function createQuotaHandler(options: QuotaHandlerOptions): (error: unknown) => Promise<RoomMade> {
  let running: Promise<RoomMade> | null = null;
  return (_error) => {
    // Writes refused together share one clean-up.
    running ??= (async () => {
      try {
        const { keepPostsDays } = await loadSettings();
        const room = await makeRoom(await options.getDb(), keepPostsDays, options.now?.() ?? Date.now());
        options.invalidate();
        await addNotice(quotaNotice(room));
        return room;
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
