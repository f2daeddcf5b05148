import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// breaks: a line break typed by the trainer stays a line break (addresses in letters, one
// sentence per line for slow readers): what trainers see in their editor is what learners get.
const markdown = new Marked({ gfm: true, breaks: true });

/**
 * Learners cannot follow links (no internet on the terminals) and nothing may run in a page,
 * so only plain structure survives: links lose their tag and keep their text.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'blockquote', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'],
  allowedAttributes: { img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: [],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/**
 * Markdown to sanitised HTML. `imageUrl` maps an image reference as written to the URL it is
 * served at; images it does not know are dropped.
 */
export function renderSafeMarkdown(source: string, imageUrl: (src: string) => string | undefined = () => undefined): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, {
    ...SANITIZE_OPTIONS,
    transformTags: {
      img: (tagName, attribs) => {
        const url = imageUrl(attribs.src ?? '');
        return url ? { tagName, attribs: { ...attribs, src: url } } : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
      },
    },
  }).trim();
}

export interface MarkdownReference {
  kind: 'image' | 'link';
  target: string;
  /** Image alternative text, or link text. */
  label: string;
  /** 1-based line in the source. */
  line: number;
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const LINK = /(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const RAW_HTML_TAG = /<\s*(a|img|script|iframe|audio|video|object|embed|style)\b/i;

/** Lines of the source outside fenced code blocks, with their 1-based numbers. */
export function proseLines(source: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let fenced = false;
  source.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced) out.push({ line: i + 1, text });
  });
  return out;
}

/** Images and links with their lines, so the validator can point at them. */
export function findReferences(source: string): MarkdownReference[] {
  const refs: MarkdownReference[] = [];
  for (const { line, text } of proseLines(source)) {
    for (const m of text.matchAll(IMAGE)) refs.push({ kind: 'image', label: m[1], target: m[2], line });
    for (const m of text.matchAll(LINK)) refs.push({ kind: 'link', label: m[1], target: m[2], line });
  }
  return refs;
}

/** First raw HTML tag that sanitising would silently remove, to warn the author instead. */
export function findRawHtml(source: string): Array<{ line: number; tag: string }> {
  return proseLines(source)
    .map(({ line, text }) => ({ line, tag: RAW_HTML_TAG.exec(text)?.[1] }))
    .filter((r): r is { line: number; tag: string } => r.tag !== undefined);
}
