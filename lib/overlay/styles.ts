/**
 * The overlay's styles. Two parts:
 *
 * - {@link hostStyle}, inline on each host element (ours, never the site's): `!important` inline
 *   declarations beat every page rule, so no site stylesheet can give the host a size or a place in
 *   a layout. The host is empty (its badge is positioned out of flow inside it), with no font and no
 *   line height, and takes no pointer events; only the badge inside does. How it sits depends on its
 *   anchor's layout ({@link HostMode}).
 * - {@link SHADOW_CSS}, inside each shadow root: px units only, because `rem` inside a shadow root
 *   still follows the page's root font size, and sites set it to anything (62.5%, 10px…). The detail
 *   card's own rules are not here but in card.js (components/overlay/card-css.ts): every page
 *   parses this file, and most never open a card.
 */

/**
 * - `flow`: in a block or inline layout, an empty inline with `position: relative` at the end of
 *   the anchor's text: it adds nothing to any line (no content, no line height) and holds the badge
 *   right after the text. Cheaper than an absolutely positioned host there: its badge is laid out
 *   within it, not with every other out-of-flow box of the page (measured: tests/bench).
 * - `out`: in a flex or grid layout, where even an empty box would be an item (and take a gap), an
 *   absolutely positioned host with auto offsets: out of flow, at the container's start; also for a
 *   badge on the post element itself (no anchor matched), which then hangs below the post's content.
 */
export type HostMode = 'flow' | 'out';

const BASE = [
  'all: initial',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'font-size: 0',
  'line-height: 0',
  'overflow: visible',
  'pointer-events: none',
  'z-index: 1',
  // `all: initial` would otherwise make the badge visible inside a post the site hides.
  'visibility: inherit',
];

const important = (declarations: string[]) => declarations.map((d) => `${d} !important`).join('; ');

export const HOST_STYLES: Record<HostMode, string> = {
  flow: important([...BASE, 'position: relative', 'display: inline']),
  out: important([...BASE, 'position: absolute', 'display: block']),
};

/** The mode for an anchor with this computed `display`: flow layouts only where nothing can move. */
export function hostModeFor(display: string): HostMode {
  if (/flex|grid|contents|ruby/.test(display)) return 'out';
  return /^(?:inline|block|inline-block|list-item|flow-root|table-cell|table-caption)\b/.test(display) ? 'flow' : 'out';
}

export const SHADOW_CSS = `
.fl, .badge {
  --bg: #ffffff; --fg: #0f1419; --muted: #536471; --line: #cfd9de; --shadow: rgba(0, 0, 0, 0.12);
  --above: #00703c; --below: #b42318; --focus: #1d6ae5; --track: #eef1f3;
  font: 500 11px/16px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif;
  color: var(--fg);
  letter-spacing: normal; text-transform: none; text-align: left; white-space: normal;
}
.fl[data-theme='dark'], .badge[data-theme='dark'] {
  --bg: #16181c; --fg: #e7e9ea; --muted: #8b98a5; --line: #3e4144; --shadow: rgba(0, 0, 0, 0.5);
  --above: #5fd38d; --below: #ff8a80; --focus: #7aa7ff; --track: #23272c;
}
.badge {
  position: absolute; left: 6px; box-sizing: border-box;
  display: inline-flex; align-items: center; gap: 4px;
  height: 18px; margin: 0; padding: 0 7px; border: 1px solid var(--line); border-radius: 9px;
  background: var(--bg); box-shadow: 0 1px 2px var(--shadow);
  white-space: nowrap; cursor: pointer; pointer-events: auto;
}
.badge.flow { bottom: -4px; }
.badge.out { top: 0; }
.badge::before { content: ''; width: 6px; height: 6px; border-radius: 50%; background: var(--muted); flex: none; }
.badge[data-tone='above']::before { background: var(--above); }
.badge[data-tone='below']::before { background: var(--below); }
.badge:hover { border-color: var(--muted); }
.badge:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.badge[data-empty], .badge[data-low] { color: var(--muted); }
[data-tone='above'] { color: var(--above); }
[data-tone='below'] { color: var(--below); }
.badge[data-tone] { color: var(--fg); }
`;
