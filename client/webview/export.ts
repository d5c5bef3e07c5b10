// Export of the drawing as a standalone SVG (theme colours resolved and written inline, since the
// file is opened outside VS Code where the CSS variables do not exist) and as a PNG rendered from
// that SVG through an <img> and a canvas: blob: and data: only, never a remote resource.
import type { Box } from './layout';

/** Properties that carry the look; computed values are concrete colours and lengths, not var(). */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'dominant-baseline', 'text-anchor', 'visibility', 'display'];

function inlineStyles(original: Element, copy: Element): void {
  const cs = getComputedStyle(original);
  // Presentation attributes rather than a style attribute: the page's CSP refuses style attributes,
  // and attributes work in every SVG viewer.
  for (const p of STYLE_PROPS) {
    const value = cs.getPropertyValue(p);
    if (value) copy.setAttribute(p, value);
  }
  copy.removeAttribute('style');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('role');
  const a = original.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

/** The drawing as SVG text, at 100 % scale, on the editor's background colour. */
export function exportSvg(svg: SVGSVGElement, bounds: Box): { text: string; width: number; height: number } {
  const width = Math.ceil(bounds.width);
  const height = Math.ceil(bounds.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `${bounds.x} ${bounds.y} ${width} ${height}`);
  copy.removeAttribute('class');
  copy.querySelector('g.viewport')?.removeAttribute('transform');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('x', String(bounds.x));
  background.setAttribute('y', String(bounds.y));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
  copy.insertBefore(background, copy.querySelector('g.viewport'));
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** PNG (base64, no data: prefix) of the exported SVG at `scale` × its size. */
export async function exportPng(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser could not draw the SVG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
