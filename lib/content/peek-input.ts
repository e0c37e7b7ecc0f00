/**
 * The page's side of peeking (lib/hide/peek.ts): pointer and key events in, one post marked
 * PEEK_ATTR out. A peek lasts until the pointer or the focus leaves that post, or another press
 * starts elsewhere (touch screens have no "leave").
 *
 * Listeners are on the document in the capture phase, so a site that stops propagation on its
 * buttons cannot hide a press from us, and the click ending a hold is swallowed before the site
 * sees it (releasing a hold on a like button must not like the post).
 */
import { PEEK_ATTR } from '../hide/css';
import { createPeekDetector } from '../hide/peek';

export interface PeekInputOptions {
  document: Document;
  postSelector: string;
  /** Whether a press may peek now: peeking is on, and counts are hidden on this site. */
  enabled(): boolean;
  /** A peek happened (for today's count). */
  onPeek(): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, capture: boolean): void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface PeekInput {
  /** Hides the peeked post's counts again (peeking switched off, hiding changed). */
  end(): void;
}

export function listenForPeeks(options: PeekInputOptions): PeekInput {
  let peeked: Element | null = null;
  const end = () => {
    peeked?.removeAttribute(PEEK_ATTR);
    peeked = null;
  };
  const detector = createPeekDetector<Element>({
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    onPeek(post) {
      if (!options.enabled() || peeked === post) return;
      end();
      peeked = post;
      post.setAttribute(PEEK_ATTR, '');
      options.onPeek();
    },
  });
  const postOf = (event: Event): Element | null => {
    for (const node of event.composedPath())
      if (node instanceof Element && node.matches(options.postSelector)) return node;
    return null;
  };
  const on = (type: string, listener: (event: Event) => void) =>
    options.addEventListener(options.document, type, listener, true);

  on('pointerdown', (event) => {
    const post = postOf(event);
    if (peeked && post !== peeked) end();
    const { clientX, clientY, button } = event as PointerEvent;
    if (post && button === 0 && options.enabled()) detector.press(post, clientX, clientY);
  });
  on('pointermove', (event) => detector.move((event as PointerEvent).clientX, (event as PointerEvent).clientY));
  on('pointerup', () => detector.release());
  on('pointercancel', () => detector.release());
  on('click', (event) => {
    if (!detector.takeClick()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  });
  // A long press on a touch screen opens the context menu: not while it is a peek.
  on('contextmenu', (event) => {
    if (peeked && postOf(event) === peeked) event.preventDefault();
  });
  on('pointerout', (event) => {
    const to = (event as PointerEvent).relatedTarget;
    if (peeked && (event as PointerEvent).pointerType === 'mouse' && !(to instanceof Node && peeked.contains(to)))
      end();
  });
  on('keydown', (event) => {
    const key = event as KeyboardEvent;
    if (!key.altKey || key.code !== 'KeyP' || !options.enabled()) return;
    const post = postOf(event);
    if (!post) return;
    key.preventDefault();
    detector.key(post);
  });
  on('focusout', (event) => {
    const to = (event as FocusEvent).relatedTarget;
    if (peeked && !(to instanceof Node && peeked.contains(to)) && peeked.contains(event.target as Node)) end();
  });
  return { end };
}
