/**
 * The shape of the local store: its records and its object stores with their indexes. Kept apart
 * from the code that opens and upgrades the database (db.ts), so that the upgrade steps and the
 * pure helpers they use can depend on the types without depending on each other.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { AgeSamples, CountPoint } from '../metrics/ages';
import type { Counts, Metric, PlatformId } from '../model';

/** One post as stored: what it is, and its latest known counts. */
export interface PostRecord {
  /** `${platform}:${postId}` */
  key: string;
  platform: PlatformId;
  postId: string;
  url: string;
  author?: string;
  postedAt?: number;
  text?: string;
  promoted?: boolean;
  includes?: Partial<Record<Metric, Metric[]>>;
  firstSeenAt: number;
  lastSeenAt: number;
  /** The latest known value of each count; a count missing from a later reading keeps its value. */
  latest: Counts;
  /** Time of the most recent snapshot (which is the post's latest stored reading). */
  lastSnapshotAt: number;
  /**
   * v2: the post's counts at 1 h, 6 h, 24 h and 7 d after posting, where Feedlens saw it around
   * those ages (lib/metrics/ages.ts), kept up to date at every reading so that comparing posts at
   * equal ages never scans snapshots. Absent without `postedAt`.
   */
  ages?: AgeSamples;
  /** v2: the newest reading's own counts (not merged with older ones): the next reading's neighbour. */
  last?: CountPoint;
  /** v2: 1 while the post has snapshots that retention may thin (indexed; absent otherwise). */
  thin?: 1;
  /**
   * The snapshot rate limit's clock (lib/storage/snapshot-policy.ts). Not indexed; a post stored
   * before the limit existed, or imported, has none and starts with a full allowance.
   */
  snapshotClock?: number;
  /** 1 while the latest counts hold a change the rate limit kept out of the snapshots. */
  heldBack?: 1;
}

/** The counts of one post at one moment. */
export interface SnapshotRecord {
  post: string;
  at: number;
  counts: Counts;
}

export interface FeedlensDB extends DBSchema {
  posts: {
    key: string;
    value: PostRecord;
    indexes: {
      'by-platform-seen': [PlatformId, number];
      'by-author': [PlatformId, string];
      /** v2: an author's posts by publication time (baselines, "my posts"). */
      'by-author-posted': [PlatformId, string, number];
      /** v2: a platform's posts by publication time (peers, the dashboard's date filter). */
      'by-platform-posted': [PlatformId, number];
      /** v2: posts whose snapshots retention should thin. */
      'by-thin': number;
    };
  };
  snapshots: {
    key: [string, number];
    value: SnapshotRecord;
  };
}

export type FeedlensDatabase = IDBPDatabase<FeedlensDB>;
