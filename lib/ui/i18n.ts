/**
 * Feedlens's words in the browser's language. Messages live in locales/<lang>.yml; WXT's i18n
 * module turns them into _locales/<lang>/messages.json and types every key, and `browser.i18n`
 * picks the language (falling back to English key by key).
 *
 * Plurals follow each language's own rules (Intl.PluralRules): a plural message is a group of
 * CLDR categories (`one`, `other`, …), e.g. "one: {count} row / other: {count} rows", and
 * Japanese needs only `other`. The module's own plural form ("1 | n") knows English rules only.
 */
import type { GeneratedI18nStructure } from '#i18n';
import { browser } from 'wxt/browser';

export type MessageKey = keyof GeneratedI18nStructure;
type Substitutions = Record<string, string | number>;

/** The language the browser shows Feedlens in ("de", "pt-BR"): also the locale of every number. */
export function uiLocale(): string {
  try {
    // The language of the catalog the browser chose, so numbers always match the words around them.
    return message('languageTag') || browser.i18n.getUILanguage() || navigator.language;
  } catch {
    // Outside the extension (a benchmark page, a worker): the page's language.
    return navigator.language;
  }
}

type GetMessage = (name: string) => string;
let cachedFrom: GetMessage | undefined;
const cache = new Map<string, string>();

/**
 * The message, or '' when no language has it. Nested keys ("popup.title") are stored as "popup_title".
 * Kept once read: an extension's messages cannot change while it runs, and each `getMessage` is a
 * call into the browser (badges asked for their words on every draw: 4% of a scrolled feed's
 * Feedlens time). A different `getMessage` (a test switching language) starts afresh.
 */
function message(key: string): string {
  const get = browser.i18n.getMessage as GetMessage;
  if (get !== cachedFrom) {
    cache.clear();
    cachedFrom = get;
  }
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = get(key.replaceAll('.', '_'))));
  return text;
}

/**
 * A message with its `{name}` placeholders filled (the module's named substitutions; `$1` forms
 * are not used, so a translation may reorder the parts freely).
 */
export function t(key: MessageKey, substitutions: Substitutions = {}): string {
  return message(key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in substitutions ? String(substitutions[name]) : whole,
  );
}

type PluralGroup<K> = K extends `${infer G}.other` ? G : never;
/** Keys of plural groups: every group with an `other` form. */
export type PluralKey = PluralGroup<MessageKey>;

const rules = new Map<string, Intl.PluralRules>();

/** The form of `group` for `count` in the UI language; `{count}` is the number, formatted. */
export function plural(group: PluralKey, count: number, substitutions: Substitutions = {}): string {
  const locale = uiLocale();
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const subs = { count: count.toLocaleString(locale), ...substitutions };
  const form = `${group}.${rule.select(count)}`;
  // A language without a form for this category (French "many") uses its "other".
  const text = message(form) ? form : `${group}.other`;
  return t(text as MessageKey, subs);
}
