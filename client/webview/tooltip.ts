// The hover (and keyboard focus) card of a node: what it is, its state and problems, and its details
// as the server listed them. Built with textContent only.
import type { RoutingNode } from '../../common/routing';
import { clear, htmlEl } from './dom';
import { KIND_NAMES } from './render';

export class Tooltip {
  readonly el = htmlEl('div', { class: 'tooltip', role: 'tooltip', id: 'tooltip', hidden: '' });

  show(node: RoutingNode, anchor: Element, container: HTMLElement): void {
    clear(this.el);
    this.el.appendChild(htmlEl('div', { class: 'tooltip-kind' }, KIND_NAMES[node.kind]));
    this.el.appendChild(htmlEl('div', { class: 'tooltip-title' }, node.label));
    if (node.sublabel) this.el.appendChild(htmlEl('div', { class: 'tooltip-sub' }, node.sublabel));
    if (node.state !== 'ok' || node.problems?.length) {
      const list = htmlEl('ul', { class: `tooltip-problems state-${node.state}` });
      const problems = node.problems?.length ? node.problems : [node.state === 'unreachable' ? 'Unreachable: an earlier rule matches every request.' : 'Broken reference.'];
      for (const p of problems) list.appendChild(htmlEl('li', {}, p));
      this.el.appendChild(list);
    }
    if (node.details.length) {
      const dl = htmlEl('dl', { class: 'tooltip-details' });
      for (const d of node.details) {
        dl.appendChild(htmlEl('dt', {}, d.label));
        dl.appendChild(htmlEl('dd', {}, d.value));
      }
      this.el.appendChild(dl);
    }
    if (node.location) this.el.appendChild(htmlEl('div', { class: 'tooltip-hint' }, 'Click or press Enter to open the YAML'));
    this.el.hidden = false;
    // Beside the node, flipped to the left or up when it would leave the visible area.
    const box = anchor.getBoundingClientRect();
    const area = container.getBoundingClientRect();
    const tip = this.el.getBoundingClientRect();
    let left = box.right - area.left + 8;
    if (left + tip.width > area.width) left = Math.max(4, box.left - area.left - tip.width - 8);
    let top = box.top - area.top;
    if (top + tip.height > area.height) top = Math.max(4, area.height - tip.height - 4);
    this.el.style.left = `${left}px`;
    this.el.style.top = `${Math.max(4, top)}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
