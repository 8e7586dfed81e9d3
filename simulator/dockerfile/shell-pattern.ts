/**
 * Shell patterns for BuildKit's `${VAR#pat}`, `${VAR%pat}` and `${VAR/a/b}`
 * (convertShellPatternToRegex and friends in shell/lex.go), with Go's
 * regexp replacement semantics.
 */

/** An expansion error; the lexer wraps it as `failed to process "<word>": <message>`. */
export class LexError extends Error {}

/** convertShellPatternToRegex: `*` and `?` wildcards, `\` escapes. */
export function patternRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const cps = Array.from(pattern);
  let out = anchored ? "^" : "";
  const star = greedy ? "[^\\n]*" : "[^\\n]*?";
  for (let i = 0; i < cps.length; i++) {
    let tok = cps[i] ?? "";
    switch (tok) {
      case "*":
        out += star;
        continue;
      case "?":
        out += "[^\\n]";
        continue;
      case "\\": {
        const nxt = cps[i + 1];
        if (nxt === "}" || nxt === "/") continue;
        out += "\\";
        i++;
        tok = cps[i] ?? "\ufffd";
        if (tok !== "*" && tok !== "?" && tok !== "\\") {
          throw new LexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${tok}'`);
        }
        break;
      }
      case "[": case "]": case "{": case "}": case ".": case "+": case "(": case ")": case "|": case "^": case "$":
        out += "\\";
        break;
    }
    out += tok;
  }
  return new RegExp(out, "gu");
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = patternRegex(pattern, greedy, true);
  re.lastIndex = 0;
  const m = re.exec(value);
  return m ? value.slice(m.index + m[0].length) : value;
}

function reversePattern(pattern: string): string {
  const runes = Array.from(pattern);
  const out: string[] = new Array<string>(runes.length).fill("");
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = runes[i] ?? "";
    const outIdx = last - i;
    if (tok === "\\" && i !== last) {
      out[outIdx - 1] = tok;
      out[outIdx] = runes[i + 1] ?? "";
      i += 2;
    } else {
      out[outIdx] = tok;
      i++;
    }
  }
  return out.join("");
}

const reverseString = (s: string): string => Array.from(s).reverse().join("");

export function trimSuffix(pattern: string, word: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(word), greedy));
}

/** Go's regexp.Expand of a replacement template: `$0`, `$1`, `${name}`, `$$`. */
function goExpand(template: string, match: string): string {
  let out = "";
  let t = template;
  for (;;) {
    const i = t.indexOf("$");
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith("$")) {
      out += "$";
      t = t.slice(1);
      continue;
    }
    let name = "";
    let rest = "";
    let ok = false;
    if (t.startsWith("{")) {
      const m = /^\{([\p{L}\p{Nd}_]+)\}/u.exec(t);
      if (m) {
        name = m[1] ?? "";
        rest = t.slice(m[0].length);
        ok = true;
      }
    } else {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(t);
      if (m) {
        name = m[0];
        rest = t.slice(name.length);
        ok = true;
      }
    }
    if (!ok) {
      out += "$";
      continue;
    }
    t = rest;
    if (/^[0-9]+$/.test(name) && Number(name) === 0) out += match;
  }
  return out + t;
}

/** Go's Regexp.ReplaceAllString (no empty match right after a previous match). */
export function goReplaceAll(re: RegExp, src: string, repl: string): string {
  let out = "";
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    re.lastIndex = searchPos;
    const m = re.exec(src);
    if (!m) break;
    const a0 = m.index;
    const a1 = m.index + m[0].length;
    out += src.slice(lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0) out += goExpand(repl, m[0]);
    lastMatchEnd = a1;
    const cp = src.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  return out + src.slice(lastMatchEnd);
}

