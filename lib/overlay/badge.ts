/**
 * One badge: a real button in its host's shadow root showing the post's key figure, and the detail
 * card it opens. Drawn by hand rather than with Preact: a feed holds hundreds of badges and each is
 * one button and one text node, updated only when its text changes; the card, opened one at a time,
 * is a Preact tree mounted on opening by the injected card renderer (components/overlay/CardLayer.tsx).
 *
 * Keyboard: Enter and Space open the card (a button's own behaviour); Escape closes it and returns
 * focus to the button; focus moving elsewhere in the page closes it and stays there.
 */
import type { CardContent, CardRenderer } from './card';
import type { BadgeFigure } from './figure';
import { createHost } from './host';
import type { HostMode } from './styles';
import type { Theme } from './theme';
import { t } from '../ui/i18n';

export interface Badge {
  host: HTMLElement;
  button: HTMLButtonElement;
  /** How the host sits in its anchor (chosen at creation from the anchor's layout). */
  mode: HostMode;
  /** Shows `figure` in `theme`; touches the DOM only for what changed. */
  draw(figure: BadgeFigure, theme: Theme): void;
  isOpen(): boolean;
  open(content: CardContent): void;
  /** Re-renders an open card with fresher content (a reply arrived); nothing when closed. */
  refresh(content: CardContent): void;
  close(returnFocus: boolean): void;
  /** Closes the card and takes the host out of the page. */
  remove(): void;
}

export interface BadgeOptions {
  sheet: CSSStyleSheet | null;
  mode: HostMode;
  /** The button was activated (click, Enter, Space): open or close the card. */
  onToggle(badge: Badge): void;
  renderCard: CardRenderer;
}

const setAttr = (el: Element, name: string, value: string | null) => {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
};

export function createBadge(doc: Document, options: BadgeOptions): Badge {
  const { host, root } = createHost(doc, options.sheet, options.mode);
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `badge ${options.mode}`;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const text = doc.createTextNode('');
  button.append(text);
  root.append(button);
  let theme: Theme = 'light';
  let mount: HTMLElement | null = null;
  const { renderCard } = options;

  const badge: Badge = {
    host,
    button,
    mode: options.mode,
    draw(figure, nextTheme) {
      theme = nextTheme;
      if (text.data !== figure.text) text.data = figure.text;
      // The name says what the numbers are; it contains the visible text (WCAG "label in name").
      setAttr(button, 'aria-label', t('prefs.badge.ariaLabel', { text: figure.text, label: figure.label }));
      setAttr(button, 'title', figure.label);
      setAttr(button, 'data-theme', theme);
      setAttr(button, 'data-tone', figure.tone);
      setAttr(button, 'data-low', figure.lowSample ? '' : null);
      setAttr(button, 'data-empty', figure.text === '—' ? '' : null);
    },
    isOpen: () => mount !== null,
    open(content) {
      if (!mount) {
        mount = doc.createElement('div');
        root.append(mount);
      }
      button.setAttribute('aria-expanded', 'true');
      badge.refresh(content);
    },
    refresh(content) {
      if (mount) renderCard(mount, { ...content, theme, anchor: button, onClose: (back) => badge.close(back) });
    },
    close(returnFocus) {
      const closing = mount;
      if (!closing) return;
      mount = null;
      button.setAttribute('aria-expanded', 'false');
      // Focus first: the card sees it go to its badge, which is not "leaving" (no second close).
      if (returnFocus) button.focus();
      renderCard(closing, null);
      closing.remove();
    },
    remove() {
      badge.close(false);
      host.remove();
    },
  };
  button.addEventListener('click', () => options.onToggle(badge));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && mount) badge.close(true);
  });
  return badge;
}
