import Handlebars, { type HelperOptions } from 'handlebars';
import { DEFAULT_LOCALE, isLocale, translator } from '../../i18n/catalogue.ts';
import { speechUrl } from '../../speech/speech-key.ts';
import { isSpeechPace } from '../../speech/speech-pace.ts';
import { registerSpeech } from '../../speech/speech-texts.ts';

/**
 * {{listen text}}: an "Écouter" control that reads `text` aloud at the reader's pace
 * (res.locals.reading). A plain <audio controls> inside <details>: it plays without JavaScript,
 * and nothing is synthesized until the learner presses play (preload="none").
 */
export function listen(text: unknown, options: HelperOptions): Handlebars.SafeString | string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const root = options.data?.root as { locale?: unknown; reading?: { speechPace?: unknown } } | undefined;
  const t = translator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
  const pace = isSpeechPace(root?.reading?.speechPace) ? root.reading.speechPace : 'normal';
  const src = speechUrl(registerSpeech(text, pace));
  const esc = Handlebars.escapeExpression;
  return new Handlebars.SafeString(
    `<details class="listen"><summary><svg class="icon" aria-hidden="true" focusable="false" width="24" height="24"><use href="/static/icons/icons.svg#play"></use></svg><span>${esc(t('speech.listen'))}</span></summary>` +
      `<audio controls preload="none" src="${esc(src)}" data-speech>${esc(t('speech.noAudio'))}</audio></details>`,
  );
}
