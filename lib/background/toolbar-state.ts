/**
 * The toolbar button shows, per tab, what Feedlens is doing there: reading posts, hiding counts,
 * paused (the page's layout was not recognized), nothing yet, or an unsupported site. Each tab's
 * reading status comes from its content script's `reader-health` messages (sent when it changes);
 * whether counts are hidden comes from the settings (a site's switch, a schedule, a snooze).
 *
 * The badge is a symbol, not a word, so it needs no translation and fits the badge's four
 * characters; the button's title says it in words.
 */
import { browser } from 'wxt/browser';
import type { ReaderStatus } from '../messages/page-store';
import type { PlatformId } from '../model';
import type { PlatformAdapter } from '../platforms/types';
import { hiddenMetrics, nextHidingChange, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { loadHealth, type HealthBySite } from './status-store';
import { t, type MessageKey } from '../ui/i18n';

export type ToolbarState = 'unsupported' | 'idle' | 'reading' | 'hidden' | 'paused';

export interface ToolbarLook {
  /** Badge text ('' for none). */
  text: string;
  color: string;
  title: string;
}

/** A paused reader is a problem the user may act on, so it shows before hiding; hiding before reading. */
export function toolbarState(site: { platform?: PlatformId; status?: ReaderStatus; hidden: boolean }): ToolbarState {
  if (!site.platform) return 'unsupported';
  if (site.status === 'paused') return 'paused';
  if (site.hidden) return 'hidden';
  return site.status === 'reading' ? 'reading' : 'idle';
}

// Colours with at least 4.5:1 contrast against the badge's white text.
const LOOKS: Record<ToolbarState, { text: string; color: string }> = {
  unsupported: { text: '', color: '#5f6368' },
  idle: { text: '', color: '#5f6368' },
  reading: { text: '●', color: '#1e7b34' },
  hidden: { text: '–', color: '#3b4fb8' },
  paused: { text: '!', color: '#a4480b' },
};

// With and without the site's name: a tab's site may be unknown for a moment (a restarted worker).
const TITLES: Record<Exclude<ToolbarState, 'unsupported'>, [MessageKey, MessageKey]> = {
  idle: ['prefs.toolbar.idleOn', 'prefs.toolbar.idle'],
  reading: ['prefs.toolbar.readingOn', 'prefs.toolbar.reading'],
  hidden: ['prefs.toolbar.hiddenOn', 'prefs.toolbar.hidden'],
  paused: ['prefs.toolbar.pausedOn', 'prefs.toolbar.paused'],
};

function toolbarTitle(state: ToolbarState, siteName?: string): string {
  if (state === 'unsupported') return t('prefs.toolbar.unsupported');
  const [named, unnamed] = TITLES[state];
  return siteName ? t(named, { site: siteName }) : t(unnamed);
}

export function toolbarLook(state: ToolbarState, siteName?: string): ToolbarLook {
  return { ...LOOKS[state], title: toolbarTitle(state, siteName) };
}

/** The part of `browser.action` the toolbar state uses. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface ToolbarDeps {
  action: ActionApi;
  adapterFor(url: string | undefined): Promise<Pick<PlatformAdapter, 'id' | 'name'> | undefined>;
  loadSettings(): Promise<Settings>;
  /** Each site's last known status, for a tab the tracker has not heard from (a restarted worker). */
  loadHealth(): Promise<HealthBySite>;
  now(): number;
}

interface TabEntry {
  url: string | undefined;
  platform?: PlatformId;
  name?: string;
  status?: ReaderStatus;
}

/** Keeps each tab's button up to date; the browser events are fed in by `startToolbarState`. */
export function createToolbarTracker(deps: ToolbarDeps) {
  const tabs = new Map<number, TabEntry>();
  let settings: Promise<Settings> | undefined;
  const currentSettings = () => (settings ??= deps.loadSettings());

  async function show(tabId: number, entry: TabEntry): Promise<void> {
    let status = entry.status;
    if (entry.platform && !status) status = (await deps.loadHealth())[entry.platform]?.status;
    const hidden = !!entry.platform && hiddenMetrics(await currentSettings(), entry.platform, deps.now()).length > 0;
    const look = toolbarLook(toolbarState({ platform: entry.platform, status, hidden }), entry.name);
    // A tab may close while this runs: the browser then refuses its id, which is not an error here.
    await Promise.all([
      deps.action.setBadgeText({ tabId, text: look.text }),
      deps.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      deps.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
      deps.action.setTitle({ tabId, title: look.title }),
    ]).catch(() => undefined);
  }

  async function entryFor(url: string | undefined, status?: ReaderStatus): Promise<TabEntry> {
    const adapter = await deps.adapterFor(url);
    return { url, ...(adapter ? { platform: adapter.id, name: adapter.name } : {}), ...(status ? { status } : {}) };
  }

  return {
    /** A content script in the tab reported its reading status. */
    async health(tabId: number, url: string | undefined, status: ReaderStatus): Promise<void> {
      const entry = await entryFor(url, status);
      tabs.set(tabId, entry);
      await show(tabId, entry);
    },
    /**
     * The tab's address changed (a load, or a single-page app's own navigation). A status from the
     * same site is kept (its script may go on reading the new page and reports only changes); on
     * another site it is forgotten. The browser may also reset a tab's badge on navigation, so it
     * is set again either way.
     */
    async navigated(tabId: number, url: string | undefined): Promise<void> {
      const known = tabs.get(tabId);
      const fresh = await entryFor(url);
      const entry = known && known.platform === fresh.platform ? { ...fresh, status: known.status } : fresh;
      tabs.set(tabId, entry);
      await show(tabId, entry);
    },
    removed(tabId: number): void {
      tabs.delete(tabId);
    },
    /** Settings changed, or a snooze or schedule boundary passed: every tab shown again. */
    async refresh(next?: Settings): Promise<void> {
      if (next) settings = Promise.resolve(next);
      await Promise.all([...tabs].map(([tabId, entry]) => show(tabId, entry)));
    },
    /** When hiding next starts or stops by itself (schedule, snooze), or null. */
    async nextChange(): Promise<number | null> {
      return nextHidingChange(await currentSettings(), deps.now());
    },
  };
}

/** Wires the tracker to the browser. `adapterFor` knows the Mastodon servers the user added. */
export function startToolbarState(adapterFor: ToolbarDeps['adapterFor']): void {
  const tracker = createToolbarTracker({
    action: browser.action as unknown as ActionApi,
    adapterFor,
    loadSettings,
    loadHealth,
    now: Date.now,
  });
  let wake: ReturnType<typeof setTimeout> | undefined;
  const refresh = async (next?: Settings) => {
    await tracker.refresh(next);
    // A worker may be stopped before this fires; the next event (a tab switch) shows it right then.
    clearTimeout(wake);
    const at = await tracker.nextChange();
    if (at !== null) wake = setTimeout(() => void refresh(), Math.max(0, at - Date.now()) + 50);
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const { type, status } = (message ?? {}) as { type?: unknown; status?: unknown };
    if (sender.id !== browser.runtime.id || type !== 'reader-health' || sender.tab?.id === undefined) return;
    if (status !== 'reading' && status !== 'paused' && status !== 'idle') return;
    void tracker.health(sender.tab.id, sender.url ?? sender.tab.url, status);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void tracker.navigated(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(() => void refresh());
  browser.tabs.onRemoved.addListener((tabId) => tracker.removed(tabId));
  onSettingsChanged((next) => void refresh(next));
  void refresh();
}
