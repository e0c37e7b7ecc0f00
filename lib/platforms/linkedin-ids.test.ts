import { describe, expect, it } from 'vitest';
import {
  activityIdFromSlotKey,
  activityIdIn,
  activityUrl,
  handleFromHref,
  idTime,
  postIdFromToolsKey,
} from './linkedin-ids';

const FEED = 'https://www.linkedin.com/feed/';

describe('LinkedIn ids', () => {
  it('decodes the activity id hidden in an SDUI feed slot key (published pair)', () => {
    // A 2026 capture's slot "expandedCgsIgsDKgKL2turOAQFeedType_MAIN_FEED_RELEVANCE" belonged to
    // urn:li:activity:7451889312482283521.
    expect(activityIdFromSlotKey('expandedCgsIgsDKgKL2turOAQFeedType_MAIN_FEED_RELEVANCE')).toBe('7451889312482283521');
    expect(activityIdFromSlotKey('CgsIgsDKgKL2turOAQFeedType_MAIN_FEED_RELEVANCE')).toBe('7451889312482283521');
    expect(activityIdFromSlotKey('expandedAAAAFeedType_MAIN_FEED_RELEVANCE')).toBeNull();
    expect(activityIdFromSlotKey('update-card-focus-4f1c2a')).toBeNull();
  });

  it('decodes the post a 2026 card’s comment box names: field 1 an activity, field 2 a ugcPost', () => {
    // The comment box of a feed card saved in June 2026, shown "1w": a ugcPost of 2026-05-09.
    const key =
      'EgsIgsC1vMrmkIPPAQ-replaceableCommentToolstJWxNzJPD8kdZxzidvX7r_VITHy6Rbns1TAQ8WCAzkAFeedType_MAIN_FEED_RELEVANCE';
    expect(postIdFromToolsKey(key)).toBe('ugcPost:7458842354569883649');
    expect(new Date(idTime('ugcPost:7458842354569883649')!).toISOString()).toBe('2026-05-09T11:36:35.919Z');
    expect(activityUrl('ugcPost:7458842354569883649')).toBe(
      'https://www.linkedin.com/feed/update/urn:li:ugcPost:7458842354569883649/',
    );
    expect(postIdFromToolsKey('CgsIgsDKgKL2turOAQ-replaceableCommentToolsxyzFeedType_MAIN_FEED_RELEVANCE')).toBe(
      '7451889312482283521',
    );
    // Another field, or not a comment box: no guess.
    expect(postIdFromToolsKey('GgsIgsC1vMrmkIPPAQ-replaceableCommentToolsxyzFeedType_MAIN_FEED_RELEVANCE')).toBeNull();
    expect(postIdFromToolsKey('EgsIgsC1vMrmkIPPAQ-commentBoxLinkPreviewxyz')).toBeNull();
    // A slot key holds activities only.
    expect(activityIdFromSlotKey('expandedEgsIgsC1vMrmkIPPAQFeedType_MAIN_FEED_RELEVANCE')).toBeNull();
  });

  it('decodes the post time from the first 41 bits of an activity id (known pair)', () => {
    // A scraper's output for urn:li:activity:7402746946853253120 gave posted_at 1764952408517
    // (2025-12-05 17:33:28 UTC), next to LinkedIn's own "2h" label.
    expect(idTime('7402746946853253120')).toBe(1764952408517);
    expect(idTime('urn:li:share:7259504719903839055')).toBe(Date.parse('2024-11-05T10:00:00.300Z'));
    expect(idTime('urn:li:comment:123')).toBeUndefined();
  });

  it('finds activity ids in URNs and /posts/ addresses, and handles in profile links', () => {
    expect(activityIdIn('https://www.linkedin.com/posts/ana_x-activity-7260667379714444390-a1Bc?utm=1')).toBe(
      '7260667379714444390',
    );
    expect(activityIdIn('urn:li:ugcPost:7260667379714444390')).toBeNull();
    const base = new URL(FEED);
    expect(handleFromHref('https://ca.linkedin.com/in/andrewjjenkins?trk=x', base)).toBe('andrewjjenkins');
    expect(handleFromHref('/company/lumen-data/posts/', base)).toBe('company/lumen-data');
    expect(handleFromHref('/feed/', base)).toBeUndefined();
  });
});
