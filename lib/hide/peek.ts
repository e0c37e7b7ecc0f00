/**
 * Peeking with intent: one post's hidden counts show only after a deliberate hold (a press of
 * half a second on the post, or Alt+P while it has the focus), never on a passing hover. Control
 * Panel for Twitter declined hover-to-reveal because it "defeats the purpose" (its issue #58); a
 * hold keeps the choice with the user, and every peek is counted (wellbeing.ts).
 *
 * The detector is pure: the page's events come in as calls, the clock as injected timers.
 */

/** How long a press must last to peek: long enough to be deliberate, short enough not to annoy. */
export const HOLD_MS = 500;
/** A press that moves further than this is a scroll or a drag, not a hold (px, as on touch screens). */
export const MOVE_TOLERANCE_PX = 10;

export interface PeekDetectorOptions<P> {
  holdMs?: number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** The hold completed on `post`: show its counts. */
  onPeek(post: P): void;
}

export interface PeekDetector<P> {
  /** A press started on `post` at (x, y). */
  press(post: P, x: number, y: number): void;
  /** The pointer moved while pressed: far enough, and it is no hold. */
  move(x: number, y: number): void;
  /** The press ended (released or cancelled): a hold that had not completed peeks at nothing. */
  release(): void;
  /**
   * Whether the click that follows a completed hold must be swallowed: releasing a hold on a like
   * button would otherwise like the post. True once per completed hold.
   */
  takeClick(): boolean;
  /** The focused post's shortcut (Alt+P): peeks at once, since pressing a chord is deliberate. */
  key(post: P): void;
}

export function createPeekDetector<P>(options: PeekDetectorOptions<P>): PeekDetector<P> {
  const holdMs = options.holdMs ?? HOLD_MS;
  let pressed: { post: P; x: number; y: number; timer: unknown } | null = null;
  let swallowClick = false;

  const cancel = () => {
    if (pressed) options.clearTimer(pressed.timer);
    pressed = null;
  };

  return {
    press(post, x, y) {
      cancel();
      swallowClick = false;
      const timer = options.setTimer(() => {
        pressed = null;
        swallowClick = true;
        options.onPeek(post);
      }, holdMs);
      pressed = { post, x, y, timer };
    },
    move(x, y) {
      if (pressed && Math.hypot(x - pressed.x, y - pressed.y) > MOVE_TOLERANCE_PX) cancel();
    },
    release: cancel,
    takeClick() {
      const swallow = swallowClick;
      swallowClick = false;
      return swallow;
    },
    key(post) {
      cancel();
      options.onPeek(post);
    },
  };
}
