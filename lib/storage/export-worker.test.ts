import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportReply } from '../messages/data';
import { defaultSettings } from '../settings/settings';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { serveExports } from './export-worker';
import { ingestReadings } from './ingest';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
  await ingestReadings(db, [reading('1', T0, 5), reading('2', T0, 6)]);
});

describe('the export worker', () => {
  it('builds the export file on request and hands it over with its final counts', async () => {
    let listener: (event: { data: unknown }) => void = () => undefined;
    const replies: ExportReply[] = [];
    const done = new Promise<void>((resolve) =>
      serveExports({
        addEventListener: (_type, l) => (listener = l),
        postMessage(reply) {
          replies.push(reply);
          if (reply.type !== 'export-progress') resolve();
        },
      }),
    );
    listener({ data: { type: 'export', settings: defaultSettings() } });
    await done;
    const last = replies.at(-1)!;
    expect(last).toMatchObject({
      type: 'export-done',
      progress: { posts: 2, totalPosts: 2, snapshots: 2, totalSnapshots: 2 },
    });
    if (last.type !== 'export-done') return;
    const file = JSON.parse(await last.blob.text());
    expect(file.posts.map((p: { key: string }) => p.key)).toEqual(['x:1', 'x:2']);
    expect(file.settings).toEqual(defaultSettings());
  });
});
