/**
 * The detail card's rules, added to a badge's shadow root when a card first opens in it (the
 * badges' own sheet, lib/overlay/styles.ts, holds the colours both share). Same units rule: px
 * only, since `rem` in a shadow root follows the page's root font size.
 */
export const CARD_CSS = `
.card {
  position: fixed; inset: auto; margin: 0; z-index: 2147483647; box-sizing: border-box;
  width: 300px; max-height: 70vh; overflow: auto; padding: 12px 14px;
  border: 1px solid var(--line); border-radius: 12px; background: var(--bg); color: var(--fg);
  box-shadow: 0 8px 28px var(--shadow); font: 400 12px/17px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  pointer-events: auto;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--focus); }
.card h2 { font-size: 13px; line-height: 18px; margin: 0 24px 8px 0; font-weight: 650; }
.card h3 {
  font-size: 11px; line-height: 16px; margin: 10px 0 4px; font-weight: 600; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.04em;
}
.card p { margin: 4px 0; }
.card dl { margin: 0; }
.card .row {
  display: grid; grid-template-columns: 1fr auto; column-gap: 8px; padding: 3px 0; border-bottom: 1px solid var(--track);
}
.card dt { margin: 0; }
.card dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; text-align: right; }
.card dd.formula { grid-column: 1 / -1; font-weight: 400; text-align: left; color: var(--muted); font-size: 11px; }
.card .muted, .card .method { color: var(--muted); font-size: 11px; }
.card .spark { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
.card .spark svg { color: var(--focus); flex: none; }
.card .close {
  position: absolute; top: 8px; right: 8px; width: 24px; height: 24px; margin: 0; padding: 0;
  border: 0; border-radius: 12px; background: transparent; color: var(--muted);
  font: 600 16px/24px system-ui, sans-serif; cursor: pointer;
}
.card .close:hover { background: var(--track); color: var(--fg); }
.card .close:focus-visible { outline: 2px solid var(--focus); }
`;

const CARD_STYLE_ATTR = 'data-feedlens-card';

/** Puts the card's rules in `mount`'s shadow root, once per root (pooled badges keep theirs). */
export function addCardStyles(mount: HTMLElement): void {
  const root = mount.getRootNode() as ParentNode & Node;
  if (root === mount.ownerDocument || root.querySelector(`style[${CARD_STYLE_ATTR}]`)) return;
  const style = mount.ownerDocument.createElement('style');
  style.setAttribute(CARD_STYLE_ATTR, '');
  style.textContent = CARD_CSS;
  root.insertBefore(style, root.firstChild);
}
