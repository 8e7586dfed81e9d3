/** A service's `build`: the context made absolute unless remote, the default Dockerfile, args and labels as string maps. */
import { isPlainObject } from "../interpolate.ts";
import type { BuildConfig } from "../model.ts";
import { resolve } from "../path.ts";
import { expandHome, toStringMap, type Dict, type NormalizeContext } from "./values.ts";

function isRemoteContext(c: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(c) || c.startsWith("git@") || c.startsWith("github.com/");
}

export function normalizeBuild(v: unknown, ctx: NormalizeContext): BuildConfig | undefined {
  if (v === undefined || v === null) return undefined;
  const b: Dict = typeof v === "string" ? { context: v } : isPlainObject(v) ? { ...v } : {};
  const context = typeof b["context"] === "string" ? b["context"] : ".";
  b["context"] = isRemoteContext(context) ? context : resolve(ctx.workingDir, expandHome(context, ctx.environment, ctx.host));
  if (b["dockerfile"] === undefined && b["dockerfile_inline"] === undefined) b["dockerfile"] = "Dockerfile";
  if (b["args"] !== undefined) b["args"] = toStringMap(b["args"]);
  if (b["labels"] !== undefined) b["labels"] = toStringMap(b["labels"]);
  const ordered: Dict = { context: b["context"] };
  for (const [k, val] of Object.entries(b)) if (k !== "context") ordered[k] = val;
  return ordered as BuildConfig;
}
