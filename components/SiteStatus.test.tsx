/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderDiagnostic } from '@/lib/messages/page-store';
import { SiteStatus, SiteStatusList } from './SiteStatus';

const AT = Date.parse('2026-11-22T12:00:00Z');
const lostPosts: ReaderDiagnostic = {
  reason: 'not-found',
  selector: 'post: article[data-testid="tweet"]',
  locale: 'de',
  candidates: 0,
  readings: 0,
  recognized: [{ name: 'permalinks /status/<id> around a time', posts: 7 }],
  at: AT,
};
const meta = { version: '0.1.0', browser: 'TestBrowser/1.0' };

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return container;
}

async function click(button: HTMLButtonElement): Promise<void> {
  await act(async () => {
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const copyButton = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy report')!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the site status in the popup', () => {
  it('says in plain words that reading is paused, and copies a report with the diagnostic', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const root = mount(<SiteStatus siteName="X" status="paused" diagnostic={lostPosts} {...meta} />);
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(
      'Feedlens doesn’t recognize this page’s layout any more; nothing is being stored here.',
    );
    await click(copyButton(root));
    const report = writeText.mock.calls[0]![0];
    expect(report).toContain('Site: X');
    expect(report).toContain('Feedlens: 0.1.0');
    expect(report).toContain('selector: post: article[data-testid="tweet"]');
    expect(report).toContain('recognized without the selector (permalinks /status/<id> around a time): 7');
    expect(report).toContain('no post text, authors or addresses');
    expect(root.textContent).toContain('Copied');
  });

  it('shows the report to copy by hand when the browser refuses the clipboard', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const root = mount(<SiteStatus siteName="X" status="paused" diagnostic={lostPosts} {...meta} />);
    await click(copyButton(root));
    expect(root.querySelector<HTMLTextAreaElement>('textarea')!.value).toContain('reason: not-found');
  });

  it('says which reason paused reading', () => {
    const counts = { ...lostPosts, reason: 'counts' as const, selector: 'likes: [data-testid="like"]', raw: '1,2,3' };
    const root = mount(<SiteStatus siteName="X" status="paused" diagnostic={counts} {...meta} />);
    expect(root.textContent).toContain('can’t read the numbers on this page');
  });

  it('shows reading and idle as a quiet line, and a hiding fallback as a note with its report', () => {
    const reading = mount(<SiteStatus siteName="X" status="reading" {...meta} />);
    expect(reading.querySelector('[role="status"]')!.textContent).toMatch(/Reading/);
    expect(copyButton(reading)).toBeUndefined();
    const idle = mount(
      <SiteStatus
        siteName="X"
        status="idle"
        hidingFallback={{ hidden: 4, examples: ['button > x-count: "12"'], at: AT }}
        {...meta}
      />,
    );
    expect(idle.textContent).toContain('Idle');
    expect(idle.textContent).toContain('Hiding fell back to the safe rule: 4 counts');
    expect(copyButton(idle)).toBeDefined();
  });
});

describe('the site list on the settings page', () => {
  it('lists every site with its status, and offers a report where something is wrong', () => {
    const root = mount(
      <SiteStatusList
        sites={[
          { id: 'x', name: 'X' },
          { id: 'reddit', name: 'Reddit' },
          { id: 'bluesky', name: 'Bluesky' },
        ]}
        health={{ x: { status: 'paused', diagnostic: lostPosts, at: AT }, reddit: { status: 'reading', at: AT } }}
        {...meta}
      />,
    );
    const row = (id: string) => root.querySelector<HTMLElement>(`tr[data-site="${id}"]`)!;
    expect(row('x').textContent).toContain('Paused');
    expect(row('x').textContent).toContain('doesn’t recognize this page’s layout');
    expect(copyButton(row('x'))).toBeDefined();
    expect(row('reddit').textContent).toContain('Reading');
    expect(copyButton(row('reddit'))).toBeUndefined();
    expect(row('bluesky').textContent).toContain('Idle');
    expect(row('bluesky').textContent).toContain('Not visited');
  });
});
