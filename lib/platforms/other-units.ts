/**
 * Numbers whose unit word says they count something else. Where an adapter takes a number by its
 * place (the count beside the second button is comments), a number printed with the word of another
 * metric, or of no post metric at all, must not be stored under that place's metric: a video's
 * "12K views" or "1.2M plays", a group post's "Seen by 45", a shared Page's "1.2M followers",
 * "N people are talking about this", "N watching". Listed in the UI languages Feedlens's fixtures
 * cover (en, pt, es, de, fr, it, ja, zh, tr, ru); elsewhere only structure decides.
 */
import type { Metric } from '../model';

const VIEWS = [
  'views?',
  'plays?',
  'impressions?',
  'visualizaç(?:ão|ões)',
  'visualizaciones',
  'reproduç(?:ão|ões)',
  'reproducciones',
  'impress(?:ão|ões)',
  'aufrufe?',
  'wiedergaben?',
  'vues?',
  'lectures?',
  'visualizzazioni',
  'görüntüleme',
  'izlenme',
  'просмотр\\p{L}*',
  '回再生',
  '回視聴',
  '次观看',
  '次觀看',
];
const NOT_A_POST_METRIC = [
  'watching',
  'assistindo',
  'zuschauer',
  'seen by',
  'visto por',
  'gesehen von',
  'vu par',
  'talking about',
  'falando sobre',
  'hablando de',
  'en parlent',
  'followers?',
  'seguidores',
  'follower',
  'abonnenten',
  'abonnés',
  'members',
  'membros',
  'miembros',
  'mitglieder',
  'membres',
  'takipçi',
  'подписчик\\p{L}*',
  'フォロワー',
  '人が視聴中',
  '位关注者',
];

const words = (list: string[]) => new RegExp(`(?<!\\p{L})(?:${list.join('|')})(?!\\p{L})`, 'iu');
const VIEW_WORDS = words(VIEWS);
const OTHER_WORDS = words(NOT_A_POST_METRIC);

/**
 * The unit word in `text` that says its number is not `metric` (views words are fine for views),
 * or null when there is none. A views word counts only after the number ("12K views"), so that the
 * verb of "View all 56 comments" is not taken for one.
 */
export function otherUnit(text: string, metric: Metric): string | null {
  const other = OTHER_WORDS.exec(text)?.[0];
  if (other) return other;
  const firstDigit = text.search(/\p{Nd}/u);
  const view = metric === 'views' || firstDigit < 0 ? undefined : VIEW_WORDS.exec(text.slice(firstDigit))?.[0];
  return view ?? null;
}
