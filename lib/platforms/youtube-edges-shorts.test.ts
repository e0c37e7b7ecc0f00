/** @vitest-environment happy-dom */
/**
 * YouTube's Shorts player, one case per rule, on small hand-written markup: which reel is read and
 * under which id (the address's, checked against the reel's own markup), and its likes and comments.
 * The watch page: youtube-edges.test.ts; list cards: youtube-edges-cards.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { youtube } from './youtube';

const ID = 'Ca1rD2vI3dE';
const NEXT = 'Ne4xT5sH6oR';

const a = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);
const scan = (html: string, url: URL) => youtube.scan(page('en', html), { url, locale: 'en' });

// The Shorts player: reels in slots beside their posters, each with an overlay of channel, title and action bar.
const overlay = ({
  like = 'like this video along with 12 thousand other people',
  likeText = '12K',
  comments = 'View 318 comments',
  commentsText = '318',
  text = 'Shaping a bâtard',
} = {}) =>
  `<ytd-reel-player-overlay-renderer><yt-reel-channel-bar-view-model><a href="https://www.youtube.com/@doughschool/shorts">@doughschool</a></yt-reel-channel-bar-view-model>` +
  `<yt-shorts-video-title-view-model><h2>${text}</h2></yt-shorts-video-title-view-model><reel-action-bar-view-model>` +
  `<like-button-view-model><label><button${a('aria-label', like)}></button><div>${likeText}</div></label></like-button-view-model>` +
  `<dislike-button-view-model><label><button aria-label="Dislike this video"></button><div>Dislike</div></label></dislike-button-view-model>` +
  `<button-view-model><label><button${a('aria-label', comments)}></button><div>${commentsText}</div></label></button-view-model>` +
  `<button-view-model><label><button aria-label="Share"></button><div>Share</div></label></button-view-model></reel-action-bar-view-model></ytd-reel-player-overlay-renderer>`;
interface ReelParts {
  active?: boolean;
  poster?: string;
  videoId?: string;
  inner?: string;
}
const reel = ({ active = false, videoId, inner = overlay() }: ReelParts = {}) =>
  `<ytd-reel-video-renderer${active ? ' is-active' : ''}${a('video-id', videoId)}><div id="player-container"></div>${inner}</ytd-reel-video-renderer>`;
const slot = (parts: ReelParts = {}) =>
  `<div class="slot">${parts.poster ? `<div style="background-image: url(&quot;https://i.ytimg.com/vi/${parts.poster}/frame0.jpg&quot;)"></div>` : ''}${reel(parts)}</div>`;
const shorts = (...slots: string[]) => `<ytd-shorts>${slots.join('')}</ytd-shorts>`;
const at = (id: string) => new URL(`https://www.youtube.com/shorts/${id}`);
const shortIds = (html: string, id: string) => [...new Set(scan(html, at(id)).readings.map((r) => r.postId))];

describe('YouTube Shorts: which reel', () => {
  it('reads the active reel under the address’s id, with channel, title, likes as a range and exact comments', () => {
    const result = scan(shorts(slot({ active: true, poster: ID })), at(ID));
    // The reel and its overlay both stand for the Short: read once each, the same.
    expect(result.readings).toHaveLength(2);
    expect(result.readings[1]).toEqual(result.readings[0]);
    expect(result.readings[0]).toEqual({
      platform: 'youtube',
      postId: ID,
      url: `https://www.youtube.com/shorts/${ID}`,
      author: 'doughschool',
      text: 'Shaping a bâtard',
      counts: {
        likes: { precision: 'rounded', value: 12000, min: 12000, max: 13000, raw: '12 thousand' },
        replies: { precision: 'exact', value: 318, raw: '318' },
      },
    });
    expect(result.problems).toEqual([]);
  });

  it('reads no reel outside /shorts/, nor one whose overlay has not loaded', () => {
    expect(scan(shorts(slot({ active: true })), new URL(`https://www.youtube.com/watch?v=${ID}`)).candidates).toBe(0);
    expect(scan(shorts(slot({ active: true, inner: '' })), at(ID)).candidates).toBe(0);
  });

  it('reads an overlay moved out of the reels as the Short in the address', () => {
    expect(shortIds(`<ytd-shorts>${overlay()}</ytd-shorts>`, ID)).toEqual([ID]);
  });

  it('waits while the reel’s own markup names another video: poster, video-id or the player in it', () => {
    expect(shortIds(shorts(slot({ active: true, poster: NEXT })), ID)).toEqual([]);
    expect(shortIds(shorts(slot({ active: true, videoId: NEXT })), ID)).toEqual([]);
    const player = `<a class="ytp-title-link" href="https://www.youtube.com/watch?v=${NEXT}"></a>`;
    expect(shortIds(shorts(slot({ active: true, inner: player + overlay() })), ID)).toEqual([]);
    // A /vi_webp/ poster counts too; a thumbnail inside the overlay (a linked Short) does not.
    const webp = `<div class="slot"><div style="background: url(https://i.ytimg.com/vi_webp/${NEXT}/frame0.webp)"></div>${reel({ active: true })}</div>`;
    expect(shortIds(shorts(webp), ID)).toEqual([]);
    const linked = overlay().replace(
      '<h2>',
      `<img style="background: url(https://i.ytimg.com/vi/${NEXT}/hq.jpg)"><h2>`,
    );
    expect(shortIds(shorts(slot({ active: true, poster: ID, inner: linked })), ID)).toEqual([ID]);
  });

  it('ignores an image under /vi/ that names no video', () => {
    const odd = `<div class="slot"><div style="background: url(https://i.ytimg.com/vi/default/x.jpg)"></div>${reel({ active: true })}</div>`;
    expect(shortIds(shorts(odd), ID)).toEqual([ID]);
  });

  it('uses a poster beside the reel only where its slot holds that reel alone', () => {
    const shared = `<div class="slot"><div style="background-image: url(https://i.ytimg.com/vi/${NEXT}/f.jpg)"></div>${reel({ active: true })}${reel()}</div>`;
    expect(shortIds(shorts(shared), ID)).toEqual([ID]);
  });

  it('skips every reel but the active one, and without is-active reads the one naming the address', () => {
    expect(shortIds(shorts(slot({ active: true, poster: ID }), slot({ poster: NEXT })), ID)).toEqual([ID]);
    expect(shortIds(shorts(slot({ poster: ID }), slot({ poster: NEXT })), NEXT)).toEqual([NEXT]);
    // One reel alone is the one on screen.
    expect(shortIds(shorts(slot()), ID)).toEqual([ID]);
  });

  it('reports reels it cannot tell apart rather than guessing', () => {
    const result = scan(shorts(slot(), slot()), at(ID));
    expect(result.readings).toEqual([]);
    expect(result.problems).toContainEqual({ field: 'id', selector: 'ytd-reel-video-renderer[is-active]' });
  });
});

describe('YouTube Shorts: counts', () => {
  const counts = (parts: Parameters<typeof overlay>[0]) => {
    const result = scan(`<ytd-shorts>${overlay(parts)}</ytd-shorts>`, at(ID));
    return { counts: result.readings[0]?.counts, problems: result.problems };
  };

  it('reads comments from the label, else the number shown; none where comments are off', () => {
    expect(counts({ comments: 'Comments', commentsText: '1.2K' }).counts!.replies).toMatchObject({
      min: 1200,
      max: 1300,
    });
    expect(counts({ comments: 'Comments are turned off', commentsText: 'Comments' })).toMatchObject({ problems: [] });
    expect(counts({ comments: 'Comments are turned off', commentsText: 'Comments' }).counts!.replies).toBeUndefined();
  });

  it('stores only what it read: no comments without a comments button, no likes from a button not ready', () => {
    const bare =
      '<ytd-reel-player-overlay-renderer><reel-action-bar-view-model><like-button-view-model><label><button></button><div>Like</div></label>' +
      '</like-button-view-model></reel-action-bar-view-model></ytd-reel-player-overlay-renderer>';
    const result = scan(bare, at(ID));
    expect(result.readings).toStrictEqual([
      { platform: 'youtube', postId: ID, url: `https://www.youtube.com/shorts/${ID}`, counts: {} },
    ]);
    expect(result.problems).toEqual([{ field: 'likes', selector: 'button[aria-label]' }]);
  });

  it('reports comment and like numbers it cannot read', () => {
    expect(counts({ comments: 'View 1,2,3 comments' }).problems).toEqual([
      { field: 'replies', selector: 'button[aria-label]', raw: 'View 1,2,3 comments' },
    ]);
    expect(counts({ comments: 'Comments', commentsText: '1,2,3' }).problems).toEqual([
      { field: 'replies', selector: 'label > div | #text', raw: '1,2,3' },
    ]);
    expect(counts({ like: 'Like', likeText: '1,2,3' }).problems).toEqual([
      { field: 'likes', selector: 'label > div | #text', raw: '1,2,3' },
    ]);
  });

  it('reads hidden likes as hidden, never 0', () => {
    expect(counts({ like: 'like this video', likeText: 'Like' }).counts!.likes).toEqual({
      precision: 'hidden',
      raw: 'Like',
    });
  });

  it('reads the 2022 overlay: #like-button, #comments-button, channel name and header', () => {
    const html =
      `<ytd-reel-player-overlay-renderer><ytd-reel-player-header-renderer><ytd-channel-name><a href="/@oldbaker">Old</a></ytd-channel-name><h2>Old Short</h2></ytd-reel-player-header-renderer>` +
      `<div id="like-button"><button aria-label="like this video along with 2,407 other people"></button><span id="text">2.4K</span></div>` +
      `<div id="comments-button"><button aria-label="Comments"></button><span id="text">1K</span></div></ytd-reel-player-overlay-renderer>`;
    expect(scan(html, at(ID)).readings).toMatchObject([
      {
        author: 'oldbaker',
        text: 'Old Short',
        counts: { likes: { precision: 'exact', value: 2407 }, replies: { precision: 'rounded', min: 1000, max: 2000 } },
      },
    ]);
  });

  it('skips an overlay not stamped yet, and reports one showing a Short without a like button it knows', () => {
    expect(scan('<ytd-reel-player-overlay-renderer> </ytd-reel-player-overlay-renderer>', at(ID)).candidates).toBe(0);
    const unknown = scan(
      '<ytd-reel-player-overlay-renderer><h2>A Short</h2></ytd-reel-player-overlay-renderer>',
      at(ID),
    );
    expect(unknown).toMatchObject({ readings: [], candidates: 1 });
    expect(unknown.problems).toEqual([
      { field: 'likes', selector: 'reel-action-bar-view-model like-button-view-model | #like-button' },
    ]);
  });
});
