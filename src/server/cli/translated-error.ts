/** An AppError as the lines a page would show, for commands that share a service with a page. */
import { AppError } from '../errors.ts';
import { isLocale, translator, DEFAULT_LOCALE } from '../i18n/catalogue.ts';

/** French unless --lang en (or LANG=en_...) asks otherwise, like the pages' default. */
export function cliLocale(option: unknown, env: Record<string, string | undefined> = process.env) {
  if (isLocale(option)) return option;
  const fromEnv = (env.LANG ?? '').slice(0, 2);
  return isLocale(fromEnv) ? fromEnv : DEFAULT_LOCALE;
}

export function translatedErrorLines(err: AppError, locale: ReturnType<typeof cliLocale>): string[] {
  const t = translator(locale);
  const keys = [err.messageKey, ...Object.values(err.fieldErrors)];
  return [...new Set(keys)].map((key) => t(key));
}
