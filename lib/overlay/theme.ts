/**
 * The page's light or dark theme, so badges match the site rather than the system: X, YouTube,
 * Reddit and Bluesky each have their own theme setting, and it need not follow the system's.
 *
 * The page's background colour is read once (one computed-style read of <body>, then <html>), and
 * again only when the theme may have changed: an attribute that sites switch themes with changes
 * on <html> or <body>, or the system's preference changes. Never per post.
 */

export type Theme = 'light' | 'dark';

/** [r, g, b, alpha] from a computed colour ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"); null otherwise. */
export function parseColor(css: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!match) return null;
  let alpha = match[4] === undefined ? 1 : parseFloat(match[4]);
  if (match[4]?.endsWith('%')) alpha /= 100;
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance(r: number, g: number, b: number): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The theme a background colour implies; null when it is (nearly) transparent and says nothing. */
export function themeOfColor(css: string): Theme | null {
  const color = parseColor(css);
  if (!color || color[3] < 0.5) return null;
  // 0.18 is the luminance at which black and white text contrast equally with the background.
  return luminance(color[0], color[1], color[2]) < 0.18 ? 'dark' : 'light';
}

/**
 * The page's theme: its body's background, else its root's; with neither painted, the canvas,
 * which is dark only when the page asks for a dark colour scheme (or leaves it to a dark system).
 */
export function pageTheme(doc: Document): Theme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const theme = themeOfColor(view.getComputedStyle(element).backgroundColor);
    if (theme) return theme;
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme || '';
  const systemDark = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  if (/\bdark\b/.test(scheme) && (!/\blight\b/.test(scheme) || systemDark)) return 'dark';
  return 'light';
}

/** Attributes sites switch their theme with (X: body style; YouTube: `dark`; Reddit: class; others: data-*). */
const THEME_ATTRIBUTES = ['class', 'style', 'dark', 'theme', 'data-theme', 'data-color-mode', 'data-color-scheme'];

/**
 * Calls `onChange` with the new theme when the page's theme changes. Watches only the attributes of
 * <html> and <body> (not the page's subtree), batched into one read per animation frame.
 */
export function watchTheme(
  doc: Document,
  onChange: (theme: Theme) => void,
  requestFrame: (callback: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
): () => void {
  let current = pageTheme(doc);
  let scheduled = false;
  let bodyWatched = false;
  const check = () => {
    if (!bodyWatched && doc.body) {
      observer.observe(doc.body, options);
      bodyWatched = true;
    }
    if (scheduled) return;
    scheduled = true;
    requestFrame(() => {
      scheduled = false;
      const next = pageTheme(doc);
      if (next !== current) {
        current = next;
        onChange(next);
      }
    });
  };
  const observer = new MutationObserver(check);
  const options = { attributes: true, attributeFilter: THEME_ATTRIBUTES };
  // A body that does not exist yet (the script starts early) is watched once it does.
  observer.observe(doc.documentElement, doc.body ? options : { ...options, childList: true });
  if (doc.body) {
    observer.observe(doc.body, options);
    bodyWatched = true;
  }
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener?.('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener?.('change', check);
  };
}
