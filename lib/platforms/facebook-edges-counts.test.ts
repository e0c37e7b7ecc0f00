/** @vitest-environment happy-dom */
/**
 * Facebook's counts, one case per rule of facebook-counts.ts, on small hand-written footers: numbers
 * inside the 2025–26 action buttons (in several UI languages), the reactions toolbar that narrows a
 * rounded total, the older summary row, and what is reported instead of a number that cannot be
 * read or belongs to something else. A count that is not shown is left out (unknown), never 0.
 */
import { describe, expect, it } from 'vitest';
import type { Counts } from '../model';
import { narrowByBreakdown, reactionBreakdown, reactionTotal, readCounts } from './facebook-counts';
import { page } from './fixtures/markup';
import type { ReadProblem } from './types';

const HOOK = { likes: 'like_button', replies: 'comment_button', reposts: 'share_button' } as const;
type Metric = keyof typeof HOOK;

/** A 2025–26 action button: its hook, and the number beside it when there is one. */
const button = (metric: Metric, n?: string) =>
  `<div><div role="button" tabindex="0"><div><div><i></i><div data-ad-rendering-role="${HOOK[metric]}"></div></div>` +
  `${n === undefined ? '' : `<div><span dir="auto">${n}</span></div>`}</div></div></div>`;
const toolbar = (...labels: string[]) =>
  `<span role="toolbar" aria-label="See who reacted to this">${labels
    .map((l) => `<span><div role="button" tabindex="0" aria-label="${l}"><img src="data:," alt=""></div></span>`)
    .join('')}</span>`;
const unit = (inner: string) => `<div aria-posinset="1"><h2><a href="/lumenjournal">Lumen</a></h2>${inner}</div>`;
const comment = (inner: string) => `<div role="article" aria-label="Comment by Grace Okafor">${inner}</div>`;

function read(html: string, lang = 'en'): { counts: Counts; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const root = page(lang, html).body.firstElementChild!;
  return { counts: readCounts(root, { locale: lang, problem: (p) => problems.push(p) }), problems };
}
const exact = (value: number) => ({ precision: 'exact' as const, value, raw: String(value) });

describe('Facebook counts inside the action buttons (2025–26)', () => {
  it('reads reactions, comments and shares; a button without a number is unknown, not 0', () => {
    expect(read(unit(button('likes', '48') + button('replies', '7') + button('reposts')))).toEqual({
      counts: { likes: exact(48), replies: exact(7) },
      problems: [],
    });
    // A post nobody reacted to still shows its comments and shares.
    expect(read(unit(button('likes') + button('replies', '3') + button('reposts', '2'))).counts).toEqual({
      replies: exact(3),
      reposts: exact(2),
    });
    expect(read(unit(button('likes') + button('replies') + button('reposts')))).toEqual({ counts: {}, problems: [] });
  });

  it.each([
    ['en', '9.1K', 9100, 9050, 9150],
    ['pt', '1,2 mil', 1200, 1150, 1250],
    ['es', '1,2 mil', 1200, 1150, 1250],
    ['de', '1,2 Tsd.', 1200, 1150, 1250],
    ['fr', '1,2 k', 1200, 1150, 1250],
    ['ru', '2,5 тыс.', 2500, 2450, 2550],
    ['ja', '1.2万', 12_000, 11_500, 12_500],
  ])('reads a compact number in %s ("%s") as the range it rounds', (lang, text, value, min, max) => {
    const rounded = { precision: 'rounded', value, min, max, raw: text };
    expect(read(unit(button('likes', text) + button('replies', text) + button('reposts', text)), lang)).toEqual({
      counts: { likes: rounded, replies: rounded, reposts: rounded },
      problems: [],
    });
  });

  it('reads "You and 12 others" beside Like as 13 or 14 reactions', () => {
    expect(read(unit(button('likes', 'You and 12 others'))).counts.likes).toEqual({
      precision: 'estimated',
      value: 13,
      min: 13,
      max: 15,
      raw: 'You and 12 others',
    });
  });

  it('reads a count printed with its word by its number: "45 comments" is 45, not 45 and one', () => {
    expect(read(unit(button('replies', '45 comments') + button('reposts', '3 shares'))).counts).toEqual({
      replies: { precision: 'exact', value: 45, raw: '45' },
      reposts: { precision: 'exact', value: 3, raw: '3' },
    });
  });

  it('reports an unreadable number with its button, and stores no count for it', () => {
    const { counts, problems } = read(unit(button('likes', '19') + button('replies', '9.5') + button('reposts')), 'pt');
    expect(counts).toEqual({ likes: exact(19) });
    expect(problems).toEqual([{ field: 'replies', selector: '[data-ad-rendering-role="comment_button"]', raw: '9.5' }]);
    // Two numbers beside Like are no total either.
    expect(read(unit(button('likes', '3 and 4'))).problems).toEqual([
      { field: 'likes', selector: '[data-ad-rendering-role="like_button"]', raw: '3 and 4' },
    ]);
  });

  it('never the wrong field: a number that says it counts views is reported, not stored', () => {
    expect(read(unit(button('likes', '31K') + button('reposts', '1.2M views')))).toMatchObject({
      counts: { likes: { value: 31_000 } },
      problems: [
        { field: 'reposts', selector: '[data-ad-rendering-role="share_button"] (counts "views")', raw: '1.2M views' },
      ],
    });
  });

  it('takes no count from a comment’s buttons, in a post or around a footer excerpt', () => {
    expect(read(unit(comment(button('likes', '3') + button('replies', '1'))))).toEqual({ counts: {}, problems: [] });
    expect(read(unit(comment(button('likes', '3')) + button('likes', '12'))).counts).toEqual({ likes: exact(12) });
    // A footer excerpt (not a post): its buttons are read wherever they are.
    expect(read(`<div>${button('likes', '5')}${button('replies', '2')}</div>`).counts).toEqual({
      likes: exact(5),
      replies: exact(2),
    });
  });
});

describe('Facebook reactions toolbar: narrowing a rounded total', () => {
  it('raises a rounded total’s floor to the sum of the listed reactions, never making it exact', () => {
    const { counts } = read(unit(button('likes', '1.2K') + toolbar('Like: 1,100 people', 'Love: 134 people')));
    expect(counts.likes).toEqual({ precision: 'rounded', value: 1234, min: 1234, max: 1250, raw: '1.2K' });
    // Below the value: the floor rises, the value stays.
    expect(read(unit(button('likes', '1.2K') + toolbar('Like: 1,180 people'))).counts.likes).toEqual({
      precision: 'rounded',
      value: 1200,
      min: 1180,
      max: 1250,
      raw: '1.2K',
    });
  });

  it('narrows reactions only: a rounded comment count beside the toolbar stays as printed', () => {
    const { counts } = read(unit(button('likes', '1.2K') + button('replies', '1.2K') + toolbar('Like: 1,234 people')));
    expect(counts.likes).toMatchObject({ min: 1234 });
    expect(counts.replies).toEqual({ precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' });
  });

  it('narrows by the post’s own toolbar only, never by a comment’s', () => {
    const html = unit(button('likes', '1.2K') + comment(toolbar('Like: 1,234 people')));
    expect(read(html).counts.likes).toEqual({ precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' });
  });

  it('changes nothing when the breakdown says less, contradicts the total, or cannot be read', () => {
    const total = { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' };
    for (const labels of [
      ['Like: 800 people'],
      ['Like: 1,150 people'],
      ['Like: 1,250 people'],
      ['Like: 1,300 people'],
      ['Like: 1,200 people', 'Love'],
    ])
      expect(read(unit(button('likes', '1.2K') + toolbar(...labels))).counts.likes).toEqual(total);
    expect(read(unit(button('likes', '19') + toolbar('Like: 12 people', 'Love: 7 people'))).counts.likes).toEqual(
      exact(19),
    );
  });

  it('narrows the total by the post’s own toolbar, not by a shared post’s that comes first', () => {
    const shared = `<div role="article">${toolbar('Like: 1,160 people')}</div>`;
    expect(read(unit(shared + button('likes', '1.2K') + toolbar('Like: 1,234 people'))).counts.likes).toEqual({
      precision: 'rounded',
      value: 1234,
      min: 1234,
      max: 1250,
      raw: '1.2K',
    });
  });

  it('lists each reaction with its count, and an unreadable label as unknown', () => {
    const post = page('en', unit(toolbar('Haha: 9 people', 'Love'))).body.firstElementChild!;
    expect(reactionBreakdown(post, 'en')).toEqual([
      { label: 'Haha: 9 people', count: exact(9) },
      { label: 'Love', count: { precision: 'unknown', raw: 'Love' } },
    ]);
    expect(reactionBreakdown(page('en', unit(button('likes', '9'))).body, 'en')).toEqual([]);
  });

  it('narrows an estimated total as well, and leaves an unknown one alone', () => {
    const estimated = { precision: 'estimated', value: 13, min: 13, max: 14 } as const;
    expect(narrowByBreakdown(estimated, [])).toEqual(estimated);
    expect(narrowByBreakdown({ precision: 'unknown', raw: '?' }, [{ count: exact(3) }])).toEqual({
      precision: 'unknown',
      raw: '?',
    });
    const rounded = { precision: 'rounded', value: 1200, min: 1150, max: 1250 } as const;
    expect(narrowByBreakdown(rounded, [{ count: exact(1000) }, { count: exact(200) }])).toEqual({
      ...rounded,
      min: 1200,
    });
  });
});

describe('Facebook reaction totals as printed', () => {
  it('counts the others of a sentence naming people, and reads no number as nothing', () => {
    expect(reactionTotal('You and 1.2K others', 'en')).toEqual({
      precision: 'estimated',
      value: 1201,
      min: 1151,
      max: 1252,
      raw: 'You and 1.2K others',
    });
    expect(reactionTotal('Ana Souza and Bruno Lima', 'en')).toBeNull();
    // One number that cannot be read is unknown, with what was printed.
    expect(reactionTotal('You and 9.5 others', 'en')).toEqual({ precision: 'unknown', raw: '9.5' });
    expect(reactionTotal('Ana, 2 friends and 30 others', 'en')).toEqual({
      precision: 'unknown',
      raw: 'Ana, 2 friends and 30 others',
    });
  });
});

describe('Facebook counts in the older summary row (2021–24)', () => {
  /** The action bar: buttons with hooks and words, no numbers. */
  const bar = (...metrics: Metric[]) =>
    `<div>${metrics.map((m) => `<div role="button"><div data-ad-rendering-role="${HOOK[m]}"><span>${m}</span></div></div>`).join('')}</div>`;
  const total = (text: string) =>
    `<div role="button"><span>All reactions:</span><span aria-hidden="true"><span>${text}</span></span></div>`;
  const control = (text: string) => `<div><div role="button"><span dir="auto">${text}</span></div></div>`;
  const row = (...parts: string[]) => `<div>${toolbar('Like: 10 people')}${parts.join('')}</div>`;

  it('reads the total beside the toolbar, then comments and shares in the bar’s order', () => {
    const html = unit(
      row(total('You and 12 others'), control('45 comments'), control('3 shares')) + bar('likes', 'replies', 'reposts'),
    );
    expect(read(html)).toEqual({
      counts: {
        likes: { precision: 'estimated', value: 13, min: 13, max: 15, raw: 'You and 12 others' },
        replies: { precision: 'exact', value: 45, raw: '45' },
        reposts: { precision: 'exact', value: 3, raw: '3' },
      },
      problems: [],
    });
    expect(
      read(
        unit(
          row(total('1,2 mil'), control('45 comentários'), control('3 compartilhamentos')) +
            bar('likes', 'replies', 'reposts'),
        ),
        'pt',
      ).counts,
    ).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1,2 mil' },
      replies: exact(45),
      reposts: exact(3),
    });
  });

  it('reads no total without a number, and no comments or shares without the action bar', () => {
    expect(read(unit(row(total('Be the first'), control('4 comments')) + bar('likes', 'replies'))).counts).toEqual({
      replies: exact(4),
    });
    expect(read(unit(row(total('21'), control('4 comments'))))).toEqual({ counts: { likes: exact(21) }, problems: [] });
    expect(read(unit(control('4 comments') + bar('likes', 'replies')))).toEqual({ counts: {}, problems: [] });
  });

  it('gives a lone count to the one button it can belong to, and leaves it unknown beside two', () => {
    const lone = (...metrics: Metric[]) => read(unit(row(total('8'), control('2')) + bar(...metrics))).counts;
    expect(lone('likes', 'replies')).toEqual({ likes: exact(8), replies: exact(2) });
    expect(lone('likes', 'reposts')).toEqual({ likes: exact(8), reposts: exact(2) });
    expect(lone('likes', 'replies', 'reposts')).toEqual({ likes: exact(8) });
  });

  it('reports a row with more counts than it has places for, and stores none of them', () => {
    const html = unit(
      row(total('8'), control('2 comments'), control('1 share'), control('5 saves')) +
        bar('likes', 'replies', 'reposts'),
    );
    expect(read(html)).toEqual({
      counts: { likes: exact(8) },
      problems: [{ field: 'replies', selector: 'summary row', raw: '2 comments | 1 share | 5 saves' }],
    });
    // Not even to the one button it could belong to.
    const oneButton = unit(
      row(total('8'), control('2 comments'), control('1 share'), control('5 saves')) + bar('likes', 'replies'),
    );
    expect(read(oneButton).counts).toEqual({ likes: exact(8) });
  });

  it('never the wrong field: "Seen by 45" in the row is reported, the rest still read', () => {
    const html = unit(
      row(total('8'), control('2 comments'), control('1 share'), control('Seen by 45')) +
        bar('likes', 'replies', 'reposts'),
    );
    expect(read(html)).toEqual({
      counts: { likes: exact(8), replies: exact(2), reposts: exact(1) },
      problems: [{ field: 'replies', selector: 'summary row (counts "Seen by")', raw: 'Seen by 45' }],
    });
    expect(read(unit(row(total('8 views')) + bar('likes'))).problems).toEqual([
      { field: 'likes', selector: '[role="toolbar"] + * (counts "views")', raw: '8 views' },
    ]);
  });

  it('reads a row without a total, and skips its controls that show no number', () => {
    const html = unit(
      `<div><div>${toolbar('Like: 3 people')}</div>${control('Most relevant')}${control('4 comments')}</div>` +
        bar('likes', 'replies'),
    );
    expect(read(html)).toEqual({ counts: { replies: exact(4) }, problems: [] });
  });

  it('reports a count in the row it cannot read, and reads a row around a footer excerpt', () => {
    const html = unit(
      row(total('8'), control('9.5 comments'), control('1 share')) + bar('likes', 'replies', 'reposts'),
    );
    expect(read(html)).toEqual({
      counts: { likes: exact(8), reposts: exact(1) },
      problems: [{ field: 'replies', selector: 'summary row', raw: '9.5' }],
    });
    const excerpt = `<div>${row(total('8'), control('2 comments'))}${bar('likes', 'replies')}</div>`;
    expect(read(excerpt)).toEqual({ counts: { likes: exact(8), replies: exact(2) }, problems: [] });
  });

  it('takes nothing from the toolbar’s own figures, a comment in the row, or what follows the bar', () => {
    const figures = '<span role="toolbar"><div role="button" aria-label="Like: 10 people"><span>10</span></div></span>';
    const poll = '<div role="button"><span dir="auto">Option A · 12 votes</span></div>';
    const html = unit(
      poll +
        `<div>${figures}${total('8')}${comment(control('6 replies'))}${control('2 comments')}</div>` +
        bar('likes', 'replies') +
        control('View 3 more comments'),
    );
    expect(read(html)).toEqual({ counts: { likes: exact(8), replies: exact(2) }, problems: [] });
  });
});
