/**
 * Answers the overlay (lib/overlay): the stored facts of the posts on a page, in one message per
 * batch, and one post's history when its card opens. Requests are validated like readings (only
 * keys of the sending tab's platform, bounded counts and lengths) and answered from IndexedDB with
 * bounded, indexed reads (lib/storage/queries.ts):
 *
 * - the posts themselves: one `get` per key;
 * - the author's usual: each author's newest posts once per request (three requests each), kept for
 *   a minute because a feed shows the same authors over and over;
 * - the peers' rank: the platform's newest {@link PEER_SAMPLE} posts, reduced to one number per post
 *   and age and kept for {@link PEER_TTL_MS}, so a rank costs no read at all most of the time.
 *
 * Queued readings are written first, so the answer includes the reading that was just sent.
 */
import { browser } from 'wxt/browser';
import { AGE_IDS, latestSampledAge, type AgeId } from '../metrics/ages';
import { percentileRank } from '../metrics/baseline';
import { AUTHOR_WINDOW, compareWithUsual, measureAtAge, type ComparablePost } from '../metrics/compare';
import {
  MAX_HISTORY_POINTS,
  validatePostHistoryRequest,
  validatePostStatsRequest,
  type PeerStanding,
  type PostHistoryReply,
  type PostStats,
  type PostStatsReply,
} from '../messages/overlay';
import type { PlatformId } from '../model';
import type { PlatformAdapter } from '../platforms/types';
import { hidesFeedlensFigures, normalizeHandle, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/store';
import type { FeedlensDatabase, PostRecord } from '../storage/db';
import { newestPostsOfAuthor, newestPostsOnPlatform, postsByKeys, snapshotsOf } from '../storage/queries';

/** Newest posts of a platform that peers' ranks are computed among (the dashboard's sample size). */
export const PEER_SAMPLE = 2000;
export const PEER_TTL_MS = 10 * 60_000;
const AUTHOR_TTL_MS = 60_000;
const MAX_CACHED_AUTHORS = 200;

/** Each peer post's interactions at each fixed age it has a sample for. */
export interface PeerValues {
  chosen: boolean;
  byAge: Partial<Record<AgeId, { key: string; value: number }[]>>;
}

const handleOf = (author: string | undefined) => (author ? normalizeHandle(author) : '');
/** "ada" matches "Ada" and, on Mastodon, "ada@server" (as the dashboard matches handles). */
const matches = (author: string | undefined, handles: readonly string[]) => {
  const handle = handleOf(author);
  return !!handle && handles.map(normalizeHandle).some((h) => h === handle || handle.startsWith(`${h}@`));
};

/**
 * The peer population from a platform's sample: the accounts the user chose as peers, else every
 * author but the user's own accounts; promoted posts never count.
 */
export function peerValues(sample: readonly PostRecord[], settings: Settings, platform: PlatformId): PeerValues {
  const chosen = settings.peers[platform];
  const own = settings.accounts[platform];
  const peers = sample.filter(
    (p) => !p.promoted && (chosen.length ? matches(p.author, chosen) : !matches(p.author, own)),
  );
  const byAge: PeerValues['byAge'] = {};
  for (const age of AGE_IDS) {
    const values: { key: string; value: number }[] = [];
    for (const post of peers) {
      const value = measureAtAge(post, age, 'interactions');
      if (value !== null) values.push({ key: post.key, value });
    }
    if (values.length) byAge[age] = values;
  }
  return { chosen: chosen.length > 0, byAge };
}

/** Where a post ranks among peers at the age it is compared at; null without peers there. */
export function peerStanding(post: ComparablePost, peers: PeerValues, age: AgeId | null): PeerStanding | null {
  if (!age) return null;
  const value = measureAtAge(post, age, 'interactions');
  const population = peers.byAge[age];
  if (value === null || !population) return null;
  const others = population.filter((p) => p.key !== post.key).map((p) => p.value);
  const percentile = percentileRank(value, others);
  return percentile ? { age, percentile, chosen: peers.chosen } : null;
}

/** Keeps values for a while; forgets the oldest beyond `max` entries. */
function ttlCache<V>(ttlMs: number, max: number) {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key: string, now: number, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.delete(key);
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
  };
}

/** What a baseline needs of a post, without its text and address (cached records stay small). */
function comparable(record: PostRecord): ComparablePost {
  const { key, platform, author, postedAt, promoted, latest, ages } = record;
  return { key, platform, author, postedAt, promoted, latest, ages };
}

export interface PostStatsService {
  stats(db: FeedlensDatabase, platform: PlatformId, keys: readonly string[], now: number): Promise<PostStats[]>;
  history(db: FeedlensDatabase, key: string): Promise<PostHistoryReply>;
  /** Settings changed (peers, own accounts): drop what was derived from them. */
  settingsChanged(settings: Settings): void;
}

export function createPostStats(initialSettings: () => Promise<Settings>): PostStatsService {
  let settings: Promise<Settings> | null = null;
  const authors = ttlCache<ComparablePost[]>(AUTHOR_TTL_MS, MAX_CACHED_AUTHORS);
  const peers = ttlCache<PeerValues>(PEER_TTL_MS, 20);

  return {
    async stats(db, platform, keys, now) {
      const current = await (settings ??= initialSettings());
      // The wellbeing rule holds here too, whatever a content script asks.
      if (hidesFeedlensFigures(current, platform, now)) return [];
      const records = await postsByKeys(db, keys);
      const byAuthor = new Map<string, Promise<ComparablePost[]>>();
      for (const r of records) {
        if (!r.author || r.postedAt === undefined || byAuthor.has(r.author)) continue;
        const author = r.author;
        byAuthor.set(
          author,
          authors.get(`${platform}\n${author}`, now, async () =>
            (await newestPostsOfAuthor(db, platform, author, AUTHOR_WINDOW)).map(comparable),
          ),
        );
      }
      const population = await peers.get(platform, now, async () =>
        peerValues(await newestPostsOnPlatform(db, platform, PEER_SAMPLE), current, platform),
      );
      return Promise.all(
        records.map(async (record): Promise<PostStats> => {
          const history = record.author ? ((await byAuthor.get(record.author)) ?? []) : [];
          const usual = compareWithUsual(record, history, now);
          const age =
            usual?.age ?? (record.postedAt !== undefined ? latestSampledAge(record.ages, now - record.postedAt) : null);
          const stats: PostStats = {
            key: record.key,
            latest: record.latest,
            usual,
            peers: peerStanding(record, population, age),
          };
          if (record.includes) stats.includes = record.includes;
          if (record.postedAt !== undefined) stats.postedAt = record.postedAt;
          if (record.ages) stats.ages = record.ages;
          return stats;
        }),
      );
    },
    async history(db, key) {
      const snapshots = await snapshotsOf(db, key);
      const points = snapshots.slice(-MAX_HISTORY_POINTS).map((s) => ({ at: s.at, counts: s.counts }));
      return { type: 'post-history', key, points };
    },
    settingsChanged(next) {
      settings = Promise.resolve(next);
      peers.clear();
    },
  };
}

export interface PostStatsDeps {
  getDb(): Promise<FeedlensDatabase>;
  /** Writes the readings queued so far (the ingest queue's flush). */
  flush(): Promise<void>;
  /** The platform of a sender's page (added Mastodon servers included). */
  adapterFor(url: string | undefined): Promise<PlatformAdapter | undefined>;
}

/** Listens for the overlay's requests; other messages are left to the other listeners. */
export function listenForPostStats(deps: PostStatsDeps): void {
  const service = createPostStats(loadSettings);
  onSettingsChanged((settings) => service.settingsChanged(settings));

  const answer = async (message: unknown, url: string | undefined): Promise<unknown> => {
    const adapter = await deps.adapterFor(url);
    if (!adapter) return undefined;
    const asked = validatePostStatsRequest(message, adapter.id);
    if (asked) {
      await deps.flush();
      const stats = await service.stats(await deps.getDb(), adapter.id, asked.keys, Date.now());
      return { type: 'post-stats', stats } satisfies PostStatsReply;
    }
    const history = validatePostHistoryRequest(message, adapter.id);
    if (history) {
      // The card is Feedlens's figure too: none while the wellbeing rule hides them.
      const settings = await loadSettings();
      if (hidesFeedlensFigures(settings, adapter.id)) return undefined;
      return service.history(await deps.getDb(), history.key);
    }
    return undefined;
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== 'post-stats' && type !== 'post-history') return;
    // Only our own content scripts, from a tab.
    if (sender.id !== browser.runtime.id || !sender.tab) return;
    answer(message, sender.url ?? sender.tab.url).then(sendResponse, (error: unknown) => {
      console.error('Feedlens: could not answer the overlay', error);
      sendResponse(undefined);
    });
    return true;
  });
}
