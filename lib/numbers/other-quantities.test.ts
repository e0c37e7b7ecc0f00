import { describe, expect, it } from 'vitest';
import { countsSomethingElse } from './other-quantities';

describe('countsSomethingElse', () => {
  it.each([
    '1613 aktive Zuschauer',
    '1.2K watching',
    '12K watching now',
    '340 waiting',
    '4.3k online',
    '2.1m members',
    '12 people here',
    'Show 35 new posts',
    '57件の新しいポスト',
    '873 people in the past 2 days',
    '1,2 k spectateurs',
    '1.234 espectadores',
    '1,2 mil assistindo',
    '487 B izleyici',
    '1,2 тыс. зрителей',
    '1.2万 人正在观看',
    '1.2천명 시청 중',
    '1.2万人が視聴中',
  ])('%j counts something else', (label) => {
    expect(countsSomethingElse(label)).toBe(true);
  });

  // Real labels of the metrics Feedlens stores, as the sites print them.
  it.each([
    'Like video\n392.5K likes',
    'Read or add comments\n1309 comments',
    'Add to Favorites. 33.9K added to Favorites',
    'Share video\n29.1K shares',
    'Like (3,817 likes)',
    'Reply (124 replies)',
    'いいねする（63,561件のいいね）',
    '2.8k comments',
    '48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views',
    '5 Antworten, 12 Reposts, 1.234 „Gefällt mir“-Angaben, 3 Lesezeichen, 45.678 Aufrufe',
    '1.444.431 Aufrufe',
    '观看次数：1,234次',
    '조회수 1.2만회',
    '1 234 vues',
    '487 B görüntüleme',
    'like this video along with 68,066 other people',
    '',
    null,
  ])('%j is a metric', (label) => {
    expect(countsSomethingElse(label)).toBe(false);
  });
});
