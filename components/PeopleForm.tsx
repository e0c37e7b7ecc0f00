/**
 * Names "my accounts" and peers for one platform, saved to settings (synced across the user's
 * browsers). Handles are typed as the site shows them; "@" and case do not matter.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PlatformId } from '@/lib/model';
import { normalizeHandle, type Settings } from '@/lib/settings/settings';

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
      aria-label={`Accounts and peers on ${props.platformName}`}
    >
      <label>
        My accounts on {props.platformName}
        <textarea
          name="accounts"
          value={accounts}
          onInput={(e) => setAccounts(e.currentTarget.value)}
          placeholder="yourhandle"
        />
      </label>
      <label>
        Peers on {props.platformName} (empty: everyone Feedlens has seen there)
        <textarea
          name="peers"
          value={peers}
          onInput={(e) => setPeers(e.currentTarget.value)}
          placeholder="peer1, peer2"
        />
      </label>
      <p class="form-actions">
        <button type="submit" class="button">
          Save
        </button>{' '}
        {status === 'saved' && <span role="status">Saved.</span>}
        {status === 'error' && <span role="alert">Could not save; nothing was changed.</span>}
      </p>
    </form>
  );
}
