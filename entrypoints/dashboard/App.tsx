/**
 * The dashboard: my accounts against peers, engagement rate per author, any post's counts over
 * time, and published benchmarks for context, filtered by platform, author and dates. It reads
 * only bounded, indexed slices of the store (load.ts), and a post's history only when asked.
 */
import { useEffect, useState } from 'preact/hooks';
import { PeopleForm } from '@/components/PeopleForm';
import { AGES, type AgeId } from '@/lib/metrics/ages';
import { MEASURES, type Measure } from '@/lib/metrics/compare';
import { ageLabel } from '@/lib/metrics/format';
import { PLATFORM_IDS, isPlatformId, type PlatformId } from '@/lib/model';
import { adapterById } from '@/lib/platforms/registry';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '@/lib/settings/store';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { t } from '@/lib/ui/i18n';
import { measureLabel } from '@/lib/ui/labels';
import { choosePlatform, loadDashboard, rangeOf, type DashboardData } from './load';
import { BenchmarksSection, ComparisonSection, DistributionSection, HistorySection, PostsSection } from './sections';
import { SummarySection } from './summary';

interface Filters {
  platform: PlatformId;
  author: string;
  from: string;
  to: string;
  age: AgeId;
  measure: Measure;
}

const nameOf = (platform: PlatformId) => adapterById(platform)?.name ?? platform;

/** `#post=x:123` (from the popup) opens that post's history on its platform. */
function postFromHash(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('post');
  return key && isPlatformId(key.split(':')[0]) ? key : null;
}

export function DashboardApp(props: { db: FeedlensDatabase; hash?: string }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [seen, setSeen] = useState<Partial<Record<PlatformId, number>> | null>(null);
  const [filters, setFilters] = useState<Filters | null>(null);
  const [data, setData] = useState<DashboardData | null>(null);
  const [selected, setSelected] = useState<string | null>(() => postFromHash(props.hash ?? ''));

  useEffect(() => {
    let stopped = false;
    void loadSettings().then(async (s) => {
      const choice = await choosePlatform(props.db, s);
      if (stopped) return;
      const fromHash = selected?.split(':')[0] as PlatformId | undefined;
      const platform = fromHash ?? choice.platform;
      setSettings(s);
      setSeen(choice.seen);
      if (platform) setFilters({ platform, author: '', from: '', to: '', age: '24h', measure: 'interactions' });
    });
    const stop = onSettingsChanged(setSettings);
    return () => {
      stopped = true;
      stop();
    };
  }, [props.db]);

  useEffect(() => {
    if (!filters || !settings) return;
    let stopped = false;
    const range = rangeOf(filters.from, filters.to);
    void loadDashboard(props.db, settings, {
      platform: filters.platform,
      author: filters.author.trim().replace(/^@/, ''),
      range,
    }).then((next) => {
      // The benchmark splits the time to first data into reading (this mark) and drawing (the next).
      if (!performance.getEntriesByName('feedlens:dashboard-data').length) performance.mark('feedlens:dashboard-data');
      if (!stopped) setData(next);
    });
    return () => {
      stopped = true;
    };
  }, [props.db, settings, filters?.platform, filters?.author, filters?.from, filters?.to]);

  useEffect(() => {
    // For the benchmark (tests/bench/dashboard.ts): when the first data was on screen.
    if (data && !performance.getEntriesByName('feedlens:dashboard-ready').length)
      performance.mark('feedlens:dashboard-ready');
  }, [data]);

  if (!settings || !seen) return <main class="dashboard" aria-busy="true" />;
  if (!filters) {
    return (
      <main class="dashboard">
        <h1>{t('dash.title')}</h1>
        <div class="empty">
          <p>{t('dash.empty.title')}</p>
          <p>{t('dash.empty.body')}</p>
        </div>
      </main>
    );
  }

  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const platformName = nameOf(filters.platform);
  const section = data && {
    data,
    platform: filters.platform,
    platformName,
    handles: settings.accounts[filters.platform],
    age: filters.age,
    measure: filters.measure,
  };
  return (
    <main class="dashboard">
      <h1>{t('dash.title')}</h1>
      <form class="filters" aria-label={t('dash.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dash.filters.platform')}
          <select
            value={filters.platform}
            onChange={(e) => set({ platform: e.currentTarget.value as PlatformId, author: '' })}
          >
            {PLATFORM_IDS.filter((p) => seen[p] !== undefined || p === filters.platform).map((p) => (
              <option key={p} value={p}>
                {nameOf(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dash.filters.author')}
          <input
            name="author"
            type="search"
            value={filters.author}
            placeholder={t('dash.filters.everyone')}
            list="authors"
            onChange={(e) => set({ author: e.currentTarget.value })}
          />
          <datalist id="authors">
            {[...new Set(data?.posts.map((p) => p.author).filter(Boolean))].slice(0, 200).map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          {t('dash.filters.from')}
          <input name="from" type="date" value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('dash.filters.to')}
          <input name="to" type="date" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          {t('dash.filters.age')}
          <select value={filters.age} onChange={(e) => set({ age: e.currentTarget.value as AgeId })}>
            {AGES.map((a) => (
              <option key={a.id} value={a.id}>
                {ageLabel(a.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dash.filters.measure')}
          <select value={filters.measure} onChange={(e) => set({ measure: e.currentTarget.value as Measure })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {measureLabel(m)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!section ? (
        <p aria-busy="true">{t('dash.loading')}</p>
      ) : (
        <>
          <SummarySection posts={section.data.posts} cut={section.data.postsCut} platform={section.platform} />
          <ComparisonSection {...section} />
          <PostsSection {...section} selected={selected} onSelect={(p) => setSelected(p.key)} />
          <HistorySection db={props.db} postKey={selected} />
          <DistributionSection {...section} />
        </>
      )}
      <BenchmarksSection />
      <section id="people" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('dash.people.title')}</h2>
        <PeopleForm platform={filters.platform} platformName={platformName} settings={settings} save={updateSettings} />
      </section>
    </main>
  );
}
