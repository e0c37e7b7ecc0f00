/**
 * The posts read on the current page, ranked by how they are doing, each with its counts, its
 * ratios and how it compares with its author's usual; one post at a time opens its history. Post
 * text is rendered as text (JSX escapes it), never as HTML. With `figures` off (the user hides
 * counts on this site) only the posts themselves are listed: no number, no ratio, no ranking.
 */
import { formatAge, formatCount, formatNumber, formatRatio } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { formulaLabel, metricLabel, ratioLabel } from '@/lib/ui/labels';
import type { RankedPost } from '@/lib/metrics/compare';
import { formatUsual, formatUsualBasis } from '@/lib/metrics/format';
import { platformShows, shownRatios } from '@/lib/metrics/platform-metrics';
import { ENGAGEMENT_PARTS, MIN_SAMPLE, engagements, rate, rateFormula, type Rate } from '@/lib/metrics/rates';
import type { Metric, PlatformId } from '@/lib/model';
import { adapterById } from '@/lib/platforms/registry';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { PostHistory } from './PostHistory';

const SHOWN_COUNTS: Metric[] = ['likes', 'reposts', 'replies', 'views'];

function RateValue(props: { id: string; label: string; title: string; value: Rate | null }) {
  const few = props.value?.lowSample;
  return (
    <div data-ratio={props.id} class={few ? 'low-sample' : undefined} title={props.title}>
      <dt>{props.label}</dt>
      <dd>
        {formatRatio(props.value)}
        {few && <span class="sr-only"> {t('pop.post.fewSample', { min: formatNumber(MIN_SAMPLE) })}</span>}
      </dd>
    </div>
  );
}

function Standing(props: { item: RankedPost<PostRecord> }) {
  const { usual } = props.item;
  if (!usual) return null;
  return (
    <p class="post-standing" data-score={usual.score.toFixed(2)}>
      <strong>{formatUsual(usual)}</strong>{' '}
      <span class="muted">{formatUsualBasis(usual.age, usual.baseline.posts)}</span>
    </p>
  );
}

const adapterName = (platform: PlatformId) => adapterById(platform)?.name ?? platform;

export function PostList(props: {
  ranked: readonly RankedPost<PostRecord>[];
  now: number;
  /** Show numbers at all (false where the user hides counts and Feedlens's own figures). */
  figures: boolean;
  selected: string | null;
  onSelect(key: string | null): void;
  db: FeedlensDatabase;
}) {
  return (
    <ol class="posts">
      {props.ranked.map((item) => {
        const { post } = item;
        const open = props.selected === post.key;
        const c = post.latest;
        return (
          <li
            class={`post${open ? ' post-open' : ''}`}
            key={post.key}
            data-post-key={post.key}
            data-ranked-by={item.rankedBy}
          >
            <div class="post-head">
              {/* Without an author the link says what it opens: a post id (a YouTube video's) is no name. */}
              <a class="post-author" href={post.url} target="_blank" rel="noopener noreferrer">
                {post.author ? `@${post.author}` : t('pop.post.on', { site: adapterName(post.platform) })}
              </a>
              {post.promoted && <span class="tag">{t('pop.post.promoted')}</span>}
              <span class="post-age">{formatAge(post.postedAt, props.now)}</span>
            </div>
            {post.text && <p class="post-text">{post.text}</p>}
            {props.figures && (
              <>
                <Standing item={item} />
                <dl class="counts">
                  {SHOWN_COUNTS.filter((metric) => platformShows(post.platform, metric)).map((metric) => (
                    <div key={metric} data-metric={metric}>
                      <dt>{metricLabel(metric)}</dt>
                      <dd>{formatCount(c[metric])}</dd>
                    </div>
                  ))}
                </dl>
                <dl class="ratios">
                  <RateValue
                    id="engagementRate"
                    label={t('pop.post.engagementPerView')}
                    title={t('pop.post.engagementFormula', {
                      formula: formulaLabel(`(${ENGAGEMENT_PARTS[post.platform].join(' + ')}) ÷ views`),
                    })}
                    value={rate(engagements(c, post.platform), c.views)}
                  />
                  {shownRatios(post.platform).map((r) => (
                    <RateValue
                      key={r.id}
                      id={r.id}
                      label={ratioLabel(r.id)}
                      title={
                        r.id === 'repostsPerLike'
                          ? formulaLabel(rateFormula('amplification', post.platform, post.includes))
                          : ratioLabel(r.id)
                      }
                      value={rate(c[r.numerator], c[r.denominator])}
                    />
                  ))}
                </dl>
                <button
                  type="button"
                  class="link-button"
                  aria-expanded={open}
                  onClick={() => props.onSelect(open ? null : post.key)}
                >
                  {open ? t('pop.post.hideHistory') : t('pop.post.history')}
                </button>
                {open && <PostHistory db={props.db} post={post} />}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
