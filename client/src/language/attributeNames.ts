// Attribute names for completion, collected from the JSON attributes of workers and tasks. Pure: no `vscode` import.

/** Nested objects are named by dotted paths down to this many segments (`routing.skills.level`). */
export const MAX_ATTRIBUTE_DEPTH = 3;
/** A workspace with very varied attributes would flood the completion list; past this many names the rest are dropped. */
export const MAX_ATTRIBUTE_NAMES = 1_000;

/**
 * Adds the attribute names of one attributes object to `names`: every key, and for keys holding objects their keys
 * as dotted paths. Arrays are not descended (expressions test them with HAS/IN, not by index).
 */
export function collectAttributeNames(attributes: unknown, names: Set<string>, prefix = '', depth = 1): void {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return;
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (names.size >= MAX_ATTRIBUTE_NAMES) return;
    const name = prefix === '' ? key : `${prefix}.${key}`;
    names.add(name);
    if (depth < MAX_ATTRIBUTE_DEPTH) collectAttributeNames(value, names, name, depth + 1);
  }
}

/** The sorted attribute names of several resources' `attributes` strings; unreadable attributes are skipped. */
export function attributeNamesOf(resources: readonly { attributes: string }[]): string[] {
  const names = new Set<string>();
  for (const resource of resources) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(resource.attributes);
    } catch {
      continue; // The explorer shows such a resource as it is; completion just learns nothing from it.
    }
    collectAttributeNames(parsed, names);
  }
  return [...names].sort();
}
