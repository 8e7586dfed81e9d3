// Go's fmt.Sprintf, ported from fmt/print.go's doPrintf.
import { type Flags, formatArg, noFlags } from "./printing.ts";
import { typeName } from "./values.ts";

const TOO_LARGE = 1e6;

function parsenum(s: string, start: number): { num: number; isnum: boolean; next: number } {
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < s.length && s[i]! >= "0" && s[i]! <= "9"; i++) {
    if (num > TOO_LARGE) return { num: 0, isnum: false, next: s.length };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return { num, isnum, next: i };
}

function intFromArg(a: unknown[], argNum: number): { num: number; ok: boolean; argNum: number } {
  if (argNum >= a.length) return { num: 0, ok: false, argNum };
  const v = a[argNum];
  let num = 0;
  let ok = false;
  if (typeof v === "number" && Number.isInteger(v)) {
    num = v;
    ok = true;
  } else if (typeof v === "bigint") {
    num = Number(v);
    ok = true;
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) {
    num = 0;
    ok = false;
  }
  return { num, ok, argNum: argNum + 1 };
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, a: unknown[]): string {
  let out = "";
  let argNum = 0;
  let reordered = false;
  const end = format.length;
  let i = 0;

  // Parses an explicit argument index [n]; returns updated state.
  const argNumber = (
    argNumIn: number,
    at: number,
  ): { argNum: number; i: number; found: boolean; good: boolean } => {
    if (at >= end || format[at] !== "[") return { argNum: argNumIn, i: at, found: false, good: true };
    reordered = true;
    for (let j = at + 1; j < end; j++) {
      if (format[j] === "]") {
        const { num, isnum, next } = parsenum(format, at + 1);
        if (!isnum || next !== j || num < 1 || num > a.length) return { argNum: argNumIn, i: j + 1, found: true, good: false };
        return { argNum: num - 1, i: j + 1, found: true, good: true };
      }
    }
    return { argNum: argNumIn, i: at + 1, found: false, good: false };
  };

  while (i < end) {
    let goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    const f: Flags = noFlags();
    let fast = false;
    for (; i < end; i++) {
      const c = format[i]!;
      if (c === "#") f.sharp = true;
      else if (c === "0") f.zero = !f.minus;
      else if (c === "+") f.plus = true;
      else if (c === "-") {
        f.minus = true;
        f.zero = false;
      } else if (c === " ") f.space = true;
      else {
        if (c >= "a" && c <= "z" && argNum < a.length) {
          if (c === "v") {
            f.sharpV = f.sharp;
            f.sharp = false;
            f.plusV = f.plus;
            f.plus = false;
          }
          out += formatArg(a[argNum], c, f);
          argNum++;
          i++;
          fast = true;
        }
        break;
      }
    }
    if (fast) continue;

    let r = argNumber(argNum, i);
    argNum = r.argNum;
    i = r.i;
    let afterIndex = r.found;
    if (!r.good) goodArgNum = false;

    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg(a, argNum);
      argNum = w.argNum;
      if (!w.ok) out += "%!(BADWIDTH)";
      else {
        f.width = w.num;
        if (w.num < 0) {
          f.width = -w.num;
          f.minus = true;
          f.zero = false;
        }
      }
      afterIndex = false;
    } else {
      const w = parsenum(format, i);
      i = w.next;
      if (w.isnum) {
        f.width = w.num;
        if (afterIndex) goodArgNum = false;
      }
    }

    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(argNum, i);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (!r.good) goodArgNum = false;
      if (i < end && format[i] === "*") {
        i++;
        const p = intFromArg(a, argNum);
        argNum = p.argNum;
        if (p.ok && p.num >= 0) f.prec = p.num;
        else if (!p.ok) out += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const p = parsenum(format, i);
        i = p.next;
        f.prec = p.isnum ? p.num : 0;
      }
    }

    if (!afterIndex) {
      r = argNumber(argNum, i);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (!r.good) goodArgNum = false;
    }

    if (i >= end) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === "%") out += "%";
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (argNum >= a.length) out += `%!${verb}(MISSING)`;
    else {
      if (verb === "v") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      out += formatArg(a[argNum], verb, f);
      argNum++;
    }
  }

  if (!reordered && argNum < a.length) {
    const extra = a.slice(argNum).map((arg) =>
      arg === null || arg === undefined ? "<nil>" : `${typeName(arg)}=${formatArg(arg, "v", noFlags())}`,
    );
    out += `%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
