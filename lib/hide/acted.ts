/**
 * "Hide until I act": a post's counts stay hidden until the user has liked, reposted or voted on
 * it, read from the site's own pressed state (adapter `acted` selectors), so other people's
 * numbers do not steer the choice (Reddit Enhancement Suite #847 asks for exactly this). Once
 * acted on, the post is marked with ACTED_ATTR and its counts stay visible for the rest of the
 * page's life, even if the like is taken back; the CSS exception works like the own-posts one.
 */
import type { PlatformAdapter } from '../platforms/types';

/** On a post element: the user has acted on it, so its counts show. */
export const ACTED_ATTR = 'data-feedlens-acted';

type ActedSource = Pick<PlatformAdapter, 'acted' | 'shadowHide'>;

function matchesIn(scope: Element | ShadowRoot, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return scope.querySelector(selector) !== null;
    } catch {
      return false; // a selector this browser cannot parse detects nothing
    }
  });
}

/** Whether the site shows the user's own like, repost or vote on this post (its shadow roots included). */
export function hasActed(post: Element, adapter: ActedSource): boolean {
  const selectors = adapter.acted;
  if (!selectors?.length) return false;
  if (matchesIn(post, selectors)) return true;
  const hosts = adapter.shadowHide?.hosts;
  if (!hosts) return false;
  const hostElements = post.matches(hosts) ? [post] : [...post.querySelectorAll(hosts)];
  return hostElements.some((host) => !!host.shadowRoot && matchesIn(host.shadowRoot, selectors));
}
