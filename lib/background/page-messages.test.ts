import { describe, expect, it, vi } from 'vitest';
import type { ReadingsReply } from '../messages/page-store';
import { adapterById } from '../platforms/registry';
import { createPageMessageListener, type PageMessageDeps } from './page-messages';

const OURS = 'feedlens-id';
const x = adapterById('x')!;

function setup() {
  const deps = {
    extensionId: OURS,
    adapterFor: vi.fn(async (url: string | undefined) => (url?.startsWith('https://x.com/') ? x : undefined)),
    takeReadings: vi.fn(async (): Promise<ReadingsReply> => ({ stored: true, accepted: 1, rejected: 0 })),
    health: vi.fn(),
    fallback: vi.fn(),
    wellbeing: vi.fn(),
  };
  const listener = createPageMessageListener(deps satisfies PageMessageDeps);
  const reply = vi.fn();
  const answered = () => vi.waitFor(() => expect(reply).toHaveBeenCalled());
  return { deps, listener, reply, answered };
}

const fromX = { id: OURS, url: 'https://x.com/home' };

describe('routing what content scripts send', () => {
  it('answers readings from a supported site once they are taken, for that site', async () => {
    const { deps, listener, reply, answered } = setup();
    const message = { type: 'readings', readings: [] };
    expect(listener(message, fromX, reply)).toBe(true);
    await answered();
    expect(deps.takeReadings).toHaveBeenCalledWith(message, 'x');
    expect(reply).toHaveBeenCalledWith({ stored: true, accepted: 1, rejected: 0 });
  });

  it("uses the tab's address when the sender has none", async () => {
    const { deps, listener, reply, answered } = setup();
    listener({ type: 'readings' }, { id: OURS, tab: { url: 'https://x.com/ada' } }, reply);
    await answered();
    expect(deps.adapterFor).toHaveBeenCalledWith('https://x.com/ada');
    expect(deps.takeReadings).toHaveBeenCalledWith({ type: 'readings' }, 'x');
  });

  it('hands readings from a page on no supported site over without a site, to be refused', async () => {
    const { deps, listener, reply, answered } = setup();
    listener({ type: 'readings' }, { id: OURS, url: 'https://evil.example/' }, reply);
    await answered();
    expect(deps.takeReadings).toHaveBeenCalledWith({ type: 'readings' }, undefined);
  });

  it('answers "not stored" when taking the readings fails, so the page sends them again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { deps, listener, reply, answered } = setup();
    deps.takeReadings.mockRejectedValue(new Error('db closed'));
    listener({ type: 'readings' }, fromX, reply);
    await answered();
    expect(reply).toHaveBeenCalledWith({ stored: false });
    expect(error).toHaveBeenCalled();
  });

  it('passes wellbeing reports from a supported site on, unanswered, and drops those from any other page', async () => {
    const { deps, listener, reply } = setup();
    const message = { type: 'wellbeing', shownHidden: 3, peeks: 1 };
    expect(listener(message, fromX, reply)).toBeUndefined();
    await vi.waitFor(() => expect(deps.wellbeing).toHaveBeenCalledWith(message));
    listener(message, { id: OURS, url: 'https://evil.example/' }, reply);
    listener(message, { id: 'other-extension', url: 'https://x.com/home' }, reply);
    await vi.waitFor(() => expect(deps.adapterFor).toHaveBeenCalledTimes(2));
    expect(deps.wellbeing).toHaveBeenCalledTimes(1);
    expect(reply).not.toHaveBeenCalled();
  });

  it('ignores other extensions and messages of other types, leaving them to other listeners', () => {
    const { deps, listener, reply } = setup();
    expect(listener({ type: 'readings' }, { ...fromX, id: 'another-extension' }, reply)).toBeUndefined();
    expect(listener({ type: 'readings' }, { url: fromX.url }, reply)).toBeUndefined();
    expect(listener({ type: 'post-stats' }, fromX, reply)).toBeUndefined();
    expect(listener(null, fromX, reply)).toBeUndefined();
    expect(listener('readings', fromX, reply)).toBeUndefined();
    expect(deps.adapterFor).not.toHaveBeenCalled();
    expect(reply).not.toHaveBeenCalled();
  });

  it('records health and hiding reports for the sending site, without an answer', async () => {
    const { deps, listener, reply } = setup();
    const health = { type: 'reader-health', platform: 'x', status: 'paused' };
    const fallback = { type: 'hiding-fallback', platform: 'x', hidden: 2, examples: [] };
    expect(listener(health, fromX, reply)).toBeUndefined();
    expect(listener(fallback, fromX, reply)).toBeUndefined();
    await vi.waitFor(() => expect(deps.fallback).toHaveBeenCalledWith(x, fallback));
    expect(deps.health).toHaveBeenCalledWith(x, health);
    expect(deps.health).toHaveBeenCalledTimes(1);
    expect(deps.fallback).toHaveBeenCalledTimes(1);
    expect(reply).not.toHaveBeenCalled();
  });

  it('drops reports from pages on no supported site', async () => {
    const { deps, listener, reply } = setup();
    listener({ type: 'reader-health' }, { id: OURS, url: 'https://evil.example/' }, reply);
    listener({ type: 'hiding-fallback' }, { id: OURS, url: 'https://evil.example/' }, reply);
    await vi.waitFor(() => expect(deps.adapterFor).toHaveBeenCalledTimes(2));
    await Promise.all(deps.adapterFor.mock.results.map((r) => r.value));
    expect(deps.health).not.toHaveBeenCalled();
    expect(deps.fallback).not.toHaveBeenCalled();
  });
});
