/** Edit distance, for ranking queue names and SIDs by how close they are to what is written. */

/** Insertions, deletions and substitutions; two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 0 for equal strings (case ignored), 1 for nothing in common. */
export function distanceRatio(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 0;
  if (x.includes(y) || y.includes(x)) return 0.5 * (1 - Math.min(x.length, y.length) / longest);
  return editDistance(x, y) / longest;
}
