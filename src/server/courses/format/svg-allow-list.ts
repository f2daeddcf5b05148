/**
 * SVG is served from our origin, so an image must not be able to run script or fetch anything.
 * Rather than looking for known-bad patterns (a regex missed `<s:script>` bound to the SVG
 * namespace), the file is parsed as XML (htmlparser2 in XML mode), namespace prefixes are
 * resolved, and only listed SVG elements and attributes are accepted. Anything else refuses the
 * file with a reason in French, shown to the trainer next to the file name at import.
 */
import { Parser } from 'htmlparser2';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Static drawing elements: no script, foreignObject, animation (can set href), image or feImage. */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'metadata', 'symbol', 'use', 'style',
  'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feComposite', 'feFlood', 'feMerge', 'feMergeNode',
]);

/** Geometry, presentation and accessibility attributes (no namespace). `href` is checked apart. */
const ATTRIBUTES = new Set([
  'id', 'class', 'style', 'lang', 'role', 'tabindex', 'focusable', 'version', 'baseProfile',
  'viewBox', 'preserveAspectRatio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'pathLength', 'transform',
  'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset', 'text-anchor', 'dominant-baseline',
  'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing', 'word-spacing', 'text-decoration',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-miterlimit', 'opacity', 'color',
  'display', 'visibility', 'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end',
  'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
  'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'values', 'type',
  'k1', 'k2', 'k3', 'k4', 'flood-color', 'flood-opacity', 'media',
]);

/** A value that may reach the network or run: any url(...) not to `#id`, @import, expression(). */
function unsafeValue(value: string): boolean {
  const normalized = value.replace(/\\/g, '').toLowerCase();
  if (/@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding/.test(normalized)) return true;
  for (const match of normalized.matchAll(/url\s*\(\s*(['"]?)\s*([^)]*)/g)) {
    if (!(match[2] ?? '').startsWith('#')) return true;
  }
  return false;
}

/** The reason the SVG is refused (French, completes "elle …"), or undefined when it is safe. */
export function svgRefusalReason(svg: string): string | undefined {
  let reason: string | undefined;
  const refuse = (why: string): void => { reason ??= why; };
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  const openStyle: boolean[] = [];
  let depth = 0;
  const parser = new Parser({
    onprocessinginstruction(name) {
      const lower = name.toLowerCase();
      if (lower.startsWith('!')) refuse('contient une déclaration DOCTYPE ou d’entités');
      else if (lower !== '?xml') refuse(`contient une instruction de traitement (${name})`);
    },
    onopentag(name, attribs) {
      const parent = scopes[scopes.length - 1] ?? new Map<string, string>();
      const scope = new Map(parent);
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr === 'xmlns') scope.set('', value);
        else if (attr.startsWith('xmlns:')) scope.set(attr.slice(6), value);
      }
      scopes.push(scope);
      const [prefix, local] = name.includes(':') ? [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)] : ['', name];
      const namespace = scope.get(prefix);
      if (depth === 0 && !(namespace === SVG_NS && local === 'svg')) refuse('n’est pas une image SVG (élément racine <svg> dans l’espace de noms SVG attendu)');
      depth += 1;
      if (namespace !== SVG_NS) refuse(`contient un élément hors de l’espace de noms SVG (<${name}>)`);
      else if (local === 'script') refuse('contient un script');
      else if (local === 'foreignObject') refuse('contient un élément foreignObject');
      else if (!ELEMENTS.has(local)) refuse(`contient un élément non autorisé (<${name}>)`);
      openStyle.push(local === 'style');
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
          if (![SVG_NS, XLINK_NS].includes(value)) refuse(`déclare un espace de noms non autorisé (${value})`);
          continue;
        }
        const [attrPrefix, attrLocal] = attr.includes(':') ? [attr.slice(0, attr.indexOf(':')), attr.slice(attr.indexOf(':') + 1)] : ['', attr];
        const attrNs = attrPrefix === '' ? '' : scope.get(attrPrefix);
        if (/^on/i.test(attrLocal)) { refuse('contient un gestionnaire d’événement (on...=)'); continue; }
        if (attrLocal === 'href' && (attrNs === '' || attrNs === XLINK_NS)) {
          if (!value.trim().startsWith('#')) refuse('fait référence à une ressource externe');
          continue;
        }
        if (attrNs === XML_NS && ['space', 'lang'].includes(attrLocal)) continue;
        if (attrNs !== '' || !(ATTRIBUTES.has(attrLocal) || attrLocal.startsWith('aria-'))) {
          refuse(`contient un attribut non autorisé (${attr})`);
          continue;
        }
        if (unsafeValue(value)) refuse('fait référence à une ressource externe');
      }
    },
    ontext(text) {
      if (openStyle[openStyle.length - 1] && unsafeValue(text)) refuse('fait référence à une ressource externe');
    },
    onclosetag() {
      scopes.pop();
      openStyle.pop();
    },
  }, { xmlMode: true, recognizeSelfClosing: true, recognizeCDATA: true });
  parser.write(svg);
  parser.end();
  if (depth === 0) refuse('n’est pas une image SVG (élément racine <svg> attendu)');
  return reason;
}
