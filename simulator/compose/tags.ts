// Compose's YAML tags for merging: `!reset` drops an inherited value, `!override` replaces it whole.

/** `!reset`: remove the attribute from the result of a merge (or extends). */
export class ResetTag {
  readonly reset = true;
}

/** `!override`: replace the inherited value instead of merging with it. */
export class OverrideTag {
  constructor(readonly value: unknown) {}
}

/** Drop `!reset` values and unwrap `!override` ones (after merging, or for a single file). */
export function stripTags(value: unknown): unknown {
  if (value instanceof OverrideTag) return stripTags(value.value);
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof ResetTag)).map(stripTags);
  if (typeof value === "object" && value !== null && !(value instanceof ResetTag)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v instanceof ResetTag) continue;
      out[k] = stripTags(v);
    }
    return out;
  }
  return value;
}

/** Deep copy of a parsed document that keeps the tag objects (structuredClone would not). */
export function cloneDoc<T>(value: T): T {
  if (value instanceof OverrideTag) return new OverrideTag(cloneDoc(value.value)) as T;
  if (value instanceof ResetTag) return value;
  if (Array.isArray(value)) return value.map(cloneDoc) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneDoc(v);
    return out as T;
  }
  return value;
}
