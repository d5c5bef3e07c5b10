// Zoom (wheel, buttons, keyboard) around a point and pan by dragging, as a transform on one <g>.
// A drag that moved swallows the click that ends it, so panning over a node does not open its YAML.
import type { Box } from './layout';

export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;

export class ZoomPan {
  private t: Transform = { x: 0, y: 0, k: 1 };
  /** Set once the user zoomed or panned: refreshes after an edit then keep their view instead of refitting. */
  touched = false;
  private drag: { x: number; y: number; t: Transform; moved: boolean; id: number } | undefined;
  private swallowClick = false;

  constructor(private readonly svg: SVGSVGElement, private readonly viewport: SVGGElement) {
    svg.addEventListener('wheel', (ev) => this.onWheel(ev), { passive: false });
    svg.addEventListener('pointerdown', (ev) => this.onDown(ev));
    svg.addEventListener('pointermove', (ev) => this.onMove(ev));
    svg.addEventListener('pointerup', (ev) => this.onUp(ev));
    svg.addEventListener('pointercancel', (ev) => this.onUp(ev));
    svg.addEventListener('click', (ev) => {
      if (this.swallowClick) {
        ev.stopPropagation();
        ev.preventDefault();
        this.swallowClick = false;
      }
    }, true);
  }

  get transform(): Transform {
    return this.t;
  }

  set(t: Transform): void {
    this.t = { x: t.x, y: t.y, k: Math.min(MAX_SCALE, Math.max(MIN_SCALE, t.k)) };
    this.viewport.setAttribute('transform', `translate(${this.t.x},${this.t.y}) scale(${this.t.k})`);
  }

  /** Scales and centres `bounds` in the visible area, never enlarging beyond 100 %. */
  fit(bounds: Box): void {
    const { width, height } = this.svg.getBoundingClientRect();
    if (!width || !height || !bounds.width || !bounds.height) return this.set({ x: 0, y: 0, k: 1 });
    const k = Math.min(1, (width - 16) / bounds.width, (height - 16) / bounds.height);
    this.set({ k, x: (width - bounds.width * k) / 2 - bounds.x * k, y: Math.max(8, (height - bounds.height * k) / 2) - bounds.y * k });
    this.touched = false;
  }

  /** Zooms by `factor` keeping the point (in svg pixels) under the cursor still; the centre by default. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.svg.getBoundingClientRect();
    const p = at ?? { x: rect.width / 2, y: rect.height / 2 };
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.t.k * factor));
    const ratio = k / this.t.k;
    this.set({ k, x: p.x - (p.x - this.t.x) * ratio, y: p.y - (p.y - this.t.y) * ratio });
    this.touched = true;
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.t, x: this.t.x + dx, y: this.t.y + dy });
    this.touched = true;
  }

  private onWheel(ev: WheelEvent): void {
    ev.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    if (ev.ctrlKey || ev.metaKey || Math.abs(ev.deltaY) >= Math.abs(ev.deltaX)) {
      this.zoomBy(Math.exp(-ev.deltaY * 0.0015), { x: ev.clientX - rect.left, y: ev.clientY - rect.top });
    } else {
      this.panBy(-ev.deltaX, 0);
    }
  }

  private onDown(ev: PointerEvent): void {
    if (ev.button !== 0) return;
    this.drag = { x: ev.clientX, y: ev.clientY, t: this.t, moved: false, id: ev.pointerId };
  }

  private onMove(ev: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== ev.pointerId) return;
    const dx = ev.clientX - d.x;
    const dy = ev.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      this.svg.setPointerCapture(ev.pointerId);
      this.svg.classList.add('panning');
    }
    this.set({ ...d.t, x: d.t.x + dx, y: d.t.y + dy });
    this.touched = true;
  }

  private onUp(ev: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== ev.pointerId) return;
    this.drag = undefined;
    if (d.moved) {
      this.swallowClick = true;
      this.svg.classList.remove('panning');
      if (this.svg.hasPointerCapture(ev.pointerId)) this.svg.releasePointerCapture(ev.pointerId);
    }
  }
}
