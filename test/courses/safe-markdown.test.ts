import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { findReferences, renderSafeMarkdown } from '../../src/server/courses/format/safe-markdown.ts';

describe('renderSafeMarkdown', () => {
  it('keeps structure and drops scripts, handlers and links (keeping their text)', () => {
    const html = renderSafeMarkdown('## Titre\n\n**gras** [le site](https://exemple.fr)\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    const $ = cheerio.load(html);
    expect($('h2').text()).to.equal('Titre');
    expect($('strong').text()).to.equal('gras');
    expect($('a').length).to.equal(0);
    expect($('p').first().text()).to.contain('le site');
    expect($('script').length).to.equal(0);
    expect(html).to.not.contain('onerror');
    expect($('img[src="x"]').length).to.equal(0);
    expect($('td').map((_, td) => $(td).text()).get()).to.deep.equal(['1', '2']);
  });

  it('keeps line breaks typed by the trainer', () => {
    const $ = cheerio.load(renderSafeMarkdown('12 bis rue Pasteur\n41000 Blois'));
    expect($('p br').length).to.equal(1);
  });

  it('points known images at their URL and replaces unknown ones by their description', () => {
    const html = renderSafeMarkdown('![Schéma](a.svg) ![Autre](b.svg)', (src) => (src === 'a.svg' ? '/course-assets/abc' : undefined));
    const $ = cheerio.load(html);
    expect($('img').attr('src')).to.equal('/course-assets/abc');
    expect($('img').length).to.equal(1);
    expect($('p').text()).to.contain('Autre');
  });
});

describe('findReferences', () => {
  it('finds images and links with their lines, outside code blocks', () => {
    const refs = findReferences('texte\n![alt](img.png)\n```\n[pas un lien](x)\n```\n[lien](http://x)');
    expect(refs).to.deep.equal([
      { kind: 'image', label: 'alt', target: 'img.png', line: 2 },
      { kind: 'link', label: 'lien', target: 'http://x', line: 6 },
    ]);
  });
});
