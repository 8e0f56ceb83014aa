/** Turns a union of group types into their intersection: the type of the merged catalog. */
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

type Node = { readonly [key: string]: string | Node };

/**
 * Merge the capability groups into one catalog. Sections that several groups share (`errors`,
 * `home`, …) are merged key by key; a message key that two groups both define is a programming
 * error and throws here, when the catalog module loads, naming the key — so one group can never
 * silently replace another's messages (which would leave raw keys on the screen).
 */
export function mergeCatalogGroups<G extends Node[]>(...groups: G): Intersect<G[number]> {
  const out: Record<string, unknown> = {};
  for (const group of groups) mergeInto(out, group, '');
  return out as Intersect<G[number]>;
}

function mergeInto(target: Record<string, unknown>, source: Node, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = `${prefix}${key}`;
    const existing = target[key];
    if (existing === undefined) {
      if (typeof value === 'string') target[key] = value;
      else mergeInto((target[key] = {}) as Record<string, unknown>, value, `${path}.`);
      continue;
    }
    if (typeof existing === 'string' || typeof value === 'string') throw new Error(`message catalog: "${path}" is defined by two groups`);
    mergeInto(existing as Record<string, unknown>, value, `${path}.`);
  }
}
