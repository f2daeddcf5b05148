/**
 * A lesson page's sanitised HTML (safe-markdown.ts: a fixed set of tags, no attributes but on
 * images and table cells) cut into its top-level blocks, each with the words to read aloud.
 */
export interface HtmlBlock {
  html: string;
  /** What the block says, tags removed, images read by their alternative text. */
  text: string;
}

const TAG = /<\/?([a-z][a-z0-9]*)\b[^>]*?(\/?)>/gi;
const VOID = new Set(['br', 'hr', 'img']);

export function htmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let depth = 0;
  let start = 0;
  let cursor = 0;
  for (const match of html.matchAll(TAG)) {
    const index = match.index ?? 0;
    const name = match[1].toLowerCase();
    const closing = match[0].startsWith('</');
    if (depth === 0 && index > cursor && html.slice(cursor, index).trim() !== '') {
      // Loose text between blocks (sanitising keeps none in practice): a block of its own.
      push(blocks, html.slice(cursor, index));
    }
    if (depth === 0 && !closing) start = index;
    if (VOID.has(name) || match[2] === '/') {
      if (depth === 0) push(blocks, match[0]);
    } else if (closing) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) push(blocks, html.slice(start, index + match[0].length));
    } else {
      depth++;
    }
    cursor = index + match[0].length;
    if (depth === 0) start = cursor;
  }
  if (html.slice(cursor).trim() !== '') push(blocks, html.slice(cursor));
  return blocks;
}

function push(blocks: HtmlBlock[], html: string): void {
  blocks.push({ html, text: spokenText(html) });
}

/** The words of an HTML fragment: list items and cells end a sentence, images say their alt text. */
export function spokenText(html: string): string {
  return decodeEntities(
    html
      .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, ' $1. ')
      .replace(/<\/(li|td|th|h[2-4]|p|tr)>/gi, '. ')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .replace(/([.:;!?])\s*\.(\s|$)/g, '$1$2')
    .replace(/\s+\./g, '.')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
