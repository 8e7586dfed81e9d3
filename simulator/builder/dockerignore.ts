/** .dockerignore: which context paths the client leaves out (Go filepath.Match patterns, `**`, `!` exceptions). */

export interface IgnoreRule {
  regex: RegExp;
  exclude: boolean;
}

const clean = (path: string): string => {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
};

/** A glob as a regex over a slash-separated relative path. */
export function globToRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          out += "(?:.*/)?";
        } else out += ".*";
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^\^/, "!").replace(/\\/g, "\\\\");
        out += body.startsWith("!") ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += c.replace(/[.+^${}()|\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return /^$^/;
  }
}

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    let exclude = true;
    if (line.startsWith("!")) {
      exclude = false;
      line = line.slice(1).trim();
    }
    const pattern = clean(line);
    if (pattern === "") continue;
    rules.push({ regex: globToRegex(pattern), exclude });
  }
  return rules;
}

/** Whether `path` (relative to the context) is left out: the last matching rule decides; a match on a parent counts. */
export function isIgnored(path: string, rules: IgnoreRule[]): boolean {
  const rel = clean(path);
  let ignored = false;
  const parts = rel.split("/");
  for (const rule of rules) {
    let matched = false;
    for (let n = 1; n <= parts.length && !matched; n++) matched = rule.regex.test(parts.slice(0, n).join("/"));
    if (matched) ignored = rule.exclude;
  }
  return ignored;
}
