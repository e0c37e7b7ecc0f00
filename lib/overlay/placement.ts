/**
 * Where a post's badge goes: the adapter's anchor in the post, and how the host sits in it. A site
 * styles all matches of one selector alike, so each selector's layout is read once per page.
 */
import { anchorOf, hostModeOf } from './host';
import type { HostMode } from './styles';

export interface Place {
  anchor: Element;
  mode: HostMode;
}

export type Placer = (post: Element, host: Element | undefined) => Place | null;

/** Null when `host` is already in `post` (nothing to place). */
export function createPlacer(
  selectors: readonly string[] | undefined,
  modeOf: (anchor: Element) => HostMode = hostModeOf,
): Placer {
  const modes = new Map<string, HostMode>();
  return (post, host) => {
    if (host?.isConnected && post.contains(host)) return null;
    const { anchor, selector } = anchorOf(post, selectors);
    // Without an anchor of its own, a badge hangs below the post rather than over its last line
    // (usually its buttons): out of flow, after the post's content.
    if (!selector) return { anchor, mode: 'out' };
    let mode = modes.get(selector);
    if (!mode) modes.set(selector, (mode = modeOf(anchor)));
    return { anchor, mode };
  };
}
