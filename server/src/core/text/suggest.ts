// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * The edit distance of two lower-case strings when it is at most `max`, else `max + 1`: rows stop as
 * soon as every cell exceeds `max` (a host name is compared with thousands of others).
 */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
      if (previous[j] < rowMin) rowMin = previous[j];
    }
    if (rowMin > max) return max + 1;
  }
  return previous[b.length];
}

/** The candidate closest to `word`, when within a third of its length (at least one edit). */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    // Only a distance below the best so far (and within the limit) can change the answer.
    const bound = Math.min(limit, Math.ceil(bestDistance) - 1);
    const distance = other === lower ? 0.5 : boundedDistance(lower, other, Math.max(bound, 0));
    if (distance < bestDistance && distance <= Math.max(bound, 0.5)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
