/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { createBadge, type Badge } from './badge';
import { createBadgePool } from './badge-pool';
import type { HostMode } from './styles';

function pool(size?: number) {
  const renderCard = vi.fn();
  const make = vi.fn((mode: HostMode) =>
    createBadge(document, { sheet: null, mode, onToggle: () => undefined, renderCard }),
  );
  return { pool: createBadgePool(make, size), make, renderCard };
}

describe('the badge pool', () => {
  it('reuses a released badge of the same mode instead of making a host, a shadow root and listeners again', () => {
    const { pool: badges, make } = pool();
    const first = badges.acquire('flow');
    document.body.append(first.host);
    badges.release(first);
    expect(first.host.isConnected).toBe(false);
    expect(badges.acquire('out')).not.toBe(first);
    expect(badges.acquire('flow')).toBe(first);
    expect(make).toHaveBeenCalledTimes(2);
    expect(badges.made).toBe(2);
  });

  it('closes the card of a badge it takes back', () => {
    const { pool: badges, renderCard } = pool();
    const badge: Badge = badges.acquire('flow');
    document.body.append(badge.host);
    badge.open({
      data: { platform: 'x', siteName: 'X', counts: {}, stats: null },
      now: 0,
      loadHistory: async () => null,
    });
    expect(badge.isOpen()).toBe(true);
    badges.release(badge);
    expect(badge.isOpen()).toBe(false);
    expect(renderCard).toHaveBeenLastCalledWith(expect.anything(), null);
  });

  it('keeps no more than its size, and a badge released twice once', () => {
    const { pool: badges, make } = pool(1);
    const a = badges.acquire('flow');
    const b = badges.acquire('flow');
    badges.release(a);
    badges.release(a);
    badges.release(b);
    expect(badges.acquire('flow')).toBe(a);
    badges.acquire('flow');
    expect(make).toHaveBeenCalledTimes(3);
  });
});
