/**
 * What a badge's detail card shows, and the renderer that draws it. The renderer is a Preact
 * component (components/overlay/CardLayer.tsx) built into card.js, which is injected when the first
 * card on a page opens (lib/overlay/card-loader.ts): lib/ never imports components/, and a page whose
 * card never opens neither parses nor runs any of it.
 */
import type { PostStats } from '../messages/overlay';
import type { CountPoint } from '../metrics/ages';
import type { Counts, Metric, PlatformId } from '../model';
import type { Theme } from './theme';

export interface CardData {
  platform: PlatformId;
  /** Display name of the site ("Bluesky"). */
  siteName: string;
  /** The counts shown now (the page's reading over the stored latest). */
  counts: Counts;
  includes?: Partial<Record<Metric, Metric[]>>;
  postedAt?: number;
  /** What the store knows; null while the post is not stored (yet). */
  stats: PostStats | null;
}

/** A card's content, as the overlay computes it for one post. */
export interface CardContent {
  data: CardData;
  now: number;
  loadHistory(): Promise<CountPoint[] | null>;
}

export interface CardProps extends CardContent {
  theme: Theme;
  /** The badge's button: where the card is placed. */
  anchor: HTMLElement;
  onClose(returnFocus: boolean): void;
}

/** Opens (or updates) the card in `mount`, or closes it with null. */
export type CardRenderer = (mount: HTMLElement, props: CardProps | null) => void;
