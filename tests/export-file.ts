/**
 * Writes a generated Feedlens export file to disk, shaped as a real one is (posts with counts at
 * fixed ages and their newest reading, snapshots with five counts each), for the browser tests and
 * the benchmarks. Streamed to disk, so a year's file never has to fit in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const MIN = 60_000;
/** When each post was seen (minutes after posting). */
const SEEN_AT = [20, 50, 70, 180, 330, 400, 1200, 1560, 7200, 11520];

export interface GeneratedFile {
  posts: number;
  snapshots: number;
  bytes: number;
}

function counts(likes: number) {
  const exact = (value: number) => ({ precision: 'exact', value: Math.round(value) });
  return {
    likes: exact(likes),
    reposts: exact(likes * 0.1),
    replies: exact(likes * 0.05),
    bookmarks: exact(likes * 0.02),
    views: {
      precision: 'rounded',
      value: Math.round(likes * 40 + 1000),
      min: Math.round(likes * 40 + 950),
      max: Math.round(likes * 40 + 1050),
    },
  };
}

/** `posts` X posts with `perPost` snapshots each, the newest seen an hour before `now`. */
export async function writeExportFile(
  path: string,
  options: { posts: number; perPost?: number; now?: number; settings?: object },
): Promise<GeneratedFile> {
  const perPost = Math.min(options.perPost ?? 10, SEEN_AT.length);
  const now = options.now ?? Date.now();
  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const header: Record<string, unknown> = {
    format: 'feedlens-export',
    version: 1,
    schemaVersion: 2,
    exportedAt: new Date(now).toISOString(),
  };
  if (options.settings) header.settings = options.settings;
  await write(`${JSON.stringify(header).slice(0, -1)},"posts":[`);
  // Post ids of equal length, so key order is numeric order and each post's snapshots follow it.
  const id = (i: number) => String(1_800_000_000_000_000_000n + BigInt(i));
  const postedAt = (i: number) => now - 9 * 24 * 60 * MIN - (i % 300) * 24 * 60 * MIN - i;
  const reach = (i: number) => 10 + (i % 997) * 3;
  for (let i = 0; i < options.posts; i++) {
    const posted = postedAt(i);
    const seen = SEEN_AT.slice(0, perPost).map((m) => posted + m * MIN);
    const likesAt = (m: number) => reach(i) * (1 - Math.exp(-m / 600));
    const last = { at: seen[seen.length - 1]!, counts: counts(likesAt(SEEN_AT[perPost - 1]!)) };
    const post = {
      key: `x:${id(i)}`,
      platform: 'x',
      postId: id(i),
      url: `https://x.com/user${i % 2000}/status/${id(i)}`,
      author: `user${i % 2000}`,
      postedAt: posted,
      text: `Post number ${i}: a sentence or two of ordinary text, as most posts on a timeline have.`,
      firstSeenAt: seen[0],
      lastSeenAt: last.at,
      lastSnapshotAt: last.at,
      latest: last.counts,
      ages: {
        '1h': { counts: counts(likesAt(60)), off: 10 * MIN },
        '6h': { counts: counts(likesAt(360)), off: 30 * MIN },
      },
      last,
    };
    await write(`${i ? ',' : ''}${JSON.stringify(post)}`);
  }
  await write('],"snapshots":[');
  let first = true;
  for (let i = 0; i < options.posts; i++) {
    const posted = postedAt(i);
    for (const m of SEEN_AT.slice(0, perPost)) {
      const snapshot = {
        post: `x:${id(i)}`,
        at: posted + m * MIN,
        counts: counts(reach(i) * (1 - Math.exp(-m / 600))),
      };
      await write(`${first ? '' : ','}${JSON.stringify(snapshot)}`);
      first = false;
    }
  }
  await write(']}');
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return { posts: options.posts, snapshots: options.posts * perPost, bytes };
}
