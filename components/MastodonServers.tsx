import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  addInstance,
  grantedInstances,
  loadInstances,
  onInstancesChanged,
  removeInstance,
} from '@/lib/settings/mastodon-instances';
import { t } from '@/lib/ui/i18n';

interface Server {
  host: string;
  /** False when the user revoked the site's access in the browser: Feedlens is off there. */
  granted: boolean;
}

type Message = { kind: 'ok' | 'error'; text: string };

/** The options page's list of the user's own Mastodon servers, with add and remove. */
export function MastodonServers() {
  const [servers, setServers] = useState<Server[] | null>(null);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    const refresh = async () => {
      const [hosts, granted] = await Promise.all([loadInstances(), grantedInstances()]);
      setServers(hosts.map((host) => ({ host, granted: granted.includes(host) })));
    };
    void refresh();
    const onChange = () => void refresh();
    const stop = onInstancesChanged(onChange);
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      stop();
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  // Runs straight from the click: the browser shows its permission prompt only during a user gesture.
  const add = (value: string) =>
    void addInstance(value).then(
      (result) => {
        if (result.status === 'invalid') setMessage({ kind: 'error', text: result.error });
        else if (result.status === 'denied') {
          setMessage({ kind: 'error', text: t('prefs.mastodon.denied', { host: result.host }) });
        } else {
          setInput('');
          setMessage({ kind: 'ok', text: t('prefs.mastodon.added', { host: result.host }) });
        }
      },
      (error: unknown) => setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) }),
    );

  return (
    <section aria-labelledby="mastodon-heading">
      <h2 id="mastodon-heading">{t('prefs.mastodon.title')}</h2>
      <p>{t('prefs.mastodon.intro')}</p>
      <form
        class="mastodon-add"
        onSubmit={(e) => {
          e.preventDefault();
          add(input);
        }}
      >
        <label>
          {t('prefs.mastodon.address')}{' '}
          <input
            type="text"
            name="mastodon-server"
            placeholder="mastodon.example"
            autocomplete="off"
            spellcheck={false}
            value={input}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit" class="button">
          {t('prefs.mastodon.add')}
        </button>
      </form>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'notice notice-error' : 'notice notice-info'}
        >
          {message.text}
        </p>
      )}
      {servers && servers.length === 0 && <p>{t('prefs.mastodon.none')}</p>}
      {servers && servers.length > 0 && (
        <ul class="mastodon-servers" aria-label={t('prefs.mastodon.listLabel')}>
          {servers.map((server) => (
            <li key={server.host}>
              <span class="mastodon-server-host">{server.host}</span>
              {!server.granted && (
                <>
                  {' '}
                  {t('prefs.mastodon.revoked')}{' '}
                  <button type="button" class="button" onClick={() => add(server.host)}>
                    {t('prefs.mastodon.allowAgain')}
                  </button>
                </>
              )}{' '}
              <button
                type="button"
                class="button"
                aria-label={t('prefs.mastodon.removeHost', { host: server.host })}
                onClick={() => void removeInstance(server.host)}
              >
                {t('prefs.mastodon.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
