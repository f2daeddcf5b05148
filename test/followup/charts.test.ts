import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { barChart, hourTicks } from '../../src/server/charts/bar-chart.ts';
import { heatMap } from '../../src/server/charts/heat-map.ts';
import { progressBar } from '../../src/server/charts/progress-bar.ts';

const svgOf = (markup: string) => cheerio.load(markup, { xml: true });

describe('charts', () => {
  describe('hourTicks', () => {
    it('graduates hours in at most four round steps', () => {
      const h = (ticks: number[]) => ticks.map((t) => t / 3600);
      expect(h(hourTicks(0))).to.deep.equal([0, 0.5]);
      expect(h(hourTicks(1800))).to.deep.equal([0, 0.5]);
      expect(h(hourTicks(3.2 * 3600))).to.deep.equal([0, 1, 2, 3, 4]);
      expect(h(hourTicks(6.5 * 3600))).to.deep.equal([0, 2, 4, 6, 8]);
      expect(h(hourTicks(31 * 3600))).to.deep.equal([0, 10, 20, 30, 40]);
    });
  });

  describe('barChart', () => {
    const chart = barChart({
      id: 'weeks',
      title: 'Temps par semaine',
      desc: 'Heures passées <chaque> semaine',
      labelHeader: 'Semaine',
      valueHeader: 'Durée',
      bars: [
        { label: 'S1', value: 3600 },
        { label: 'S2', value: 1800 },
        { label: 'S3', value: 0 },
      ],
      format: (v) => `${v / 60} min`,
    });

    it('has a title, an escaped description and one bar per value, scaled to the largest', () => {
      const $ = svgOf(chart.svg);
      expect($('svg > title').text()).to.equal('Temps par semaine');
      expect($('svg > desc').text()).to.equal('Heures passées <chaque> semaine');
      expect(chart.svg).to.include('&lt;chaque&gt;');
      const heights = $('rect').map((_, r) => Number($(r).attr('height'))).get();
      expect(heights).to.deep.equal([110, 55, 0]);
      expect($('rect').first().find('title').text()).to.equal('S1 : 60 min');
      expect($('svg').attr('aria-labelledby')).to.equal('bar-weeks-t bar-weeks-d');
    });

    it('gives the same figures as a table', () => {
      expect(chart.table).to.deep.equal({
        caption: 'Temps par semaine',
        headers: ['Semaine', 'Durée'],
        rows: [['S1', '60 min'], ['S2', '30 min'], ['S3', '0 min']],
      });
    });

    it('draws empty bars when every value is zero, and no negative bar', () => {
      const empty = barChart({ id: 'e', title: 't', desc: 'd', labelHeader: 'a', valueHeader: 'b', bars: [{ label: 'x', value: 0 }, { label: 'y', value: -5 }], format: String });
      const $ = svgOf(empty.svg);
      expect($('rect').map((_, r) => $(r).attr('height')).get()).to.deep.equal(['0', '0']);
      expect(empty.table.rows).to.deep.equal([['x', '0'], ['y', '0']]);
    });
  });

  describe('progressBar', () => {
    it('fills in proportion and clamps to 0..1', () => {
      const half = svgOf(progressBar(0.5, '50 %'));
      expect(half('rect').eq(1).attr('width')).to.equal('60');
      expect(half('title').text()).to.equal('50 %');
      expect(svgOf(progressBar(2, 'x'))('rect').eq(1).attr('width')).to.equal('120');
      expect(svgOf(progressBar(-1, 'x'))('rect')).to.have.length(1);
      expect(svgOf(progressBar(Number.NaN, 'x'))('rect')).to.have.length(1);
    });
  });

  describe('heatMap', () => {
    const chart = heatMap({
      id: 'cohort',
      title: 'Compétences',
      desc: 'Niveau par stagiaire',
      rowHeader: 'Stagiaire',
      columns: [
        { key: 'CCP1.1', label: 'CCP1.1', name: 'Accueillir' },
        { key: 'T1', label: 'T1', name: 'Communiquer' },
      ],
      rows: [
        { label: 'Ana', cells: { 'CCP1.1': 'acquis', T1: 'en_cours' } },
        { label: 'Bob & co', cells: { T1: 'non_acquis' } },
      ],
      levelText: { acquis: 'acquis', en_cours: "en cours d'acquisition", non_acquis: 'non acquis', none: 'pas de trace' },
    });

    it('colours one cell per learner and competency, with a tooltip and a glyph', () => {
      const $ = svgOf(chart.svg);
      const fills = $('g > rect').map((_, r) => $(r).attr('fill')).get();
      expect(fills).to.deep.equal(['#1e6b34', '#e0a800', '#e8edf1', '#c8102e']);
      expect($('g').eq(2).find('title').text()).to.equal('Bob & co, Accueillir : pas de trace');
      expect($('g').eq(0).find('text').text()).to.equal('✓');
      expect($('svg > title').text()).to.equal('Compétences');
      expect($('svg > desc').text()).to.equal('Niveau par stagiaire');
    });

    it('gives the levels as a table', () => {
      expect(chart.table.headers).to.deep.equal(['Stagiaire', 'CCP1.1', 'T1']);
      expect(chart.table.rows).to.deep.equal([
        ['Ana', 'acquis', "en cours d'acquisition"],
        ['Bob & co', 'pas de trace', 'non acquis'],
      ]);
    });
  });
});
