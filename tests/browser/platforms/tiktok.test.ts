import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const tiktokPosts = async () =>
  (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === 'tiktok');
const byAuthor = (posts: PostRecord[], author: string) => posts.filter((p) => p.author === author);

describe('TikTok in Chromium with the built extension', () => {
  it('reads the For You feed as TikTok fills, recycles and updates its articles', async () => {
    const page = await harness.open('https://www.tiktok.com/foryou');
    const first = await waitFor(async () => {
      const posts = await tiktokPosts();
      return posts.length >= 3 ? posts : undefined;
    }, 'the three filled articles in IndexedDB');
    expect(first.find((p) => p.key === 'tiktok:7441122334455667788')).toMatchObject({
      url: 'https://www.tiktok.com/@mika.moves/video/7441122334455667788',
      author: 'mika.moves',
      postedAt: Date.parse('2024-11-25T07:55:02Z'),
      latest: {
        likes: { precision: 'rounded', value: 48900, min: 48850, max: 48950 },
        replies: { precision: 'exact', value: 1203 },
        bookmarks: { precision: 'exact', value: 3021 },
        reposts: { precision: 'exact', value: 512 },
      },
    });
    // No id in the article: keyed by author and content, linked to the author.
    const [noId] = byAuthor(first, 'dario_bakes');
    expect(noId!.key).toMatch(/^tiktok:fyp:dario_bakes:[0-9a-f]{8}$/);
    expect(noId!.url).toBe('https://www.tiktok.com/@dario_bakes');
    expect(byAuthor(first, 'brightsmile_official')[0]!.promoted).toBe(true);
    // The three empty placeholders and the LIVE card ("1.2K watching") left no trace.
    expect(first).toHaveLength(3);
    expect(byAuthor(first, 'nightbus_radio')).toEqual([]);

    // Scrolling: TikTok fills a placeholder (frame first, content a moment later), mounts its player…
    await page.evaluate(() => {
      const placeholder = document.querySelector('article[data-scroll-index="4"]')!;
      const template = document.querySelector('article[data-scroll-index="0"]')!;
      placeholder.innerHTML = '<div><section data-e2e="feed-video"></section></div><section></section>';
      setTimeout(() => {
        placeholder.innerHTML = template.innerHTML;
        placeholder.querySelector('[id^="xgwrapper-"]')!.id = 'xgwrapper-0-7442233445566778899';
        for (const a of placeholder.querySelectorAll('a[href="/@mika.moves"]'))
          a.setAttribute('href', '/@tomas.climbs');
        placeholder.querySelector('[data-e2e="desc-span-0_-1"]')!.textContent = 'Bouldering V5 finally ';
        placeholder.querySelector('[data-e2e="like-count"]')!.textContent = '731';
      }, 150);
      window.scrollBy(0, 900);
    });
    const filled = await waitFor(
      async () => (await tiktokPosts()).find((p) => p.key === 'tiktok:7442233445566778899'),
      'the filled placeholder',
    );
    expect(filled).toMatchObject({ author: 'tomas.climbs', latest: { likes: { precision: 'exact', value: 731 } } });

    // …recycles the first article for another post that carries no id…
    await page.evaluate(() => {
      const recycled = document.querySelector('article[data-scroll-index="0"]')!;
      recycled.querySelector('[id^="xgwrapper-"]')!.remove();
      for (const a of recycled.querySelectorAll('a[href="/@mika.moves"]')) a.setAttribute('href', '/@yuki.draws');
      recycled.querySelector('[data-e2e="desc-span-0_-1"]')!.textContent = 'Speed sketch of a heron ';
      recycled.querySelector('[data-e2e="like-count"]')!.textContent = '2.2K';
      recycled
        .querySelector('[data-e2e="music"], [data-e2e="video-music"]')!
        .setAttribute('href', '/music/original-sound-7442000000000000001');
    });
    const yuki = await waitFor(
      async () => byAuthor(await tiktokPosts(), 'yuki.draws')[0],
      'the recycled article’s post',
    );
    expect(yuki.key).toMatch(/^tiktok:fyp:yuki\.draws:[0-9a-f]{8}$/);
    expect(yuki.latest.likes).toMatchObject({ precision: 'rounded', value: 2200 });

    // …and updates a count in place: a second snapshot for that post, none for the others.
    await page.evaluate(() => {
      document.querySelector('article[data-scroll-index="1"] [data-e2e="comment-count"]')!.textContent = '8744';
    });
    const snapshots = await waitFor(async () => {
      const mine = (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) => s.post === noId!.key);
      return mine.length === 2 ? mine : undefined;
    }, 'a second snapshot after the comment count changed');
    expect(snapshots.map((s) => s.counts.replies)).toEqual([
      { precision: 'exact', value: 8743 },
      { precision: 'exact', value: 8744 },
    ]);

    // mika.moves' post keeps what it showed: the recycled article did not overwrite it.
    const all = await tiktokPosts();
    expect(all.find((p) => p.key === 'tiktok:7441122334455667788')?.latest.likes).toMatchObject({ value: 48900 });
    // Nowhere a zero that no page showed.
    for (const post of all) {
      for (const count of Object.values(post.latest)) expect(count).not.toMatchObject({ value: 0 });
    }
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads a video page: the page’s video under the id in the address', async () => {
    await harness.open('https://www.tiktok.com/@lena.kocht/video/7450011223344556677');
    const posts = await waitFor(async () => {
      const all = await tiktokPosts();
      return ['7450011223344556677', '7449988776655443322'].every((id) => all.some((p) => p.key === `tiktok:${id}`))
        ? all
        : undefined;
    }, 'both videos of the page');
    expect(posts.find((p) => p.key === 'tiktok:7450011223344556677')).toMatchObject({
      author: 'lena.kocht',
      latest: {
        likes: { precision: 'rounded', value: 1_200_000 },
        replies: { precision: 'exact', value: 12345 },
      },
    });
    expect(harness.strayRequests).toEqual([]);
  });
});
