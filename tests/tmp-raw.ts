import { launch, waitFor } from './browser/harness';
import { writeExportFile } from './export-file';
const path = '/tmp/w1b/f.json';
await writeExportFile(path, { posts: 5000, perPost: 10 });
const h = await launch();
const page = await h.extensionPage('options.html');
h.serviceWorker.on('console', (m) => console.log('sw:', m.text()));
for (let round = 0; round < 2; round++) {
  const t = Date.now();
  await page.locator('input[type=file]').setInputFiles(path);
  await waitFor(async () => /Imported/.test((await page.locator('.import').textContent()) ?? ''), 'import', 600_000);
  console.log('import ms', Date.now() - t);
  const raw = await h.serviceWorker.evaluate(`(async () => {
    const open = (name, up) => new Promise((res, rej) => { const r = up ? indexedDB.open(name, 1) : indexedDB.open(name); r.onupgradeneeded = () => up?.(r.result); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const src = await open('feedlens');
    let t0 = performance.now();
    const posts = []; const snaps = [];
    for (const [store, out] of [['posts', posts], ['snapshots', snaps]]) {
      let lower;
      for (;;) { const tx = src.transaction(store); const page = await req(tx.objectStore(store).getAll(lower === undefined ? undefined : IDBKeyRange.lowerBound(lower, true), 2000)); if (!page.length) break; out.push(...page); const l = page[page.length - 1]; lower = store === 'posts' ? l.key : [l.post, l.at]; if (page.length < 2000) break; }
    }
    const readMs = performance.now() - t0;
    src.close();
    await new Promise((r) => { const d = indexedDB.deleteDatabase('rawbench'); d.onsuccess = d.onerror = r; });
    const dst = await open('rawbench', (db) => { const p = db.createObjectStore('posts', { keyPath: 'key' }); p.createIndex('a', ['platform', 'lastSeenAt']); p.createIndex('b', ['platform', 'author']); p.createIndex('c', ['platform', 'author', 'postedAt']); p.createIndex('d', ['platform', 'postedAt']); p.createIndex('e', 'thin'); db.createObjectStore('snapshots', { keyPath: ['post', 'at'] }); });
    t0 = performance.now();
    for (let i = 0; i < snaps.length; i += 5000) { const tx = dst.transaction(['posts', 'snapshots'], 'readwrite'); for (const s of snaps.slice(i, i + 5000)) tx.objectStore('snapshots').put(s); for (const p of posts.slice(i / 10, i / 10 + 500)) tx.objectStore('posts').put(p); await new Promise((r, j) => { tx.oncomplete = r; tx.onerror = j; }); }
    const writeMs = performance.now() - t0;
    dst.close();
    return { readMs, writeMs, posts: posts.length, snaps: snaps.length };
})()`);
  console.log(raw);
  await h.inBackground(async () => { /* clear */ await new Promise((r) => { const o = indexedDB.open('feedlens'); o.onsuccess = () => { const tx = o.result.transaction(['posts', 'snapshots'], 'readwrite'); tx.objectStore('posts').clear(); tx.objectStore('snapshots').clear(); tx.oncomplete = () => { o.result.close(); r(null); }; }; }); }, null);
}
await h.close();
