/**
 * Numbers that sit where counts sit but count something else: people watching a live stream now
 * (YouTube "1613 aktive Zuschauer", TikTok LIVE "1.2K watching"), people waiting for a premiere,
 * members or people online in a community (Reddit "3.4k online"), posts not yet shown ("Show 35
 * posts", Bluesky's "new posts" pill), people talking about a trend (Mastodon "123 people in the
 * past 2 days"). Stored as a post's views or likes, any of them is a wrong number that looks right.
 *
 * Adapters read counts by position and hook, not by their words (the words are translated). Where
 * a count's own label carries its unit word, this list is the safety net: a label that says it
 * counts one of these is never stored as a metric. Phrases are matched in every language at once
 * (sites mix languages), lower-cased and NFKC-normalised; each is specific enough not to occur
 * in a label of likes, replies, reposts, saves or views ("观看次数" is views, "人正在观看" is not).
 */
import { normalizeText } from './normalize';

const PHRASES: readonly string[] = [
  // en
  'watching',
  'watchers',
  'viewers',
  'online',
  'members',
  'people here',
  'here now',
  'new post',
  'new tweet',
  'talking about',
  'in the past',
  'waiting',
  // de
  'zuschauer',
  'schauen gerade',
  'mitglieder',
  'neue post',
  'neue beiträge',
  'warten',
  'sprechen darüber',
  'personen hier',
  // fr
  'spectateur',
  'regardent',
  'en ligne',
  'membres',
  'nouveaux posts',
  'nouvelles publications',
  'en attente',
  'en parlent',
  // es, pt, it
  'espectador',
  'viendo',
  'en línea',
  'miembros',
  'nuevas publicaciones',
  'esperando',
  'assistindo',
  'membros',
  'novas publicações',
  'aguardando',
  'spettator',
  'stanno guardando',
  'membri',
  'nuovi post',
  'in attesa',
  // tr, ru
  'izleyici',
  'izliyor',
  'çevrimiçi',
  'yeni gönderi',
  'зрител',
  'смотрят',
  'онлайн',
  'участник',
  'новых пост',
  'ожида',
  // ja, zh, ko
  '視聴中',
  'オンライン',
  '新しいポスト',
  '待機中',
  '人正在观看',
  '正在觀看',
  '在线',
  '在線',
  '시청 중',
  '온라인',
  '새 게시물',
];

/**
 * True when a count's label says it counts something other than a post's engagement (watching,
 * online, members, new posts, talking about…): such a number is never stored as a metric.
 */
export function countsSomethingElse(label: string | null | undefined): boolean {
  if (!label) return false;
  const text = normalizeText(label).toLowerCase();
  return PHRASES.some((phrase) => text.includes(phrase));
}
