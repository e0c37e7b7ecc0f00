/** @vitest-environment happy-dom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { defineAdapter } from '../platforms/define';
import { loadRealCapture, realCapturesAvailable, SKIP_NOTE } from '../platforms/real-captures';
import { ADAPTERS, adapterById } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { x } from '../platforms/x';
import { DRIFT_CHECK_MS, MIN_UNSEEN_POSTS, recognizeUnseenPosts } from './drift';
import { breakPosts } from '../../tests/site-change';
import { createPageReader, type PageReader } from './runner';

const FIXTURES = join(__dirname, '../platforms/fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (file: string) => parse(readFileSync(join(FIXTURES, file), 'utf8'));

/** The adapter after a site change its post selector missed: it finds no post at all. */
const broken = (adapter: PlatformAdapter) => defineAdapter({ ...adapter, postSelector: 'feedlens-no-such-post' });

describe('recognizers', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s declares how its posts look without its selectors', (_, a) => {
    expect(a.recognize?.length).toBeGreaterThan(0);
    for (const recognizer of a.recognize!) {
      expect(recognizer.name).not.toBe('');
      expect(() => document.querySelector(recognizer.selector)).not.toThrow();
    }
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s: a broken post selector leaves posts its recognizers see, and a working one none',
    (id, a) => {
      const own = fixtures.filter((f) => f.startsWith(`${id}-`));
      const unseen = (adapter: PlatformAdapter, file: string) => recognizeUnseenPosts(fixture(file), adapter).unseen;
      // Every page the adapter reads: its recognized posts are all inside the posts it finds.
      for (const file of own) expect(unseen(a, file), file).toBeLessThan(MIN_UNSEEN_POSTS);
      // With the selector broken, some fixture of the platform shows enough posts to notice.
      expect(Math.max(...own.map((file) => unseen(broken(a), file)))).toBeGreaterThanOrEqual(MIN_UNSEEN_POSTS);
    },
  );

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s: posts whose elements a redesign renamed are still recognized',
    (id, a) => {
      const own = fixtures.filter((f) => f.startsWith(`${id}-`));
      const unseen = own.map((file) => {
        const doc = fixture(file);
        breakPosts(doc, a);
        expect(doc.querySelector(a.postSelector), file).toBeNull();
        return recognizeUnseenPosts(doc, a).unseen;
      });
      expect(Math.max(...unseen)).toBeGreaterThanOrEqual(MIN_UNSEEN_POSTS);
    },
  );

  it('counts a post once however many marks it has, and not in hidden pages, sidebars or excluded areas', () => {
    const doc = parse(`<main>
      <div><a href="/a/status/1"><time>1h</time></a><a href="/a/status/1/analytics"><time>x</time></a></div>
      <div><a href="/b/status/2"><time>2h</time></a></div>
      <div hidden><a href="/c/status/3"><time>3h</time></a></div>
      <aside><a href="/d/status/4"><time>4h</time></a></aside>
      <article data-testid="tweet"><a href="/e/status/5"><time>5h</time></a></article>
      <div class="quote"><a href="/f/status/6"><time>6h</time></a></div>
    </main>`);
    const adapter = { ...x, recognize: [{ ...x.recognize![0]!, ignoreInside: '.quote' }] };
    expect(recognizeUnseenPosts(doc, adapter)).toEqual({
      recognized: [{ name: 'permalinks /status/<id> around a time', posts: 2 }],
      unseen: 2,
    });
  });
});

/** The two real pages (up to 2 MB: parsed once, and given time on a loaded machine). */
const REAL = { timeout: 60_000 };
const realPages = new Map<string, Document>();
const real = (platform: string, file: string) => {
  if (!realPages.has(file)) realPages.set(file, loadRealCapture(platform, file));
  return realPages.get(file)!;
};

describe.skipIf(!realCapturesAvailable)('the real pages whose post selector matched nothing', () => {
  it('recognizes TikTok’s 2022 For You feed by its data-e2e item hooks and like counts', REAL, () => {
    const report = recognizeUnseenPosts(
      real('tiktok', 'trex-tiktok-foryou-2022-03.html'),
      broken(adapterById('tiktok')!),
    );
    expect(report.unseen).toBe(9);
    expect(report.recognized.map((r) => r.posts)).toEqual([9, 9, 0]);
  });

  it('recognizes Reddit’s 2018–2023 redesign by its t3_ fullnames and permalinks', REAL, () => {
    const report = recognizeUnseenPosts(
      real('reddit', 'postlight-reddit-redesign-post-2022-11.html'),
      broken(adapterById('reddit')!),
    );
    // The post and the ten more beside it (one of them promoted, without a fullname).
    expect(report.recognized[0]!.posts).toBeGreaterThanOrEqual(MIN_UNSEEN_POSTS);
    expect(report.recognized[1]!.posts).toBeGreaterThanOrEqual(11);
  });
});
if (!realCapturesAvailable) console.warn(`drift on real pages ${SKIP_NOTE}`);

/** A page reader whose frames, send timers, drift timer and clock the test drives. */
function driven(adapter: PlatformAdapter) {
  let clock = Date.parse('2026-11-22T12:00:00Z');
  const frames: (() => void)[] = [];
  const driftTicks: (() => void)[] = [];
  const sent: PostReading[][] = [];
  const health: string[] = [];
  const reader = createPageReader({
    adapter,
    document,
    send: (readings) => sent.push(readings),
    onHealth: (status) => health.push(status),
    now: () => clock,
    requestFrame: (cb) => frames.push(cb),
    setTimer: (cb) => cb(),
    setDriftTimer: (cb, ms) => {
      expect(ms).toBe(DRIFT_CHECK_MS);
      driftTicks.push(cb);
    },
  });
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (frames.length) frames.shift()!();
  };
  /** Lets `seconds` of drift checks happen. */
  const wait = async (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      await settle();
      clock += DRIFT_CHECK_MS;
      const due = driftTicks.splice(0);
      for (const tick of due) tick();
    }
    await settle();
  };
  return { reader, sent, health, settle, wait, ticking: () => driftTicks.length > 0 };
}

function show(doc: Document): void {
  document.documentElement.setAttribute('lang', doc.documentElement.getAttribute('lang') ?? 'en');
  document.body.innerHTML = doc.body.innerHTML;
}

let reader: PageReader | undefined;
afterEach(() => reader?.stop());

describe('reading a page whose post selector finds nothing', () => {
  // An adapter expecting markup the page does not (yet) have.
  const renamed = defineAdapter({ ...x, postSelector: 'article[data-testid="tweet"][data-layout="2"]' });

  it('pauses within seconds with a diagnostic, then resumes by itself when posts are read again', async () => {
    show(fixture('x-home-timeline.html'));
    const h = driven(renamed);
    reader = h.reader;
    reader.start();
    await h.wait(2);
    expect(h.health, 'not judged before the grace period').toEqual([]);
    await h.wait(1);
    expect(h.health).toEqual(['paused']);
    expect(reader.diagnostic()).toMatchObject({
      reason: 'not-found',
      selector: 'post: article[data-testid="tweet"][data-layout="2"]',
      // Six posts, one of them an ad, which shows "Ad" where the others show their time.
      recognized: [{ name: 'permalinks /status/<id> around a time', posts: 5 }],
      candidates: 0,
      readings: 0,
      locale: 'en',
    });
    expect(h.ticking(), 'the whole-page check stops once paused').toBe(false);

    // A later render in markup the adapter knows: reading resumes, and the whole page is read.
    document.body.innerHTML = document.body.innerHTML.replaceAll(
      'data-testid="tweet"',
      'data-testid="tweet" data-layout="2"',
    );
    await h.settle();
    expect(h.health).toEqual(['paused', 'reading']);
    expect(h.sent.flat().map((r) => r.postId)).toHaveLength(6);
  });

  it('judges again after in-app navigation, and never a page with fewer posts than it takes', async () => {
    document.body.innerHTML =
      '<main><a href="/a/status/1"><time>1h</time></a><a href="/b/status/2"><time>2h</time></a></main>';
    const h = driven(renamed);
    reader = h.reader;
    reader.start();
    await h.wait(5);
    expect(h.health).toEqual([]);
    show(fixture('x-home-timeline.html'));
    reader.navigated();
    await h.wait(3);
    expect(h.health).toEqual(['paused']);
  });

  it('does not look at a page once it has read posts', async () => {
    show(fixture('x-home-timeline.html'));
    const h = driven(x);
    reader = h.reader;
    reader.start();
    await h.wait(1);
    expect(h.health).toEqual(['reading']);
    expect(h.ticking()).toBe(false);
  });

  it.skipIf(!realCapturesAvailable)('pauses on the real TikTok 2022 and Reddit redesign pages', REAL, async () => {
    for (const [platform, file] of [
      ['tiktok', 'trex-tiktok-foryou-2022-03.html'],
      ['reddit', 'postlight-reddit-redesign-post-2022-11.html'],
    ] as const) {
      show(real(platform, file));
      const h = driven(broken(adapterById(platform)!));
      reader = h.reader;
      reader.start();
      await h.wait(3);
      expect(h.health, file).toEqual(['paused']);
      expect(reader.diagnostic()?.reason).toBe('not-found');
      reader.stop();
    }
  });
});
