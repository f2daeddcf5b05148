import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { renderScenarioSvg } from '../../src/server/roleplay/graph/render-scenario-svg.ts';
import { edit, fixtureText, parse } from './helpers.ts';

function render(text: string): cheerio.CheerioAPI {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return cheerio.load(renderScenarioSvg(result.scenario), { xml: true });
}

describe('renderScenarioSvg', () => {
  const $ = render(fixtureText('mini'));

  it('is an accessible image with a title and a description that counts the nodes', () => {
    const svg = $('svg');
    expect(svg.attr('role')).to.equal('img');
    const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
    expect($(`title#${titleId}`).text()).to.equal('Graphe du scénario « Appel de test »');
    expect($(`desc#${descId}`).text()).to.equal('9 nœuds : 3 réplique(s) du client, 2 tour(s) à choix, 1 réponse(s) libre(s) ; fins : 1 résolue(s), 1 escaladée(s), 1 où le client raccroche. Départ : bonjour.');
  });

  it('draws one box per node, coloured by kind, with endings marked', () => {
    expect($('g.rp-node').length).to.equal(9);
    expect($('g.rp-ending').length).to.equal(3);
    const ending = $('g.rp-ending').filter((_, g) => $(g).find('text').first().text() === 'raccroche');
    expect(ending.find('text').eq(1).text()).to.equal('Fin : raccroché');
    expect(ending.find('rect').attr('fill')).to.equal('#fee2e2');
    expect($('g.rp-customer rect').first().attr('fill')).to.equal('#dbeafe');
    expect($('g.rp-node title').first().text()).to.equal('bonjour — Client : Bonjour, j\'appelle pour ma commande.');
  });

  it('draws one arrow per pair of linked nodes, naming the ways', () => {
    expect($('path[marker-end]').length).to.equal(10);
    expect($('text').map((_, t) => $(t).text()).get()).to.include.members(['choix 1, choix 2', 'attente', 'transfert', 'réussie, à revoir', 'humeur basse']);
  });

  it('has no script and escapes text', () => {
    const $$ = render(edit(fixtureText('mini'), 'title: Appel de test', 'title: "Appel <script>alert(1)</script> & co"'));
    expect($$('script').length).to.equal(0);
    expect($$('title').first().text()).to.equal('Graphe du scénario « Appel <script>alert(1)</script> & co »');
  });
});
