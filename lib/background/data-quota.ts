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
import { formatList } from '../ui/format';
import { plural, t } from '../ui/i18n';

/**
 * How long after freeing space a refusal is blamed on the browser not having given it back yet.
 * Chromium's IndexedDB (LevelDB) marks deleted records and returns their disk space only at its next
 * compaction: after deleting 16,500 records the origin's usage grew by 1.4 MB and stayed there for
 * minutes on a loaded machine, so the retried write was refused again although room had been made.
 */
export const SPACE_RETURN_MS = 60 * 60 * 1000;

/** What the user is told after a refused write; `freedRecently`: room was made within {@link SPACE_RETURN_MS}. */
export function quotaNotice(room: RoomMade, freedRecently = false): string {
  if (!freedAny(room)) {
    if (freedRecently) return t('prefs.quota.notReturned');
    return room.keepDays === null ? t('prefs.quota.fullForever') : plural('prefs.quota.fullDays', room.keepDays);
  }
  const done: string[] = [];
  if (room.thinned) done.push(plural('prefs.quota.thinned', room.thinned));
  if (room.expired.posts)
    done.push(
      plural('prefs.quota.expired', room.expired.posts, {
        days: plural('prefs.keep.unseenFor', room.keepDays!),
        snapshots: counted(room.expired.snapshots, 'snapshot'),
      }),
    );
  return t('prefs.quota.made', { done: formatList(done) });
}

export interface QuotaHandlerOptions {
  getDb(): Promise<FeedlensDatabase>;
  invalidate(): void;
  now?(): number;
}

/** `makeRoom` for the ingest queue and the import: frees what the user's choices allow, and says so. */
export function createQuotaHandler(options: QuotaHandlerOptions): (error: unknown) => Promise<RoomMade> {
  let running: Promise<RoomMade> | null = null;
  let freedAt = -Infinity;
  return (_error) => {
    // Writes refused together share one clean-up.
    running ??= (async () => {
      try {
        const { keepPostsDays } = await loadSettings();
        const now = options.now?.() ?? Date.now();
        const room = await makeRoom(await options.getDb(), keepPostsDays, now);
        options.invalidate();
        const freedRecently = now - freedAt < SPACE_RETURN_MS;
        if (freedAny(room)) freedAt = now;
        await addNotice(quotaNotice(room, freedRecently));
        return room;
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
