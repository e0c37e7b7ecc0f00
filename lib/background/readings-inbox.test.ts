import * as fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { METRICS, type Counts, type PlatformId } from '../model';
import type { HostCheck } from '../messages/reading';
import { openFeedlensDb, type FeedlensDatabase } from '../storage/db';
import { createIngestQueue } from './ingest-queue';
import { createReadingsInbox } from './readings-inbox';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HOUR = 3600_000;
/** The bounds README states, written out here so that the test checks them rather than repeats them. */
const MAX_COUNT = 1e13;
const READ_AT_SKEW_MS = 5_000;
const POSTED_AT_SKEW_MS = 10 * 60_000;
const HOSTS: Partial<Record<PlatformId, string[]>> = { x: ['x.com'], reddit: ['www.reddit.com'] };
const hostAllowed: HostCheck = (platform, host) => HOSTS[platform]?.includes(host) ?? false;

let db: FeedlensDatabase;
let inbox: ReturnType<typeof createReadingsInbox>;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  const queue = createIngestQueue({ getDb: async () => db, delayMs: 0 });
  inbox = createReadingsInbox({ push: (readings) => queue.push(readings), hostAllowed, now: () => NOW });
});

const xReading = (likes: unknown, readAt = NOW, extra: object = {}) => ({
  platform: 'x',
  postId: '1858979112345600001',
  url: 'https://x.com/ada/status/1858979112345600001',
  author: 'ada',
  counts: { likes: { precision: 'exact', value: likes } },
  readAt,
  ...extra,
});
const send = (...readings: unknown[]) => inbox({ type: 'readings', readings }, 'x');

describe('the background taking readings', () => {
  it('answers once the readings are committed', async () => {
    expect(await send(xReading(7))).toEqual({ stored: true, accepted: 1, rejected: 0 });
    expect((await db.get('posts', 'x:1858979112345600001'))?.latest.likes).toEqual({ precision: 'exact', value: 7 });
  });

  it('keeps a real reading of 7 when a reading dated 23 h ahead claims 999999', async () => {
    expect(await send(xReading(999_999, NOW + 23 * HOUR))).toMatchObject({ accepted: 0, rejected: 1 });
    await send(xReading(7, NOW - 1000));
    expect(await send(xReading(999_999, NOW + 23 * HOUR))).toMatchObject({ accepted: 0, rejected: 1 });
    expect((await db.get('posts', 'x:1858979112345600001'))?.latest.likes).toEqual({ precision: 'exact', value: 7 });
    expect(await db.count('snapshots')).toBe(1);
  });

  it.each([
    ['−5 likes on X', -5],
    ['1e308 likes', 1e308],
    ['half a like', 0.5],
    ['NaN likes', Number.NaN],
  ])('stores nothing of a reading with %s', async (_name, likes) => {
    expect(await send(xReading(likes))).toEqual({ stored: true, accepted: 0, rejected: 1 });
    expect(await db.count('posts')).toBe(0);
  });

  it('stores a negative Reddit score, and no other negative Reddit count', async () => {
    const reddit = (counts: object) => ({
      platform: 'reddit',
      postId: 't3_abc',
      url: 'https://www.reddit.com/r/a/comments/abc/x/',
      counts,
      readAt: NOW,
    });
    const reply = await inbox(
      {
        type: 'readings',
        readings: [
          reddit({ likes: { precision: 'exact', value: -5 } }),
          reddit({ replies: { precision: 'exact', value: -5 } }),
        ],
      },
      'reddit',
    );
    expect(reply).toEqual({ stored: true, accepted: 1, rejected: 1 });
    expect((await db.get('posts', 'reddit:t3_abc'))?.latest).toEqual({ likes: { precision: 'exact', value: -5 } });
  });

  it('refuses whole a message that is not a list of readings, or comes from no supported site', async () => {
    expect(await inbox({ type: 'readings', readings: 'all' }, 'x')).toEqual({ stored: true, accepted: 0, rejected: 0 });
    expect(await inbox({ type: 'readings', readings: [xReading(1)] }, undefined)).toMatchObject({
      accepted: 0,
      rejected: 1,
    });
    expect(await db.count('posts')).toBe(0);
  });

  it('answers that a failed write must be sent again', async () => {
    const failing = createReadingsInbox({ push: async () => false, hostAllowed, now: () => NOW });
    expect(await failing({ type: 'readings', readings: [xReading(1)] }, 'x')).toEqual({ stored: false });
  });
});

/** Values a hostile or broken page could put in any field: nonsense, and numbers that are almost right. */
const junk = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.string({ maxLength: 3000 }),
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -5,
    0.5,
    2 ** 53,
    MAX_COUNT + 1,
    'https://evil.example/a',
  ),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: NOW - 48 * HOUR, max: NOW + 48 * HOUR }),
);
/** A count as an adapter would send it, over the whole range of sizes. */
const countArb = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((value) => ({ precision: 'exact', value, raw: String(value) })),
  fc
    .tuple(fc.constantFrom('rounded', 'estimated'), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1000 }))
    .map(([precision, min, width]) => ({ precision, value: min, min, max: min + width })),
  fc.constantFrom({ precision: 'hidden' }, { precision: 'unknown', raw: '—' }),
);
const sites = {
  x: (n: number) => ({ postId: `18589791123456000${n}`, url: `https://x.com/ada/status/18589791123456000${n}` }),
  reddit: (n: number) => ({ postId: `t3_ab${n}`, url: `https://www.reddit.com/r/a/comments/ab${n}/x/` }),
} as const;
/** A well-formed reading of either site, read within the last day. */
const validArb = fc
  .record({
    platform: fc.constantFrom<'x' | 'reddit'>('x', 'reddit'),
    post: fc.integer({ min: 10, max: 13 }),
    readAt: fc.integer({ min: NOW - 24 * HOUR, max: NOW }),
    postedAt: fc.integer({ min: NOW - 48 * HOUR, max: NOW - 48 * HOUR + 1000 }),
    author: fc.constantFrom('ada', 'bob'),
    text: fc.constantFrom('hello', 'hello world', 'another post'),
    counts: fc.dictionary(fc.constantFrom(...METRICS), countArb, { maxKeys: 4 }),
  })
  .map(({ post, ...r }) => ({ ...r, ...sites[r.platform](post) }));
/** Where a hostile page puts its junk: times and counts (almost right, or nonsense), or any other field. */
const mutationArb = fc.oneof(
  fc.tuple(
    fc.constantFrom('readAt', 'postedAt'),
    fc.oneof(fc.integer({ min: NOW - 48 * HOUR, max: NOW + 48 * HOUR }), junk),
  ),
  fc.tuple(
    fc.constantFrom(
      ...METRICS.flatMap((metric) => ['value', 'min', 'max'].map((field) => `counts.${metric}.${field}`)),
    ),
    junk,
  ),
  fc.tuple(
    fc.constantFrom(
      'platform',
      'postId',
      'url',
      'author',
      'text',
      'includes',
      'promoted',
      'counts',
      'counts.karma',
      ...METRICS.flatMap((metric) => [`counts.${metric}`, `counts.${metric}.precision`]),
    ),
    fc.oneof(fc.constantFrom('https://evil.example/a', 'http://x.com/a', 'https://x.com/a', 'javascript:1'), junk),
  ),
);

function mutate(reading: Record<string, unknown>, [path, value]: readonly [string, unknown]): Record<string, unknown> {
  const copy = structuredClone(reading);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const inner = target[key];
    if (typeof inner !== 'object' || inner === null) target[key] = { precision: 'exact', value: 1 };
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
  return copy;
}
const readingArb = fc
  .tuple(validArb, fc.array(mutationArb, { maxLength: 2 }))
  .map(([valid, mutations]) => mutations.reduce(mutate, valid as Record<string, unknown>));
const messageArb = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('readings'), readings: fc.array(readingArb, { maxLength: 12 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('readings'), readings: junk }) },
);

/** Everything wrong a stored count could be (empty: nothing). */
function countFaults(counts: Counts, platform: PlatformId, whole: boolean): string[] {
  const faults: string[] = [];
  for (const [metric, count] of Object.entries(counts)) {
    if (!(METRICS as readonly string[]).includes(metric)) faults.push(`metric ${metric}`);
    if (!('value' in count)) continue;
    const floor = platform === 'reddit' && metric === 'likes' ? -MAX_COUNT : 0;
    const numbers = 'min' in count ? [count.value, count.min, count.max] : [count.value];
    for (const n of numbers) {
      if (!Number.isFinite(n) || n < floor || n > MAX_COUNT || (whole && !Number.isInteger(n)))
        faults.push(`${metric} ${n}`);
    }
    if ('min' in count && !(count.min <= count.value && count.value <= count.max)) faults.push(`${metric} range`);
  }
  return faults;
}

describe('fuzzing the background’s message handling', () => {
  it('never throws, always answers, and never stores a value that cannot be true', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(messageArb, fc.constantFrom<PlatformId>('x', 'reddit')), { maxLength: 6 }),
        async (messages) => {
          // A store of its own per run: later readings are then as often the newest as not.
          globalThis.indexedDB = new IDBFactory();
          db = await openFeedlensDb();
          const queue = createIngestQueue({ getDb: async () => db, delayMs: 0 });
          inbox = createReadingsInbox({ push: (readings) => queue.push(readings), hostAllowed, now: () => NOW });
          for (const [message, platform] of messages) {
            const reply = await inbox(message, platform);
            expect(reply.stored).toBe(true);
            if (reply.stored) accepted += reply.accepted;
          }
          const faults: string[] = [];
          for (const post of await db.getAll('posts')) {
            const { platform } = post;
            if (post.key !== `${platform}:${post.postId}`) faults.push(`key ${post.key}`);
            if (!HOSTS[platform]?.includes(new URL(post.url).hostname)) faults.push(`url ${post.url}`);
            if (!post.url.startsWith('https://')) faults.push(`url ${post.url}`);
            if (post.lastSeenAt > NOW + READ_AT_SKEW_MS || post.firstSeenAt > post.lastSeenAt)
              faults.push('seen times');
            if (post.postedAt !== undefined && post.postedAt > NOW + POSTED_AT_SKEW_MS) faults.push('posted time');
            if ((post.author?.length ?? 0) > 256 || Array.from(post.text ?? '').length > 280) faults.push('lengths');
            faults.push(
              ...countFaults(post.latest, platform, true),
              ...countFaults(post.last?.counts ?? {}, platform, true),
            );
            for (const sample of Object.values(post.ages ?? {}))
              faults.push(...countFaults(sample.counts, platform, false));
          }
          for (const snapshot of await db.getAll('snapshots')) {
            const platform = snapshot.post.split(':')[0] as PlatformId;
            if (snapshot.at > NOW + READ_AT_SKEW_MS) faults.push('snapshot time');
            faults.push(...countFaults(snapshot.counts, platform, true));
          }
          expect(faults).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
    // The property is about what gets through: plenty did.
    expect(accepted).toBeGreaterThan(500);
  });
});
