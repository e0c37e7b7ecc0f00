/** @vitest-environment happy-dom */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountPoint } from '@/lib/metrics/ages';
import type { PostStats } from '@/lib/messages/overlay';
import { exact, type Counts } from '@/lib/model';
import { createBadge, type Badge } from '@/lib/overlay/badge';
import { badgeFigure } from '@/lib/overlay/figure';
import { renderCard } from './CardLayer';
import type { CardData } from './DetailCard';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const counts: Counts = {
  likes: exact(567),
  reposts: exact(34),
  replies: exact(12),
  bookmarks: exact(8),
  views: exact(9012),
};
const stats: PostStats = {
  key: 'x:1',
  latest: counts,
  postedAt: NOW - 7 * HOUR,
  usual: { score: 1.8, min: 1.8, max: 1.8, age: '6h', baseline: { expected: 345, posts: 34 } },
  peers: { age: '6h', percentile: { percentile: 88, posts: 340, lowSample: false }, chosen: false },
};
const history: CountPoint[] = [
  { at: NOW - 6 * HOUR, counts: { likes: exact(300), views: exact(5000) } },
  { at: NOW - HOUR, counts: { likes: exact(567), views: exact(9012) } },
];

let badge: Badge;
let root: ShadowRoot;
beforeEach(() => {
  document.body.replaceChildren();
});

/** A badge in the page, as the overlay makes it: the button toggles the card. */
async function show(options: { card?: Partial<CardData>; history?: CountPoint[] | null } = {}) {
  const card: CardData = { platform: 'x', siteName: 'X', counts, stats, postedAt: NOW - 7 * HOUR, ...options.card };
  const loadHistory = vi.fn(() => Promise.resolve(options.history === undefined ? history : options.history));
  badge = createBadge(document, {
    sheet: null,
    mode: 'flow',
    onToggle: (b) => (b.isOpen() ? b.close(true) : b.open({ data: card, now: NOW, loadHistory })),
    renderCard,
  });
  document.body.append(badge.host);
  badge.draw(badgeFigure({ platform: 'x', counts: card.counts, usual: card.stats?.usual }), 'light');
  root = badge.host.shadowRoot!;
  return { button: badge.button, loadHistory };
}

async function open(button: HTMLButtonElement) {
  // A button's Enter and Space are clicks (checked with real keys in the browser test).
  await act(() => button.click());
  await act(() => Promise.resolve());
  return root.querySelector<HTMLElement>('[role="dialog"]');
}

const text = (selector: string) => root.querySelector(selector)?.textContent?.trim();
/** The focused element inside the badge's shadow root. */
const focused = () => (document.activeElement === badge.host ? root.activeElement : document.activeElement);

describe('the badge and its card', () => {
  it('is a button showing the key figure, with the figure in its accessible name', async () => {
    const { button } = await show();
    expect(button.type).toBe('button');
    expect(badge.button.textContent).toBe('6.9% · 1.8× usual');
    expect(button.getAttribute('aria-label')).toBe(
      'Feedlens: 6.9% · 1.8× usual. Engagement rate 6.9%; 1.8× usual for this author at 6 h. Details',
    );
    expect(badge.host.childNodes).toHaveLength(0); // nothing in the page's own tree
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(badge.button.getAttribute('data-tone')).toBe('above');
  });

  it('opens a card with the ratios and their formulas, the comparisons with their method, and the history', async () => {
    const { button, loadHistory } = await show();
    expect(loadHistory).not.toHaveBeenCalled(); // the snapshots are asked for only when the card opens
    const dialog = await open(button);
    expect(dialog).not.toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(loadHistory).toHaveBeenCalledTimes(1);

    expect(text('.card p.muted')).toBe('Posted 7h ago on X');
    expect(text('[data-rate="engagementRate"] dt')).toBe('Engagement rate');
    expect(text('[data-rate="engagementRate"] dd')).toBe('6.9%');
    expect(text('[data-rate="engagementRate"] .formula')).toBe('engagements ÷ views');
    expect(text('[data-rate="likesPerView"] dd')).toBe('6.3%');
    expect(text('[data-rate="amplification"] dd')).toBe('6%');
    expect(text('[data-rate="amplification"] .formula')).toBe('reposts ÷ likes');
    expect(text('[data-rate="conversation"] .formula')).toBe('replies ÷ (likes + reposts)');

    expect(text('[data-compare="usual"]')).toBe('1.8× usual at 6 h, vs 34 of their posts');
    expect(text('[data-compare="peers"]')).toBe('higher than 88% of 340 peer posts at 6 h, everyone seen on X');
    expect(text('.method')).toContain('CrowdTangle');
    expect(text('.method')).toContain('likes + reposts + replies + bookmarks');

    expect(root.querySelector('.spark[data-metric="likes"] svg path')).not.toBeNull();
    expect(root.querySelector('.spark[data-metric="views"] svg path')).not.toBeNull();
    expect(text('[data-growth="likes"]')).toMatch(/^Likes per hour lately: \+\d/);
  });

  it('brings the card’s styles into the badge’s shadow root when it first opens, once', async () => {
    const { button } = await show();
    const cardStyles = () => root.querySelectorAll('style[data-feedlens-card]');
    expect(cardStyles()).toHaveLength(0); // a badge whose card never opens carries none of the card's rules
    await open(button);
    expect(cardStyles()).toHaveLength(1);
    expect(cardStyles()[0]!.textContent).toContain('.card {');
    await act(() => button.click()); // closed
    await open(button);
    expect(cardStyles()).toHaveLength(1);
  });

  it('moves focus into the card, and Escape closes it and returns focus to the badge', async () => {
    const { button } = await show();
    button.focus();
    const dialog = await open(button);
    expect(focused()).toBe(dialog);
    await act(() => {
      dialog!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(button);
  });

  it('closes from its close button, returning focus too', async () => {
    const { button } = await show();
    await open(button);
    await act(() => root.querySelector<HTMLButtonElement>('.card .close')!.click());
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(focused()).toBe(button);
  });

  it('closes when focus leaves for the page, leaving focus there', async () => {
    const { button } = await show();
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    await open(button);
    await act(() => elsewhere.focus());
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(focused()).toBe(elsewhere);
  });

  it('says so when there is no usual, no peer rank and only one snapshot', async () => {
    const { button } = await show({
      card: { stats: { ...stats, usual: null, peers: null } },
      history: history.slice(0, 1),
    });
    expect(badge.button.textContent).toBe('6.9%');
    await open(button);
    expect(text('[data-compare="usual"]')).toContain('No “usual” yet: it takes at least 10');
    expect(text('[data-compare="peers"]')).toContain('No peer rank yet');
    expect(root.querySelector('.spark')).toBeNull();
    expect(text('[data-history="none"]')).toContain('Seen once so far');
  });

  it('marks low samples and leaves unknown ratios empty rather than zero', async () => {
    const few: Counts = {
      likes: exact(3),
      reposts: exact(0),
      replies: exact(0),
      bookmarks: exact(0),
      views: exact(12),
    };
    const { button } = await show({ card: { counts: few, stats: null }, history: null });
    expect(badge.button.textContent).toBe('25%*');
    expect(badge.button.hasAttribute('data-low')).toBe(true);
    await open(button);
    expect(text('[data-rate="engagementRate"] dd')).toBe('25% (few)');
    expect(text('[data-rate="engagementRate"] .formula')).toContain('too few to say much');

    const unknown: Counts = { likes: { precision: 'unknown' }, views: exact(100) };
    const again = await show({ card: { counts: unknown, stats: null }, history: null });
    expect(badge.button.textContent).toBe('—');
    await open(again.button);
    expect(text('[data-rate="likesPerView"] dd')).toBe('—');
    expect(text('[data-rate="engagementRate"] dd')).toBe('—');
  });

  it('shows page text nowhere, and never as markup', async () => {
    const { button } = await show({ card: { siteName: '<img src=x onerror=alert(1)>' } });
    await open(button);
    expect(root.querySelector('img')).toBeNull();
    expect(text('.card p.muted')).toContain('<img src=x onerror=alert(1)>');
  });
});
