/**
 * Names "my accounts" and peers for one platform, saved to settings (synced across the user's
 * browsers). Handles are typed as the site shows them; "@" and case do not matter.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PlatformId } from '@/lib/model';
import { normalizeHandle, type Settings } from '@/lib/settings/settings';
import { t } from '@/lib/ui/i18n';

const split = (text: string) =>
  text
    .split(/[\s,]+/)
    .map(normalizeHandle)
    .filter(Boolean);

export function PeopleForm(props: {
  platform: PlatformId;
  platformName: string;
  settings: Settings;
  save(change: (s: Settings) => Settings): Promise<unknown>;
}) {
  const { platform } = props;
  const [accounts, setAccounts] = useState(props.settings.accounts[platform].join(', '));
  const [peers, setPeers] = useState(props.settings.peers[platform].join(', '));
  const [status, setStatus] = useState<'idle' | 'saved' | 'error'>('idle');
  useEffect(() => {
    setAccounts(props.settings.accounts[platform].join(', '));
    setPeers(props.settings.peers[platform].join(', '));
  }, [platform, props.settings]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await props.save((s) => ({
        ...s,
        accounts: { ...s.accounts, [platform]: split(accounts) },
        peers: { ...s.peers, [platform]: split(peers) },
      }));
      setStatus('saved');
    } catch {
      setStatus('error');
    }
  };
  return (
    <form
      class="people-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('prefs.people.formLabel', { site: props.platformName })}
    >
      <label>
        {t('prefs.people.accounts', { site: props.platformName })}
        <textarea
          name="accounts"
          value={accounts}
          onInput={(e) => setAccounts(e.currentTarget.value)}
          placeholder={t('prefs.people.accountsPlaceholder')}
        />
      </label>
      <label>
        {t('prefs.people.peers', { site: props.platformName })}
        <textarea
          name="peers"
          value={peers}
          onInput={(e) => setPeers(e.currentTarget.value)}
          placeholder={t('prefs.people.peersPlaceholder')}
        />
      </label>
      <p class="form-actions">
        <button type="submit" class="button">
          {t('prefs.people.save')}
        </button>{' '}
        {status === 'saved' && <span role="status">{t('prefs.people.saved')}</span>}
        {status === 'error' && <span role="alert">{t('prefs.people.failed')}</span>}
      </p>
    </form>
  );
}
