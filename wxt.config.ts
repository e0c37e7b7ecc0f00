import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { initialHideCss, initialHideCssPath } from './lib/hide/css';
import { ADAPTERS } from './lib/platforms/registry';
import { HIDE_METRICS } from './lib/platforms/types';

export default defineConfig({
  // Explicit imports everywhere: a reader can grep where every name comes from.
  imports: false,
  // FEEDLENS_OUTDIR lets several builds (parallel test runs) live side by side.
  outDir: process.env.FEEDLENS_OUTDIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Feedlens',
    description:
      'How posts are really doing (ratios, growth, peers) or no numbers at all: for X, Instagram, TikTok, YouTube, Facebook, LinkedIn, Reddit, Bluesky, Threads and Mastodon. Everything stays on your machine.',
    // storage: settings and the post store; scripting: registering the hide styles before pages load
    // (and the Mastodon script on added servers); activeTab: the popup may see the address of the tab
    // it was opened on, to offer "Is this your Mastodon server?" there; alarms: waking up when a
    // snooze ends or a hiding schedule starts or stops.
    permissions: ['storage', 'scripting', 'activeTab', 'alarms'],
    host_permissions: ADAPTERS.flatMap((adapter) => adapter.matches),
    // Mastodon runs on thousands of servers: each one the user adds is requested on its own
    // (https://<host>/*, see lib/mastodon-instances.ts), so nothing beyond it is ever granted.
    optional_host_permissions: ['https://*/*'],
    commands: {
      'toggle-hiding': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Hide or show counts on the current site',
      },
    },
  },
  hooks: {
    // The pre-load hide stylesheets are generated from each adapter's selectors, one file per
    // site and metric, so the background can register exactly the metrics the user hides.
    'build:publicAssets': (_wxt, files) => {
      for (const adapter of ADAPTERS) {
        for (const metric of HIDE_METRICS) {
          const contents = initialHideCss(adapter, metric);
          if (contents) files.push({ relativeDest: initialHideCssPath(adapter.id, metric), contents });
        }
      }
    },
  },
  zip: { excludeSources: ['**/fixtures/**', 'tests/**'] },
});
