// The only way the webview creates elements: tag names are constants of ours, and every string that
// may come from a manifest goes in through textContent or setAttribute (never innerHTML), so a name
// like `<img src=x onerror=…>` is shown as text and never parsed as markup.
const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Readonly<Record<string, string | number | undefined>>;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
}

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, textContent?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

export function htmlEl<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, textContent?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
