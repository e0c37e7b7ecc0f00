/**
 * The content script's side of hiding: the live stylesheet and the token list on `<html>`.
 * Both exist from document start, before the page has painted anything. The stylesheet holds rules
 * only for the metrics hidden right now: selectors cost style-recalculation time on every change
 * of a busy feed, so a user who hides nothing pays nothing.
 */
import type { HideMetric, PlatformAdapter } from '../platforms/types';
import { COARSE_ATTR } from './coarse';
import { HIDE_ATTR, READY_ATTR, liveHideCss, type LiveHideOptions } from './css';

export interface LiveHiding {
  /** Hides exactly these metrics, with these exceptions, from the next frame on. */
  apply(metrics: readonly HideMetric[], options?: LiveHideOptions): void;
  /** Puts the stylesheet back if the page removed it (some apps rebuild `<head>`/`<html>` children). */
  ensureInstalled(): void;
  remove(): void;
}

export function installLiveHiding(
  doc: Document,
  adapter: Pick<PlatformAdapter, 'hide' | 'collapse' | 'shadowHide' | 'postSelector'>,
): LiveHiding {
  const style = doc.createElement('style');
  style.id = 'feedlens-hide';
  const root = doc.documentElement;
  root.append(style);
  let tokens: string | null = null;
  let coarseTokens = '';

  return {
    apply(metrics, options = {}) {
      const css = liveHideCss(adapter, metrics, options);
      if (style.textContent !== css) style.textContent = css;
      tokens = metrics.join(' ');
      coarseTokens = (options.coarse ?? []).join(' ');
      root.setAttribute(HIDE_ATTR, tokens);
      root.setAttribute(COARSE_ATTR, coarseTokens);
      root.setAttribute(READY_ATTR, '');
    },
    ensureInstalled() {
      if (!style.isConnected) root.append(style);
      if (tokens !== null && root.getAttribute(HIDE_ATTR) !== tokens) {
        root.setAttribute(HIDE_ATTR, tokens);
        root.setAttribute(COARSE_ATTR, coarseTokens);
        root.setAttribute(READY_ATTR, '');
      }
    },
    remove() {
      style.remove();
      root.removeAttribute(HIDE_ATTR);
      root.removeAttribute(COARSE_ATTR);
      root.removeAttribute(READY_ATTR);
    },
  };
}
