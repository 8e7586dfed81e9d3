// POSIX path helpers (the simulator runs in the browser: no node:path).

export function isAbsolute(p: string): boolean {
  return p.startsWith("/");
}

/** Clean a path like Go's filepath.Clean: remove `.`, resolve `..`, drop duplicate and trailing slashes. */
export function clean(p: string): string {
  if (p === "") return ".";
  const abs = isAbsolute(p);
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (abs) return "/" + joined;
  return joined === "" ? "." : joined;
}

export function join(...parts: string[]): string {
  return clean(parts.filter((x) => x !== "").join("/"));
}

/** Resolve `p` against the absolute directory `base` (p is returned cleaned when absolute). */
export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? clean(p) : join(base, p);
}

export function dirname(p: string): string {
  const c = clean(p);
  const i = c.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return c.slice(0, i);
}

export function basename(p: string): string {
  const c = clean(p);
  if (c === "/") return "/";
  const i = c.lastIndexOf("/");
  return i < 0 ? c : c.slice(i + 1);
}
