import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { fixturePages } from '../../tests/fixture-pages';
import { hasValue, type PlatformId } from '../model';
import { adapterById } from '../platforms/registry';
import { platformShows, shownMetrics, shownRatios } from './platform-metrics';

describe('the counts a site shows', () => {
  it('leaves out reposts on YouTube and views where a site has none', () => {
    expect(shownMetrics('youtube', ['likes', 'reposts', 'replies', 'views'])).toEqual(['likes', 'replies', 'views']);
    expect(shownMetrics('reddit', ['likes', 'reposts', 'replies', 'views'])).toEqual(['likes', 'replies']);
    expect(shownMetrics('x', ['likes', 'reposts', 'replies', 'views'])).toEqual([
      'likes',
      'reposts',
      'replies',
      'views',
    ]);
  });

  it('offers only ratios of counts the site shows', () => {
    expect(shownRatios('youtube').map((r) => r.id)).toEqual(['likesPerView', 'repliesPerLike']);
    expect(shownRatios('reddit').map((r) => r.id)).toEqual(['repliesPerLike']);
    expect(shownRatios('x')).toHaveLength(3);
  });

  it('includes every count an adapter reads from its fixtures', () => {
    for (const page of fixturePages()) {
      const adapter = adapterById(page.platform as PlatformId);
      if (!adapter) continue;
      const window = new Window({
        settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
      });
      const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
      for (const reading of adapter.read(doc, { url: new URL(page.url) })) {
        for (const metric of ['likes', 'reposts', 'replies', 'views'] as const) {
          if (hasValue(reading.counts[metric]))
            expect(platformShows(adapter.id, metric), `${page.file} reads ${metric}`).toBe(true);
        }
      }
      void window.happyDOM.close();
    }
  });
});
