/**
 * The posts read on the current page, each with its counts and ratios. Post text is rendered as
 * text (JSX escapes it), never as HTML.
 */
import { formatAge, formatCount, formatRatio } from '@/lib/format';
import { POST_RATIOS, postRatios } from '@/lib/metrics/ratios';
import type { Metric } from '@/lib/model';
import type { PostRecord } from '@/lib/storage/db';

const SHOWN_COUNTS: { metric: Metric; label: string }[] = [
  { metric: 'likes', label: 'likes' },
  { metric: 'reposts', label: 'reposts' },
  { metric: 'replies', label: 'replies' },
  { metric: 'views', label: 'views' },
];

export function PostList(props: { posts: readonly PostRecord[]; now: number }) {
  return (
    <ol class="posts">
      {props.posts.map((post) => {
        const ratios = postRatios(post.latest);
        return (
          <li class="post" key={post.key} data-post-key={post.key}>
            <div class="post-head">
              <a class="post-author" href={post.url} target="_blank" rel="noopener noreferrer">
                {post.author ? `@${post.author}` : post.postId}
              </a>
              {post.promoted && <span class="tag">Promoted</span>}
              <span class="post-age">{formatAge(post.postedAt, props.now)}</span>
            </div>
            {post.text && <p class="post-text">{post.text}</p>}
            <dl class="counts">
              {SHOWN_COUNTS.map(({ metric, label }) => (
                <div key={metric} data-metric={metric}>
                  <dt>{label}</dt>
                  <dd>{formatCount(post.latest[metric])}</dd>
                </div>
              ))}
            </dl>
            <dl class="ratios">
              {POST_RATIOS.map((r) => (
                <div key={r.id} data-ratio={r.id}>
                  <dt>{r.label}</dt>
                  <dd>{formatRatio(ratios[r.id])}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
