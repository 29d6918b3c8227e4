/** Edit distance, for ranking queue names and SIDs by how close they are to what is written. */

import { editDistance } from '../../editDistance';

/** 0 for equal strings (case ignored), 1 for nothing in common. */
export function distanceRatio(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 0;
  if (x.includes(y) || y.includes(x)) return 0.5 * (1 - Math.min(x.length, y.length) / longest);
  return editDistance(x, y) / longest;
}
