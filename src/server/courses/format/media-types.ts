/** Media a module folder may hold, by extension. Anything else is rejected by the validator. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  webm: 'audio/webm',
};

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

export function mediaTypeOf(path: string): string | undefined {
  return MEDIA_TYPES[extensionOf(path)];
}

export function isImage(path: string): boolean {
  return mediaTypeOf(path)?.startsWith('image/') ?? false;
}

export function isAudio(path: string): boolean {
  return mediaTypeOf(path)?.startsWith('audio/') ?? false;
}

/** Source files the parser reads as text. */
export function isSourceText(path: string): boolean {
  return ['yaml', 'yml', 'md'].includes(extensionOf(path));
}

/**
 * SVG is served from our origin; an SVG with scripts, event handlers or external references
 * would run or leak when opened directly, so such files are refused.
 */
export function unsafeSvgReason(svg: string): string | undefined {
  if (/<script[\s>]/i.test(svg)) return 'contient un script';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'contient un gestionnaire d’événement (on...=)';
  if (/<foreignObject[\s>]/i.test(svg)) return 'contient un élément foreignObject';
  if (/(?:href|src)\s*=\s*["']\s*(?:https?:|javascript:|data:|\/\/)/i.test(svg)) {
    return 'fait référence à une ressource externe';
  }
  return undefined;
}
