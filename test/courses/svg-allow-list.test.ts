import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { svgRefusalReason } from '../../src/server/courses/format/svg-allow-list.ts';
import { SVG } from './fixtures.ts';

const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">';

describe('SVG allow-list', () => {
  it('accepts the shipped course image and the fixture', () => {
    expect(svgRefusalReason(readFileSync('courses/accueil-appels-entrants/images/phases-appel.svg', 'utf8'))).to.equal(undefined);
    expect(svgRefusalReason(SVG)).to.equal(undefined);
    expect(svgRefusalReason(`${OPEN}<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>`)).to.equal(undefined);
  });

  const refused: [string, string, string][] = [
    ['a script bound to the SVG namespace by a prefix', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>', 'contient un script'],
    ['a plain script', `${OPEN}<script>alert(1)</script></svg>`, 'contient un script'],
    ['an onload handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'gestionnaire d’événement'],
    ['a prefixed handler', `${OPEN}<rect xlink:onclick="alert(1)"/></svg>`, 'gestionnaire d’événement'],
    ['xlink:href to http', `${OPEN}<use xlink:href="http://evil.test/x.svg#a"/></svg>`, 'ressource externe'],
    ['a renamed xlink prefix', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:q="http://www.w3.org/1999/xlink"><use q:href="//evil.test/x.svg#a"/></svg>', 'ressource externe'],
    ['a url() to http in style', `${OPEN}<rect style="fill:url(http://evil.test/a)"/></svg>`, 'ressource externe'],
    ['an @import in a style element', `${OPEN}<style>@import url(https://evil.test/a.css);</style></svg>`, 'ressource externe'],
    ['foreignObject', `${OPEN}<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>`, 'foreignObject'],
    ['entity expansion (billion laughs)', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>', 'DOCTYPE'],
    ['an element outside the SVG namespace', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:iframe/></svg>', 'espace de noms'],
    ['an unknown element', `${OPEN}<image href="#a"/></svg>`, 'non autorisé'],
    ['a root without the SVG namespace', '<svg><script>alert(1)</script></svg>', 'pas une image SVG'],
  ];
  for (const [what, svg, reason] of refused) {
    it(`refuses ${what}`, () => {
      expect(svgRefusalReason(svg)).to.include(reason);
    });
  }
});
