/** The `Ordering` list parameter: `Attribute:asc|desc` pairs, comma-separated. */
import { badRequest } from '../errors';

export function sortByOrdering<T>(
  items: readonly T[],
  ordering: string,
  keys: Record<string, (item: T) => number | string>,
): T[] {
  const parts = ordering
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const [attr, dir = 'asc'] = p.split(':').map((s) => s.trim());
      const name = Object.keys(keys).find((k) => k.toLowerCase() === attr.toLowerCase());
      if (!name) throw badRequest(`Ordering attribute '${attr}' is not supported; use ${Object.keys(keys).join(', ')}`);
      if (!/^(asc|desc)$/i.test(dir)) throw badRequest(`Ordering direction '${dir}' must be asc or desc`);
      return { key: keys[name], desc: dir.toLowerCase() === 'desc' };
    });
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      for (const p of parts) {
        const av = p.key(a.item);
        const bv = p.key(b.item);
        if (av !== bv) return (av < bv ? -1 : 1) * (p.desc ? -1 : 1);
      }
      return a.i - b.i;
    })
    .map((e) => e.item);
}
