import { useEffect, useState } from 'preact/hooks';
import { ExportButton } from '@/components/ExportButton';
import { ImportForm } from '@/components/ImportForm';
import { MastodonServers } from '@/components/MastodonServers';
import { Switch } from '@/components/Switch';
import { ADAPTERS } from '@/lib/platforms/registry';
import { HIDE_METRICS, type HideMetric } from '@/lib/platforms/types';
import type { Settings } from '@/lib/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '@/lib/settings-store';
import type { FeedlensDatabase } from '@/lib/storage/db';

const METRIC_LABELS: Record<HideMetric, string> = {
  likes: 'Likes and reactions',
  reposts: 'Reposts, shares and quotes',
  replies: 'Replies and comments',
  views: 'Views and plays',
  bookmarks: 'Bookmarks and saves',
  followers: 'Follower and following counts',
};

export function OptionsApp(props: { db: FeedlensDatabase }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return <main class="options" aria-busy="true" />;
  const hide = settings.hide;
  const change = (edit: (hide: Settings['hide']) => Settings['hide']) =>
    void updateSettings((s) => ({ ...s, hide: edit(s.hide) }));

  return (
    <main class="options">
      <h1>Feedlens settings</h1>
      <section aria-labelledby="hide-heading">
        <h2 id="hide-heading">Hide like counts</h2>
        <Switch
          label="Hiding"
          description="The main switch. Off shows every count everywhere; your per-site choices are kept."
          checked={hide.enabled}
          onChange={(on) => change((h) => ({ ...h, enabled: on }))}
        />
        <h3>Sites</h3>
        <div class="grid">
          {ADAPTERS.map((adapter) => (
            <Switch
              key={adapter.id}
              label={adapter.name}
              checked={hide.sites[adapter.id]}
              onChange={(on) => change((h) => ({ ...h, sites: { ...h.sites, [adapter.id]: on } }))}
            />
          ))}
        </div>
        <h3>Counts to hide</h3>
        <div class="grid">
          {HIDE_METRICS.map((metric) => (
            <Switch
              key={metric}
              label={METRIC_LABELS[metric]}
              checked={hide.metrics[metric]}
              onChange={(on) => change((h) => ({ ...h, metrics: { ...h.metrics, [metric]: on } }))}
            />
          ))}
        </div>
      </section>
      <MastodonServers />
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          Everything Feedlens reads stays in this browser. Export it as one JSON file (its format is described in the
          README), or import an export from another browser.
        </p>
        <p>
          <ExportButton db={props.db} label="Export all data" />
        </p>
        <ImportForm db={props.db} />
      </section>
    </main>
  );
}
