import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { addInstance } from '@/lib/settings/mastodon-instances';

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
      <Notice kind="info" title={`Feedlens now works on ${props.host}`}>
        Reload this tab to start reading it.{' '}
        <button type="button" class="button" onClick={() => void browser.tabs.reload(props.tabId)}>
          Reload tab
        </button>
      </Notice>
    );
  }
  return (
    <p class="mastodon-offer">
      <button type="button" class="button" onClick={add}>
        Is this your Mastodon server? Use Feedlens here
      </button>
      {state.kind === 'denied' && <span role="status"> Access was not allowed, so nothing changed.</span>}
      {state.kind === 'error' && <span role="alert"> {state.text}</span>}
    </p>
  );
}
