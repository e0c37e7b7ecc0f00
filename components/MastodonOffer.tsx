import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { addInstance } from '@/lib/settings/mastodon-instances';
import { t } from '@/lib/ui/i18n';

/**
 * The popup's small offer on an https site Feedlens does not know: it may be the user's own
 * Mastodon server. Adding it asks the browser for access to that one site.
 */
export function MastodonOffer(props: { host: string; tabId: number }) {
  const [state, setState] = useState<{ kind: 'idle' | 'added' | 'denied' } | { kind: 'error'; text: string }>({
    kind: 'idle',
  });
  // Runs straight from the click: the browser shows its permission prompt only during a user gesture.
  const add = () =>
    void addInstance(props.host).then(
      (result) =>
        setState(result.status === 'invalid' ? { kind: 'error', text: result.error } : { kind: result.status }),
      (error: unknown) => setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) }),
    );

  if (state.kind === 'added') {
    return (
      <Notice kind="info" title={t('prefs.offer.added', { host: props.host })}>
        {t('prefs.offer.reload')}{' '}
        <button type="button" class="button" onClick={() => void browser.tabs.reload(props.tabId)}>
          {t('prefs.offer.reloadTab')}
        </button>
      </Notice>
    );
  }
  return (
    <p class="mastodon-offer">
      <button type="button" class="button" onClick={add}>
        {t('prefs.offer.ask')}
      </button>
      {state.kind === 'denied' && <span role="status"> {t('prefs.offer.denied')}</span>}
      {state.kind === 'error' && <span role="alert"> {state.text}</span>}
    </p>
  );
}
