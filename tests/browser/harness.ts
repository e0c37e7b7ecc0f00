/**
 * Real Chromium with the built extension loaded, and the sites' addresses served from the
 * project's fixtures: content scripts run exactly as they would on the live sites, and nothing
 * leaves the machine (any other request is refused and recorded, so a test can assert there was
 * none).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PagePostsReply, ReaderStats } from '../../lib/messages/page-queries';
import type { PlatformId } from '../../lib/model';
import type { Settings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { browserPath } from '../find-browser';
import { fixturePages } from '../fixture-pages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built extension (FEEDLENS_OUTDIR as in wxt.config.ts). */
export const EXTENSION_DIR = join(ROOT, process.env.FEEDLENS_OUTDIR ?? '.output', 'chrome-mv3');

/** Chromium to drive: `CHROME_PATH` if set, else one found or installed (tests/find-browser.ts). */
export function chromePath(): string {
  return browserPath('chrome');
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Requests that were neither to the extension nor to a served page: should stay empty. */
  strayRequests: string[];
  /** Serves `html` at `url` (overrides a fixture). */
  serve(url: string, html: string): void;
  open(url: string): Promise<Page>;
  /** An extension page, e.g. 'popup.html?tabId=3'. */
  extensionPage(path: string): Promise<Page>;
  /** Runs `fn` in the extension's service worker. */
  inBackground<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Saves settings where the options page does (open tabs and the background react as they would). */
  saveSettings(settings: Settings): Promise<void>;
  /** Every record of an IndexedDB store in the extension's origin. */
  storeContents<T = unknown>(store: 'posts' | 'snapshots'): Promise<T[]>;
  /** Waits until the post with this key is in the store, and returns its record. */
  storedPost(key: string): Promise<PostRecord>;
  /** Waits until the platform's stored posts pass `check`, and returns them. */
  storedPosts(platform: PlatformId, check: (posts: PostRecord[]) => boolean, what: string): Promise<PostRecord[]>;
  /** Opens a page and returns it with the tab id Chromium gave it (for `popup.html?tabId=`). */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /**
   * Stops the extension's service worker (CDP `ServiceWorker.stopWorker`, through `page`'s
   * session), as Chrome stops an idle one; the next event starts it again. Resolves once stopped.
   */
  stopServiceWorker(page: Page): Promise<void>;
  /** A tab's reader statistics, delivery included (what the popup's diagnostics ask). */
  readerStats(tabId: number): Promise<ReaderStats>;
  /** What the tab's reader has read on its page (what the popup asks for). */
  pagePosts(tabId: number): Promise<PagePostsReply>;
  /**
   * Waits until the tab's reader has read `atLeast` posts of its page, has nothing left to read or
   * hand over, and the background has answered everything sent: for tests that check something did
   * *not* happen, instead of a fixed sleep.
   */
  settled(tabId: number, atLeast?: number): Promise<void>;
  close(): Promise<void>;
}

/** The bit of the extension API the harness calls inside the service worker. */
interface ChromeGlobal {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(id: number, m: object): Promise<unknown>;
    };
  };
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

const NOT_FOUND =
  '<!doctype html><html lang="en"><head><title>Not found</title></head><body><p>Not served by the test.</p></body></html>';

export async function launch(
  options: {
    headless?: boolean;
    slowMo?: number;
    /** Reuse (and keep) this profile directory. */ profile?: string;
    /** Load this unpacked extension instead of Feedlens's build (the bench's minimal reader). */
    extensionDir?: string;
    /** The browser's UI language ("de"): Chromium's --lang, and LANGUAGE for its Linux builds. */
    language?: string;
    /** Leave the welcome page a fresh install opens (closed otherwise, so tests start with no tab of ours). */
    keepWelcome?: boolean;
  } = {},
): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'feedlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    slowMo: options.slowMo,
    viewport: { width: 1100, height: 900 },
    ...(options.language && {
      locale: options.language,
      env: { ...process.env, LANGUAGE: options.language, LANG: `${options.language}.UTF-8` },
    }),
    args: [
      ...(options.language ? [`--lang=${options.language}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });

  const pages = new Map(fixturePages().map((page) => [page.url, page.html]));
  const strayRequests: string[] = [];
  const siteHosts = new Set(fixturePages().map((page) => new URL(page.url).hostname));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const parsed = new URL(url);
    const key = `${parsed.origin}${parsed.pathname}${parsed.search}`;
    const html = pages.get(key) ?? pages.get(`${parsed.origin}${parsed.pathname}`);
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (siteHosts.has(parsed.hostname) && route.request().isNavigationRequest()) {
      return route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND });
    }
    strayRequests.push(url);
    return route.abort();
  });

  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.profile && !options.keepWelcome) await closeWelcome(context, extensionId);

  const harness: Harness = {
    context,
    extensionId,
    serviceWorker,
    strayRequests,
    serve(url, html) {
      pages.set(url, html);
      siteHosts.add(new URL(url).hostname);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    inBackground<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
      return serviceWorker.evaluate(fn as (arg: unknown) => Promise<T>, arg);
    },
    async saveSettings(settings) {
      await serviceWorker.evaluate(async (value) => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        };
        await chrome.storage.sync.set({ settings: value });
      }, settings);
    },
    async storeContents<T>(store: 'posts' | 'snapshots') {
      // Read from the service worker (same origin as the store), not from a helper tab: opening a
      // tab would send the page under test to the background, where Chromium throttles its frames
      // to one a second and skips its rendering.
      return serviceWorker.evaluate(
        (name) =>
          new Promise<T[]>((resolvePromise, reject) => {
            const open = indexedDB.open('feedlens');
            // Not there yet: never create it (the background's upgrade would then start from an
            // empty version 1 instead of nothing).
            let missing = false;
            open.onupgradeneeded = () => {
              missing = true;
              open.transaction?.abort();
            };
            open.onerror = () => (missing ? resolvePromise([]) : reject(open.error));
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains(name)) {
                db.close();
                resolvePromise([]);
                return;
              }
              const request = db.transaction(name).objectStore(name).getAll();
              request.onsuccess = () => {
                db.close();
                resolvePromise(request.result as T[]);
              };
              request.onerror = () => reject(request.error);
            };
          }),
        store,
      );
    },
    storedPost(key) {
      return waitFor(
        async () => (await harness.storeContents<PostRecord>('posts')).find((p) => p.key === key),
        `${key} in IndexedDB`,
      );
    },
    storedPosts(platform, check, what) {
      return waitFor(async () => {
        const stored = (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === platform);
        return check(stored) && stored;
      }, what);
    },
    async openTab(url) {
      // Tabs on sites without host permission hide their address from the extension, so the new
      // tab is found as the one id that was not there before.
      const tabIds = () =>
        serviceWorker.evaluate(async () => {
          const { chrome } = globalThis as unknown as ChromeGlobal;
          return (await chrome.tabs.query({})).map((t) => t.id!);
        }, null);
      const before = new Set(await tabIds());
      const page = await context.newPage();
      const after = await tabIds();
      const tabId = after.find((id) => !before.has(id));
      if (tabId === undefined) throw new Error('could not find the new tab');
      await page.goto(url);
      return { page, tabId };
    },
    async stopServiceWorker(page) {
      const cdp = await context.newCDPSession(page);
      try {
        let version: WorkerVersion | undefined;
        // Pages sending readings start it again at once: seeing it stopped once is enough.
        let stopped = false;
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
          const ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
          if (!ours) return;
          if (version && ours.runningStatus === 'stopped') stopped = true;
          version ??= ours;
        });
        await cdp.send('ServiceWorker.enable');
        const { versionId } = await waitFor(() => version, 'the service worker to be listed');
        await cdp.send('ServiceWorker.stopWorker', { versionId });
        await waitFor(() => stopped, 'the service worker to stop');
      } finally {
        await cdp.detach();
      }
    },
    async readerStats(tabId) {
      return (await serviceWorker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        return chrome.tabs.sendMessage(id, { type: 'reader-stats' });
      }, tabId)) as ReaderStats;
    },
    async pagePosts(tabId) {
      return (await serviceWorker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        return chrome.tabs.sendMessage(id, { type: 'page-posts' });
      }, tabId)) as PagePostsReply;
    },
    async settled(tabId, atLeast = 1) {
      await waitFor(async () => {
        const [posts, stats] = await Promise.all([harness.pagePosts(tabId), harness.readerStats(tabId)]);
        return posts.keys.length >= atLeast && stats.unsent === 0 && (stats.delivery?.pending ?? 0) === 0;
      }, `the tab's reader to read ${atLeast}+ posts and hand everything over`);
    },
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;
const EXPIRED = Symbol('expired');

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    // A check that never settles (a message to a tab that never answers) must not outlive the deadline.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<typeof EXPIRED>((r) => (timer = setTimeout(() => r(EXPIRED), deadline - Date.now())));
    const result = await Promise.race([Promise.resolve(check()), expired]).finally(() => clearTimeout(timer));
    if (result === EXPIRED) throw new Error(`Timed out waiting for ${what} (the last check never answered)`);
    last = result;
    if (last) return last as Truthy<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/** Waits for the welcome tab a fresh profile's install opens, and closes it. */
async function closeWelcome(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const welcome = await waitFor(() => context.pages().find((page) => page.url() === url), 'the welcome page', 30_000);
  await welcome.close();
}
