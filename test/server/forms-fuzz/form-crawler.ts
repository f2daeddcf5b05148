/**
 * Collects the POST forms of the rendered pages, as a role sees them: which fields each form
 * sends and with which values (hidden attempt ids, select options, checkbox values). The fuzz
 * mutates these real bodies rather than guessing field names.
 */
import type request from 'supertest';
import { cheerio } from '../../helpers/app.ts';

export interface CrawledForm {
  action: string;
  multipart: boolean;
  /** Field name to the values a browser could send (several for selects, radios, checkboxes, buttons). */
  fields: Map<string, string[]>;
  /** The names of its file inputs. */
  fileFields: string[];
}

function add(fields: Map<string, string[]>, name: string | undefined, value: string): void {
  if (!name || name === '_csrf') return;
  const values = fields.get(name) ?? [];
  if (!values.includes(value)) values.push(value);
  fields.set(name, values);
}

/** The POST forms of one HTML page. */
export function formsOf(html: string, pagePath: string): CrawledForm[] {
  const $ = cheerio.load(html);
  const forms: CrawledForm[] = [];
  $('form').each((_, form) => {
    if (($(form).attr('method') ?? 'get').toLowerCase() !== 'post') return;
    const fields = new Map<string, string[]>();
    const fileFields: string[] = [];
    $(form)
      .find('input, textarea, select, button')
      .each((__, el) => {
        const name = $(el).attr('name');
        if ($(el).attr('type') === 'file') fileFields.push(name ?? 'file');
        else if (el.tagName === 'select') $(el).find('option').each((___, o) => add(fields, name, $(o).attr('value') ?? $(o).text()));
        else if (el.tagName === 'textarea') add(fields, name, $(el).text());
        else add(fields, name, $(el).attr('value') ?? (['checkbox', 'radio'].includes($(el).attr('type') ?? '') ? 'on' : ''));
      });
    const action = new URL($(form).attr('action') || pagePath, 'http://x').pathname;
    forms.push({ action, multipart: ($(form).attr('enctype') ?? '').includes('multipart'), fields, fileFields });
  });
  return forms;
}

/** Same-site links of a page, without query strings of downloads. */
function linksOf(html: string): string[] {
  const $ = cheerio.load(html);
  return $('a[href]')
    .map((_, a) => $(a).attr('href') as string)
    .get()
    .filter((href) => href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/static/') && !href.includes('lang='));
}

/**
 * Breadth-first over the pages an agent can reach from `starts`, visiting at most `perShape`
 * pages of each link shape (ids blanked, query keys kept) and `maxPages` in all. The starts come
 * first, so the pages they link to are visited before the shape's budget is spent elsewhere.
 */
export async function crawlForms(agent: request.Agent, starts: string[], options: { perShape: number; maxPages: number }): Promise<CrawledForm[]> {
  const queue = [...starts];
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const forms: CrawledForm[] = [];
  // The segments between the area and the last are ids: /trainer/authoring/:m/file?path is one shape.
  const shapeOf = (p: string) => {
    const [pathname, query = ''] = p.split('?');
    const segments = pathname.split('/').filter(Boolean);
    const keys = [...new URLSearchParams(query).keys()].sort().join('&');
    return `${segments.map((s, i) => (i >= 2 && i < segments.length - 1 ? '#' : s)).join('/')}?${keys}`;
  };
  while (queue.length > 0 && seen.size < options.maxPages) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    const isStart = starts.includes(next);
    const shape = shapeOf(next);
    if (!isStart && (shapes.get(shape) ?? 0) >= options.perShape) continue;
    seen.add(next);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const res = await agent.get(next);
    if (res.status !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    forms.push(...formsOf(res.text, next.split('?')[0]));
    for (const link of linksOf(res.text)) if (!seen.has(link)) queue.push(link);
  }
  return forms;
}
