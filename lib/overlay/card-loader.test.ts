/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import type { CardProps, CardRenderer } from './card';
import { CARD_RENDERER_KEY, injectedCardRenderer, lazyCardRenderer } from './card-loader';

const props = (onClose = vi.fn()) => ({ onClose }) as unknown as CardProps;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('the detail card’s code, loaded when the first card opens', () => {
  it('is not loaded while no card opens, and once for all the cards opened while it loads', async () => {
    const real = vi.fn<CardRenderer>();
    const loaded = deferred<CardRenderer>();
    const load = vi.fn(() => loaded.promise);
    const render = lazyCardRenderer(load);
    const [a, b, c] = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
    render(a, null);
    expect(load).not.toHaveBeenCalled();

    const first = props();
    const latest = props();
    render(a, first);
    render(b, props());
    render(a, latest);
    // Opened and closed again before the code arrived: never drawn.
    render(c, props());
    render(c, null);
    render(b, null);
    expect(load).toHaveBeenCalledTimes(1);
    loaded.resolve(real);
    await loaded.promise;
    await Promise.resolve();
    expect(real.mock.calls).toEqual([[a, latest]]);

    // Loaded: every later call goes straight to the real renderer.
    render(b, first);
    render(b, null);
    expect(real.mock.calls.slice(1)).toEqual([
      [b, first],
      [b, null],
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('closes the cards waiting when loading fails, says why, and tries again at the next opening', async () => {
    const failed = deferred<CardRenderer>();
    const real = vi.fn<CardRenderer>();
    const load = vi.fn().mockReturnValueOnce(failed.promise).mockResolvedValueOnce(real);
    const onError = vi.fn();
    const render = lazyCardRenderer(load, onError);
    const mount = document.createElement('div');
    const waiting = props();
    render(mount, waiting);
    failed.reject(new Error('no tab'));
    await failed.promise.catch(() => undefined);
    await Promise.resolve();
    expect(waiting.onClose).toHaveBeenCalledWith(false);
    expect(onError).toHaveBeenCalledWith(new Error('no tab'));

    const again = props();
    render(mount, again);
    await vi.waitFor(() => expect(real).toHaveBeenCalledWith(mount, again));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('finds the renderer card.js left on the world’s global object, and nothing else', () => {
    const renderer: CardRenderer = () => undefined;
    expect(injectedCardRenderer({ [CARD_RENDERER_KEY]: renderer })).toBe(renderer);
    expect(injectedCardRenderer({ [CARD_RENDERER_KEY]: 'not a function' })).toBeUndefined();
    expect(injectedCardRenderer({})).toBeUndefined();
  });
});
