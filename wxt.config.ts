import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { defineConfig } from 'wxt';
import { initialHideCss, initialHideCssPath } from './lib/hide/css';
import { ADAPTERS } from './lib/platforms/registry';
import { HIDE_METRICS } from './lib/platforms/types';

/** The add-on id Firefox and addons.mozilla.org know Feedlens by: never change it once published. */
export const GECKO_ID = 'feedlens@feedlens.app';
/**
 * Firefox 140 (an ESR) is the first to read `data_collection_permissions`; everything else Feedlens
 * uses is older (MV3 from 109, scripting.registerContentScripts from 102 with persistAcrossSessions
 * from 105). Firefox for Android reads the data-collection key from 142.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Toolbar and store icons, rendered from public/icon.svg at build time. */
const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPath = (size: number) => `icon/${size}.png`;
const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath(size)]));

let resvgReady: Promise<void> | undefined;

/**
 * The SVG at `size` px. The Chrome Web Store wants its 128 px icon as 96 px of art inside 16 px of
 * transparent margin (developer.chrome.com, "Supplying images"); toolbar sizes use the full square.
 * resvg runs as WebAssembly: nothing native to install, nothing downloaded.
 */
async function renderIcon(svg: string, size: number): Promise<Uint8Array> {
  resvgReady ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await resvgReady;
  const margin = size === 128 ? 16 : 0;
  const art = svg.replace(
    /^[\s\S]*?<svg\b/,
    `<svg x="${margin}" y="${margin}" width="${size - 2 * margin}" height="${size - 2 * margin}"`,
  );
  const framed = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${art}</svg>`;
  return new Resvg(framed).render().asPng();
}

export default defineConfig({
  // Explicit imports everywhere: a reader can grep where every name comes from.
  imports: false,
  // FEEDLENS_OUTDIR lets several builds (parallel test runs) live side by side.
  outDir: process.env.FEEDLENS_OUTDIR ?? '.output',
  // @wxt-dev/i18n turns locales/*.yml into _locales/<lang>/messages.json and types the keys.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // Vite's modulepreload polyfill fetch()es the page's own chunks; both browsers preload modules
    // natively, and without it the bundle holds no network call at all (checked by the store tests).
    // Oxc's minifier leaves each content script about 1.6 KB smaller than esbuild's (x.js 73.1 →
    // 71.5 KB). FEEDLENS_NO_MINIFY=1 keeps names readable for a CPU profile (tests/bench/profile.ts).
    build: { modulePreload: { polyfill: false }, minify: process.env.FEEDLENS_NO_MINIFY ? false : 'oxc' },
  }),
  manifest: ({ browser }) => ({
    // Name, description and command in the browser's language (locales/*.yml). The Chrome Web Store
    // refuses descriptions over 132 characters in any language: tests/store-checks.ts checks each one.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons,
    action: { default_icon: icons, default_title: 'Feedlens' },
    // storage: settings and the post store; scripting: registering the hide styles before pages load
    // (and the Mastodon script on added servers); activeTab: the popup may see the address of the tab
    // it was opened on, to offer "Is this your Mastodon server?" there; alarms: waking up when a
    // snooze ends or a hiding schedule starts or stops.
    permissions: ['storage', 'scripting', 'activeTab', 'alarms'],
    host_permissions: ADAPTERS.flatMap((adapter) => adapter.matches),
    // Mastodon runs on thousands of servers: each one the user adds is requested on its own
    // (https://<host>/*, see lib/settings/mastodon-instances.ts), so nothing beyond it is ever granted.
    optional_host_permissions: ['https://*/*'],
    commands: {
      'toggle-hiding': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHiding__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // Nothing leaves the browser: no data is collected or transmitted.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      },
    }),
  }),
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      // The pre-load hide stylesheets are generated from each adapter's selectors, one file per
      // site and metric, so the background can register exactly the metrics the user hides.
      for (const adapter of ADAPTERS) {
        for (const metric of HIDE_METRICS) {
          const contents = initialHideCss(adapter, metric);
          if (contents) files.push({ relativeDest: initialHideCssPath(adapter.id, metric), contents });
        }
      }
      // Generated files are text only, so the PNGs go through a folder of this build's own
      // (parallel builds never share one).
      const svg = readFileSync(join(wxt.config.publicDir, 'icon.svg'), 'utf8');
      const dir = mkdtempSync(join(tmpdir(), 'feedlens-icons-'));
      wxt.hooks.hookOnce('build:done', () => rmSync(dir, { recursive: true, force: true }));
      for (const size of ICON_SIZES) {
        const absoluteSrc = join(dir, `${size}.png`);
        writeFileSync(absoluteSrc, await renderIcon(svg, size));
        files.push({ absoluteSrc, relativeDest: iconPath(size) });
      }
    },
  },
  zip: { excludeSources: ['**/fixtures/**', 'tests/**'] },
});
