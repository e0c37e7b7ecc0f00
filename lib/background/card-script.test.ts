import { describe, expect, it, vi } from 'vitest';
import { x } from '../platforms/x';
import { createCardScriptListener, type CardScriptSender } from './card-script';

const ID = 'feedlens-id';
const fromX: CardScriptSender = {
  id: ID,
  url: 'https://x.com/home',
  frameId: 3,
  tab: { id: 7, url: 'https://x.com/home' },
};

function listen(adapterFor = async (url?: string) => (url?.startsWith('https://x.com/') ? x : undefined)) {
  const inject = vi.fn(async () => undefined);
  const listener = createCardScriptListener({ extensionId: ID, adapterFor, inject });
  const ask = (message: unknown, sender: CardScriptSender) =>
    new Promise<unknown>((resolve) => {
      if (listener(message, sender, resolve) !== true) resolve('left unanswered');
    });
  return { inject, ask };
}

describe('injecting the detail card’s code', () => {
  it('runs card.js in the asking frame of a supported site’s tab, then answers', async () => {
    const { inject, ask } = listen();
    expect(await ask({ type: 'card-script' }, fromX)).toEqual({ type: 'card-script', injected: true });
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameId: 3 });
  });

  it('leaves other messages, other senders and senders without a tab to the other listeners', async () => {
    const { inject, ask } = listen();
    expect(await ask({ type: 'post-stats', keys: [] }, fromX)).toBe('left unanswered');
    expect(await ask({ type: 'card-script', files: ['evil.js'] }, fromX)).toBe('left unanswered');
    expect(await ask({ type: 'card-script' }, { ...fromX, id: 'another-extension' })).toBe('left unanswered');
    expect(await ask({ type: 'card-script' }, { id: ID, url: 'chrome-extension://feedlens-id/popup.html' })).toBe(
      'left unanswered',
    );
    expect(inject).not.toHaveBeenCalled();
  });

  it('injects nothing into a page of a site Feedlens does not support', async () => {
    const { inject, ask } = listen();
    const elsewhere = { ...fromX, url: 'https://example.com/', tab: { id: 7, url: 'https://example.com/' } };
    expect(await ask({ type: 'card-script' }, elsewhere)).toEqual({ type: 'card-script', injected: false });
    expect(inject).not.toHaveBeenCalled();
  });

  it('answers that it could not when the browser refuses to inject', async () => {
    const { inject, ask } = listen();
    inject.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await ask({ type: 'card-script' }, fromX)).toEqual({ type: 'card-script', injected: false });
    expect(error).toHaveBeenCalled();
  });
});
