/**
 * Real Firefox (over WebDriver BiDi, driven by puppeteer-core) with the built Firefox extension
 * installed as a temporary add-on, and the sites' addresses served from the project's fixtures.
 *
 * Nothing leaves the machine: every page's requests are intercepted (served, or refused and
 * recorded), and Firefox's own traffic goes to a proxy on the loopback interface that answers
 * nothing and records what reached it. Firefox's background services are switched off by
 * preference, so a test can assert that neither list has anything in it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { PlatformId } from '../../lib/model';
import type { Settings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { waitFor } from '../browser/harness';
import { browserPath } from '../find-browser';
import { fixturePages } from '../fixture-pages';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built Firefox extension (FEEDLENS_OUTDIR as in wxt.config.ts). */
export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.FEEDLENS_OUTDIR ?? '.output', 'firefox-mv3');

/** Preferences that keep Firefox quiet: no update, telemetry, remote settings or safe-browsing traffic. */
function quietPreferences(proxyPort: number): Record<string, unknown> {
  return {
    // Read only with MOZ_REMOTE_SETTINGS_DEVTOOLS set (see launch): remote settings fetch nothing.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'app.update.auto': false,
    'app.update.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.trr.mode': 5,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.topsites.contile.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'geo.provider.network.url': '',
    'messaging-system.rsexperimentloader.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    // Anything still sent goes to our recording proxy, never out.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

/** A proxy that answers nobody and remembers the first line of every request ("CONNECT host:443"). */
async function recordingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((socket) => {
    socket.once('data', (data) => {
      seen.push(data.toString('latin1').split('\r\n')[0]!);
      socket.destroy();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

export interface FirefoxHarness {
  browser: Browser;
  /** `moz-extension://<uuid>`. */
  origin: string;
  /** Requests that were neither to the extension nor to a served page: should stay empty. */
  strayRequests(): string[];
  serve(url: string, html: string): void;
  /** Opens `url` in a new tab; `beforeLoad` scripts run in the page before any of its own. */
  open(url: string, ...beforeLoad: string[]): Promise<Page>;
  /** An extension page in a new tab, e.g. 'popup.html?tabId=3'. */
  extensionPage(path: string): Promise<Page>;
  /** Runs `fn` in an extension page (all of `browser.*` and the extension's IndexedDB). */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  saveSettings(settings: Settings): Promise<void>;
  storeContents<T = unknown>(store: 'posts' | 'snapshots'): Promise<T[]>;
  storedPosts(platform: PlatformId, check: (posts: PostRecord[]) => boolean, what: string): Promise<PostRecord[]>;
  /** Firefox's id for the tab showing `url`. */
  tabId(url: string): Promise<number>;
  close(): Promise<void>;
}

const NOT_FOUND =
  '<!doctype html><html lang="en"><head><title>Not found</title></head><body><p>Not served by the test.</p></body></html>';

/**
 * Opens an extension page. Firefox reports no load event to BiDi for moz-extension:// documents,
 * so the navigation is started, the document waited for, and the hanging wait then abandoned.
 */
async function gotoExtension(page: Page, url: string): Promise<void> {
  const abandon = new AbortController();
  void page.goto(url, { signal: abandon.signal }).catch(() => {});
  await page.waitForFunction(
    (href) => location.href === href && document.readyState === 'complete',
    { polling: 100, timeout: 30_000 },
    url,
  );
  abandon.abort();
}

export async function launchFirefox(options: { headless?: boolean } = {}): Promise<FirefoxHarness> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const geckoId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const proxy = await recordingProxy();
  const browser = await launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: options.headless ?? true,
    defaultViewport: { width: 1100, height: 900 },
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...quietPreferences(proxy.port),
      // A known extension origin instead of a random one.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
  const origin = `moz-extension://${uuid}`;
  // A new install opens the welcome page (lib/background/first-run.ts), in Firefox as in Chromium;
  // closed here so that each test starts with the tabs it opens itself.
  // Its tab's url() stays about:blank (BiDi reports no navigation into moz-extension:// pages), so
  // each tab is asked where it is.
  const welcome = await waitFor(
    async () => {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === `${origin}/welcome.html`) return page;
      }
      return undefined;
    },
    'the welcome page',
    30_000,
  );
  await welcome.close();

  const pages = new Map(fixturePages().map((page) => [page.url, page.html]));
  const siteHosts = new Set([...pages.keys()].map((url) => new URL(url).hostname));
  const strays: string[] = [];
  const answer = (request: HTTPRequest) => {
    const url = request.url();
    if (/^(moz-extension|data|blob|about):/.test(url)) return void request.continue();
    const parsed = new URL(url);
    const html =
      pages.get(`${parsed.origin}${parsed.pathname}${parsed.search}`) ??
      pages.get(`${parsed.origin}${parsed.pathname}`);
    if (html !== undefined)
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    // Firefox asks each site for its favicon by itself: that is the browser's request, not the page's.
    const favicon = parsed.pathname === '/favicon.ico';
    if (siteHosts.has(parsed.hostname) && (request.isNavigationRequest() || favicon)) {
      return void request.respond({ status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND });
    }
    strays.push(url);
    return void request.abort();
  };
  const newTab = async (opts?: Parameters<Browser['newPage']>[0]) => {
    const page = await browser.newPage(opts);
    await page.setRequestInterception(true);
    page.on('request', answer);
    return page;
  };

  // The extension page the harness works through, in a window of its own so that the page under
  // test stays the active tab of the main window (Firefox throttles background tabs).
  const helper = await newTab({ type: 'window', background: true });
  await gotoExtension(helper, `${origin}/options.html`);

  const harness: FirefoxHarness = {
    browser,
    origin,
    strayRequests: () => [...strays, ...proxy.seen],
    serve(url, html) {
      pages.set(url, html);
      siteHosts.add(new URL(url).hostname);
    },
    async open(url, ...beforeLoad) {
      const page = await newTab();
      for (const script of beforeLoad) await page.evaluateOnNewDocument(script);
      await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = await newTab();
      await gotoExtension(page, `${origin}/${path}`);
      return page;
    },
    inExtension: (fn, arg) => helper.evaluate(fn as (arg: unknown) => never, arg),
    async saveSettings(settings) {
      await harness.inExtension(async (value) => {
        const { browser: api } = globalThis as unknown as {
          browser: { storage: { sync: { set(v: object): Promise<void> } } };
        };
        await api.storage.sync.set({ settings: value });
      }, settings);
    },
    storeContents<T>(store: 'posts' | 'snapshots') {
      return harness.inExtension(async (name) => {
        // Never open (and so create) the database before the background has.
        if (!(await indexedDB.databases()).some((db) => db.name === 'feedlens')) return [];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('feedlens');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!db.objectStoreNames.contains(name)) return [];
          return await new Promise<T[]>((resolve, reject) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as T[]);
            request.onerror = () => reject(request.error);
          });
        } finally {
          db.close();
        }
      }, store);
    },
    storedPosts(platform, check, what) {
      return waitFor(async () => {
        const stored = (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === platform);
        return check(stored) && stored;
      }, what);
    },
    async tabId(url) {
      const id = await harness.inExtension(async (href) => {
        const { browser: api } = globalThis as unknown as {
          browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        };
        return (await api.tabs.query({})).find((tab) => tab.url === href)?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async close() {
      await browser.close();
      proxy.server.close();
    },
  };
  return harness;
}
