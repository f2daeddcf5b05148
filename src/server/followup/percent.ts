/** "80 %" (French spacing in both languages, as the rest of the app writes it), or "–" for none. */
export const percentText = (scaled: number | null): string => (scaled === null ? '–' : `${Math.round(scaled * 100)} %`);
