/**
 * What an import file's records may hold, and how an imported post joins a stored one.
 *
 * A post in a file is checked with the same schema as a reading sent by a content script
 * (lib/messages/reading.ts): its counts, times, permalink, author and text pass `validateReading`
 * and the shared bounds, so the file cannot store what a page could not. Records then add what only
 * they have (first and last seen, counts at fixed ages). Every refusal names the problem in words.
 */
import { isAgeId, mergeSamples, type AgeSamples, type CountPoint } from '../metrics/ages';
import { isPlatformId, postKey, type Counts, type PlatformId, type PostReading } from '../model';
import { isFiniteNumber, isObject } from '../messages/checks';
import { t } from '../ui/i18n';
import {
  MAX_ID_LENGTH,
  isPostTime,
  isReadTime,
  permalinkOn,
  validateCounts,
  validateIncludes,
  validateReading,
  type HostCheck,
} from '../messages/reading';
import type { PostRecord, SnapshotRecord } from './schema';
import { deriveFromSnapshots } from './derive';
import { storedCounts } from './ingest';

export interface RecordChecks {
  /** Times may not be later than this (the import's own clock). */
  now: number;
  hostAllowed: HostCheck;
  /** The site's name for messages ("X"); the platform id when not given. */
  siteName?(platform: PlatformId): string;
}

/** Counts as stored: checked, bounded for the platform, and without raw text or unknowns. */
function checkedCounts(platform: PlatformId, value: unknown, wholeNumbers = true): Counts | string {
  const counts = validateCounts(value, { platform, whole: wholeNumbers });
  if (counts) return storedCounts(counts);
  // Well formed but out of bounds (any sign, fraction, size) tells the user more than "malformed".
  return validateCounts(value, { anyFiniteNumber: true })
    ? t('prefs.invalid.countsOutOfRange')
    : t('prefs.invalid.counts');
}

function checkedPoint(platform: PlatformId, value: unknown, now: number): CountPoint | undefined {
  if (!isObject(value) || !isReadTime(value.at, now)) return undefined;
  const counts = checkedCounts(platform, value.counts);
  return typeof counts === 'string' ? undefined : { at: value.at, counts };
}

/** Counts at fixed ages: interpolated between readings, so not necessarily whole numbers. */
function checkedAges(platform: PlatformId, value: unknown): AgeSamples | undefined {
  if (!isObject(value)) return undefined;
  const ages: AgeSamples = {};
  for (const [age, sample] of Object.entries(value)) {
    if (!isAgeId(age) || !isObject(sample)) return undefined;
    const counts = checkedCounts(platform, sample.counts, false);
    const off = sample.off;
    if (typeof counts === 'string' || !isFiniteNumber(off) || off < 0) return undefined;
    ages[age] = { counts, off };
  }
  return ages;
}

/** The reading a post record stands for: its newest facts, as a content script would have sent them. */
function asReading(value: Record<string, unknown>, platform: PlatformId, latest: Counts): Record<string, unknown> {
  const reading: Record<string, unknown> = {
    platform,
    postId: value.postId,
    url: value.url,
    counts: latest,
    readAt: value.lastSeenAt,
  };
  for (const field of ['author', 'postedAt', 'text', 'includes', 'promoted'] as const) {
    if (value[field] !== undefined) reading[field] = value[field];
  }
  return reading;
}

/** A post of an import file as it will be stored, or why it is refused. */
export function validatePost(value: unknown, checks: RecordChecks): PostRecord | string {
  if (!isObject(value)) return t('prefs.invalid.notObject');
  const { platform, postId, key } = value;
  if (!isPlatformId(platform)) return t('prefs.invalid.platform', { platform: String(platform).slice(0, 40) });
  if (typeof postId !== 'string' || postId.length === 0 || postId.length > MAX_ID_LENGTH)
    return t('prefs.invalid.postId');
  if (key !== postKey({ platform, postId })) return t('prefs.invalid.key');
  const site = checks.siteName?.(platform) ?? platform;
  const url = permalinkOn(platform, value.url, checks.hostAllowed);
  if (!url) return t('prefs.invalid.link', { site });
  const latest = checkedCounts(platform, value.latest);
  if (typeof latest === 'string') return latest;
  const { firstSeenAt, lastSeenAt, lastSnapshotAt } = value;
  for (const time of [firstSeenAt, lastSeenAt, lastSnapshotAt, value.postedAt]) {
    if (time !== undefined && !(time === value.postedAt ? isPostTime : isReadTime)(time, checks.now))
      return t('prefs.invalid.time');
  }
  if (!isReadTime(firstSeenAt, checks.now) || !isReadTime(lastSeenAt, checks.now)) return t('prefs.invalid.seen');
  if (!isReadTime(lastSnapshotAt, checks.now)) return t('prefs.invalid.snapshotTime');
  if (firstSeenAt > lastSeenAt) return t('prefs.invalid.seenOrder');
  if (lastSnapshotAt < firstSeenAt || lastSnapshotAt > lastSeenAt) return t('prefs.invalid.snapshotOutside');
  if (value.includes !== undefined && !validateIncludes(value.includes)) return t('prefs.invalid.includes');
  const reading: PostReading | undefined = validateReading(
    asReading(value, platform, latest),
    checks.now,
    checks.hostAllowed,
  );
  if (!reading) return t('prefs.invalid.reading');

  const record: PostRecord = { key, platform, postId, url, firstSeenAt, lastSeenAt, lastSnapshotAt, latest };
  if (reading.author !== undefined) record.author = reading.author;
  if (reading.postedAt !== undefined) record.postedAt = reading.postedAt;
  if (reading.text !== undefined) record.text = reading.text;
  if (reading.promoted) record.promoted = true;
  if (reading.includes) record.includes = reading.includes;
  if (value.ages !== undefined) {
    const ages = checkedAges(platform, value.ages);
    if (!ages) return t('prefs.invalid.ages');
    record.ages = ages;
  }
  if (value.last !== undefined) {
    const last = checkedPoint(platform, value.last, checks.now);
    if (!last) return t('prefs.invalid.latest');
    record.last = last;
  }
  if (value.thin !== undefined) {
    if (value.thin !== 1) return t('prefs.invalid.thin');
    record.thin = 1;
  }
  // The snapshot rate limit's state (lib/storage/snapshot-policy.ts); a post without it starts afresh.
  if (isReadTime(value.snapshotClock, checks.now)) record.snapshotClock = value.snapshotClock;
  if (value.heldBack === 1) record.heldBack = 1;
  return record;
}

/** The platform a snapshot's post key names ("x:123" → x), if any. */
export function platformOfKey(key: unknown): PlatformId | undefined {
  if (typeof key !== 'string' || key.length > MAX_ID_LENGTH + 16) return undefined;
  const platform = key.slice(0, key.indexOf(':'));
  return isPlatformId(platform) && key.length > platform.length + 1 ? platform : undefined;
}

/** A snapshot of an import file (whether its post is in the file is checked by the caller). */
export function validateSnapshot(value: unknown, checks: RecordChecks): SnapshotRecord | string {
  if (!isObject(value)) return t('prefs.invalid.notObject');
  const platform = platformOfKey(value.post);
  if (!platform) return t('prefs.invalid.noPost');
  if (!isReadTime(value.at, checks.now)) return t('prefs.invalid.time');
  const counts = checkedCounts(platform, value.counts);
  if (typeof counts === 'string') return counts;
  return { post: value.post as string, at: value.at, counts };
}

/** Merges two records of one post: the newer reading wins, first/last seen widen. */
export function mergePosts(stored: PostRecord, incoming: PostRecord): PostRecord {
  const [older, newer] = stored.lastSeenAt >= incoming.lastSeenAt ? [incoming, stored] : [stored, incoming];
  const merged: PostRecord = {
    ...older,
    ...newer,
    latest: { ...older.latest, ...newer.latest },
    firstSeenAt: Math.min(stored.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(stored.lastSeenAt, incoming.lastSeenAt),
    lastSnapshotAt: Math.max(stored.lastSnapshotAt, incoming.lastSnapshotAt),
  };
  const ages = mergeSamples(stored.ages, incoming.ages);
  if (ages) merged.ages = ages;
  return merged;
}

/**
 * A merged record completed from its full snapshot history (which the import may have extended):
 * better samples at fixed ages, the newest reading, and the retention flag if thinning is due.
 */
export function completeFromHistory(post: PostRecord, history: readonly SnapshotRecord[]): PostRecord {
  const derived = deriveFromSnapshots(post, history);
  const complete: PostRecord = { ...post };
  const ages = mergeSamples(post.ages, derived.ages);
  if (ages) complete.ages = ages;
  if (derived.last && (!post.last || derived.last.at > post.last.at)) complete.last = derived.last;
  if (derived.thin) complete.thin = 1;
  return complete;
}
