// How a rule's destinations share its traffic and how much a mirror copies, as istiod programs
// Envoy (the same reading as the weight code lens): one destination gets everything whatever its
// weight; several share in proportion to their weights (an omitted weight is 0). Istio's validation
// wants weights that add up to 100; when they do not, the shares are still proportional and a note says so.
import { isObject } from '../model/resource';
import { percentText, percentValue } from './text';

export interface RouteShare {
  /** Percent of the rule's traffic. */
  readonly percent: number;
  /** The weight as written, when it differs from the share. */
  readonly written?: number;
}

export interface RouteShares {
  readonly shares: readonly RouteShare[];
  /** Set when the weights do not add up to 100 (or are all 0). */
  readonly note?: string;
}

export function routeShares(routes: readonly unknown[]): RouteShares {
  if (routes.length === 0) return { shares: [] };
  const weights = routes.map((r) => (isObject(r) && typeof r.weight === 'number' && r.weight > 0 ? r.weight : 0));
  if (routes.length === 1) return { shares: [{ percent: 100 }] };
  const total = weights.reduce((a, b) => a + b, 0);
  if (!total) return { shares: weights.map(() => ({ percent: 0 })), note: 'every weight is 0, which Istio rejects' };
  const shares = weights.map((w) => {
    const percent = (w * 100) / total;
    return total === 100 ? { percent } : { percent, written: w };
  });
  return { shares, note: total === 100 ? undefined : `weights add up to ${total}, not 100: traffic splits in proportion` };
}

/** `90%`, or `weight 60 (50%)` when the weights do not add up to 100. */
export function shareText(share: RouteShare): string {
  return share.written === undefined ? percentText(share.percent) : `weight ${share.written} (${percentText(share.percent)})`;
}

/** Percent of requests a mirror copies: `mirrorPercentage` / `percentage`, 100 when absent. */
export function mirrorPercent(value: unknown): number {
  return percentValue(value, 100);
}
