/**
 * The page-queries channel: what the popup (and the benchmarks) ask a tab's content script about
 * the page it reads, and the replies.
 */
import type { PlatformId } from '../model';
import type { ReaderDiagnostic, ReaderStatus } from './page-store';

/** Asked of a tab's content script by the popup. */
export type PageRequest = { type: 'page-posts' } | { type: 'reader-stats' };

export interface PagePostsReply {
  platform: PlatformId;
  /** Post keys read on this page since it loaded or last navigated, most recent first. */
  keys: string[];
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
}

export interface ReaderStats {
  posts: number;
  batches: number;
  /** Main-thread milliseconds spent by the reader (observer callbacks, reads, diffs, sends). */
  busyMs: number;
  /**
   * Work the reader has not handed to delivery yet: changes seen but not read (they are read at the
   * next frame, which a background tab gets about once a second) plus readings kept back to be sent
   * together. Only when this is 0 does `delivery.pending === 0` mean the page's state is on its way.
   */
  unsent: number;
  /** The in-feed overlay's own work (lib/overlay), outside the reader's frame. */
  overlay?: OverlayStats;
  /** Readings on their way to the store (lib/content/delivery.ts). */
  delivery?: DeliveryStats;
}

export interface DeliveryStats {
  /** Readings handed over by the reader since the page loaded. */
  taken: number;
  /** Readings kept until the background says they are stored (in flight included). */
  pending: number;
  /** Readings the background said are stored, and readings it refused as invalid. */
  stored: number;
  rejected: number;
  /** Readings sent more than once (their first sending was not answered). */
  resent: number;
  /** Readings dropped, oldest first, because more than the bound were waiting. */
  dropped: number;
  /** Messages that got no answer, a failed write, or timed out. */
  failures: number;
}

export interface OverlayStats {
  /** Badges placed on the page since it loaded. */
  badges: number;
  /**
   * Main-thread milliseconds of the overlay's own frames and replies; its per-post bookkeeping runs
   * inside the reader's frame and is counted in `busyMs` above.
   */
  busyMs: number;
  /** `post-stats` messages sent. */
  requests: number;
}
