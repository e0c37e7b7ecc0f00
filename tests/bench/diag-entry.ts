import { x } from '../../lib/platforms/x';
import { findCounts } from '../../lib/numbers/parse-count';
import { postKey } from '../../lib/model';
(window as any).diag = () => {
  const posts = [...document.querySelectorAll('article[data-testid="tweet"]')];
  const env = { url: new URL(location.href), locale: 'en', now: Date.now() };
  const time = (f: () => void) => { const t = performance.now(); for (let r = 0; r < 5; r++) f(); return (performance.now() - t) / 5 / posts.length * 1000; };
  return {
    floor: time(() => { for (const p of posts) p.querySelector('[role="group"]')!.getAttribute('aria-label'); }),
    scan: time(() => x.scanPosts(posts, env)),
    findCounts: time(() => { for (const p of posts) findCounts(p.querySelector('[role="group"]')!.getAttribute('aria-label')!, 'en'); }),
    stringify: time(() => { for (const r of x.scanPosts(posts, env).readings) JSON.stringify([r.counts, r.author, r.postedAt, r.text]); }),
    qsAll: time(() => { for (const p of posts) { p.querySelectorAll('a[href*="/status/"] > time'); p.querySelectorAll('[data-testid="tweetText"]'); p.querySelectorAll('[role="group"][aria-label]'); } }),
    closest: time(() => { for (const p of posts) { const t = p.querySelector('time'); t?.parentElement?.closest('article[data-testid="tweet"], div[role="link"]'); } }),
    keys: time(() => { for (const p of posts) postKey({ platform: 'x', postId: '1' }); }),
  };
};
