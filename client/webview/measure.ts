// Text widths for node and label sizes, measured with a canvas in the page's own font, and truncation
// with an ellipsis (the full text is in the tooltip).
const canvas = document.createElement('canvas');
const ctx = canvas.getContext('2d');

export const FONT = {
  label: { size: 13, weight: '600' },
  sublabel: { size: 11, weight: '400' },
  edge: { size: 11, weight: '400' },
} as const;

function family(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

export function textWidth(text: string, font: { size: number; weight: string }): number {
  if (!ctx) return text.length * font.size * 0.6;
  ctx.font = `${font.weight} ${font.size}px ${family()}`;
  return ctx.measureText(text).width;
}

/** `text` cut to fit `max` pixels, with an ellipsis when cut. */
export function fit(text: string, font: { size: number; weight: string }, max: number): string {
  if (textWidth(text, font) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
