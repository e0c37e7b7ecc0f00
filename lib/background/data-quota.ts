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

export function quotaNotice(room: RoomMade): string {
  if (!freedAny(room)) {
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
