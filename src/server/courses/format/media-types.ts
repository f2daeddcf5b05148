import { svgRefusalReason } from './svg-allow-list.ts';
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

/** See svg-allow-list.ts: SVG images are accepted by allow-list, with namespaces resolved. */
export function unsafeSvgReason(svg: string): string | undefined {
  return svgRefusalReason(svg);
}
