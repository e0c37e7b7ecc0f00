import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { PostList } from '@/components/PostList';
import { SiteStatus } from '@/components/SiteStatus';
import { SiteHideControls } from '@/components/SiteHideControls';
import { WellbeingLine } from '@/components/WellbeingLine';
import { Totals } from '@/components/Totals';
import { ADAPTERS } from '@/lib/platforms/registry';
import { t } from '@/lib/ui/i18n';
import { formatList } from '@/lib/ui/format';
import { hidesFeedlensFigures, isSiteOff, type Settings } from '@/lib/settings/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '@/lib/settings/store';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { ExportButton } from '@/components/ExportButton';
import { MastodonOffer } from '@/components/MastodonOffer';
import { loadPopupData, popOut, targetTab, type PopupData } from './load';
import { loadAuthorPosts, orderPosts, type AuthorPosts, type PopupOrder } from './ranking';

/** How often the open popup refreshes the page's posts while the user keeps scrolling. */
const REFRESH_MS = 1500;

export function App(props: { db: FeedlensDatabase; now?: () => number }) {
  const now = props.now ?? Date.now;
  const [data, setData] = useState<PopupData | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [authors, setAuthors] = useState<AuthorPosts>(new Map());
  const authorsRef = useRef(authors);
  const [order, setOrder] = useState<PopupOrder>('doing');
  const [selected, setSelected] = useState<string | null>(null);
  /** "Show numbers anyway": for this popup session only, never saved. */
  const [showAnyway, setShowAnyway] = useState(false);

  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      const tab = await targetTab();
      const next = await loadPopupData(props.db, tab);
      // The authors' histories arrive with the posts, so the first list is already ranked.
      const known =
        next.kind === 'page' ? await loadAuthorPosts(props.db, next.posts, authorsRef.current) : authorsRef.current;
      if (!stopped) {
        authorsRef.current = known;
        setAuthors(known);
        setTabId(tab.id);
        setData(next);
      }
    };
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    void loadSettings().then((s) => !stopped && setSettings(s));
    const stopListening = onSettingsChanged((s) => setSettings(s));
    return () => {
      stopped = true;
      clearInterval(timer);
      stopListening();
    };
  }, [props.db]);

  useEffect(() => {
    // For the benchmark (tests/bench/dashboard.ts): when the first data was on screen.
    if (data && !performance.getEntriesByName('feedlens:popup-ready').length) performance.mark('feedlens:popup-ready');
  }, [data]);

  if (!data) return <main class="popup" aria-busy="true" />;

  if (data.kind === 'unsupported') {
    return (
      <main class="popup">
        <h1>Feedlens</h1>
        <div class="empty">
          <p>{t('popup.unsupported.sites', { sites: formatList(ADAPTERS.map((a) => a.name)) })}</p>
          <p>{t('popup.unsupported.howTo')}</p>
        </div>
        {data.offerHost && tabId !== undefined && <MastodonOffer host={data.offerHost} tabId={tabId} />}
        <footer class="popup-footer">
          <ExportButton db={props.db} />
          <PageLinks />
        </footer>
      </main>
    );
  }

  const { adapter } = data;
  const hideControls = (
    <SiteHideControls
      adapter={adapter}
      settings={settings}
      now={now()}
      save={(change) => void updateSettings(change)}
    />
  );
  // "Feedlens off here": nothing from this site is shown, only the way to switch it back on.
  if (settings && isSiteOff(settings, adapter.id)) {
    return (
      <main class="popup">
        <h1>
          Feedlens <span class="site">· {adapter.name}</span>
        </h1>
        {hideControls}
      </main>
    );
  }
  // Where counts are hidden, Feedlens's own numbers would bring the pressure back (issue 4).
  const figuresHidden = !!settings && hidesFeedlensFigures(settings, adapter.id, now()) && !showAnyway;
  return (
    <main class="popup">
      <h1>
        Feedlens <span class="site">· {adapter.name}</span>
      </h1>
      {hideControls}
      <WellbeingLine now={now} />
      {data.kind === 'not-connected' && (
        <Notice kind="info" title={t('popup.reload.title', { site: adapter.name })}>
          {t('popup.reload.body')}
        </Notice>
      )}
      {data.kind === 'page' && (
        <SiteStatus
          siteName={adapter.name}
          status={data.reply.status}
          {...(data.reply.diagnostic ? { diagnostic: data.reply.diagnostic } : {})}
          {...(data.site?.hidingFallback ? { hidingFallback: data.site.hidingFallback } : {})}
          version={browser.runtime.getManifest().version}
          browser={navigator.userAgent}
        />
      )}
      {data.kind === 'page' && data.storage?.error && (
        <Notice kind="error" title={t('popup.notSaving')}>
          {data.storage.error}
        </Notice>
      )}
      {data.kind === 'page' && data.posts.length === 0 && data.reply.status !== 'paused' && (
        <div class="empty">
          <p>{t('popup.noPosts.title')}</p>
          <p>{t('popup.noPosts.body', { site: adapter.name })}</p>
        </div>
      )}
      {data.kind === 'page' && data.posts.length > 0 && (
        <>
          {figuresHidden ? (
            <p class="figures-hidden" role="status">
              {t('popup.figuresHidden', { site: adapter.name })}{' '}
              <button type="button" class="link-button" onClick={() => setShowAnyway(true)}>
                {t('popup.showAnyway')}
              </button>
            </p>
          ) : (
            <>
              <Totals posts={data.posts.map((p) => p.latest)} platform={adapter.id} />
              <div class="order">
                <label>
                  {t('popup.order.label')}{' '}
                  <select
                    value={order}
                    onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as PopupOrder)}
                  >
                    <option value="doing">{t('popup.order.doing')}</option>
                    <option value="page">{t('popup.order.page')}</option>
                  </select>
                </label>
                {order === 'doing' && <p class="muted order-explain">{t('popup.order.explain')}</p>}
              </div>
            </>
          )}
          <PostList
            ranked={orderPosts(data.posts, authors, now(), figuresHidden ? 'page' : order)}
            now={now()}
            figures={!figuresHidden}
            selected={selected}
            onSelect={setSelected}
            db={props.db}
          />
        </>
      )}
      <footer class="popup-footer">
        <ExportButton db={props.db} />
        {tabId !== undefined && !location.search.includes('tabId') && (
          <button type="button" class="button" onClick={() => popOut(tabId)} title={t('popup.popOut.title')}>
            {t('popup.popOut.label')}
          </button>
        )}
        <PageLinks />
      </footer>
    </main>
  );
}

/** The dashboard and settings, reachable from every state of the popup (a site Feedlens does not read too). */
function PageLinks() {
  return (
    <>
      <a href="/dashboard.html" target="_blank">
        {t('common.dashboard')}
      </a>
      <a href="/options.html" target="_blank">
        {t('common.settings')}
      </a>
    </>
  );
}
