import { beforeEach } from 'vitest';
import { forgetLocaleTables } from './locale-table';

/** The UI languages the number tests cover: every locale the platforms issue names, and regional variants. */
export const TESTED_LOCALES = [
  'en',
  'en-IN',
  'de',
  'fr',
  'es',
  'es-MX',
  'pt-BR',
  'it',
  'nl',
  'pl',
  'ru',
  'uk',
  'cs',
  'tr',
  'sv',
  'nb',
  'id',
  'vi',
  'ja',
  'zh-CN',
  'zh-TW',
  'ko',
  'hi',
  'th',
  'ar',
  'ar-EG',
  'fa',
  'he',
] as const;

/**
 * Every test of the calling file builds the locale tables it reads afresh (see
 * forgetLocaleTables): a test then fails when table building breaks, not only the first test
 * that happened to build that locale.
 */
export function freshTablesPerTest(): void {
  beforeEach(forgetLocaleTables);
}
