// Go's fmt formatting of values (%v and friends), as used by template actions, print and printf.
import { goQuote, utf8Bytes } from "./strconv.ts";
import { kindOf, mapEntries, structFields, typeName } from "./values.ts";

export interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
  /** %+v: print struct field names. */
  plusV: boolean;
  /** %#v: Go-syntax representation (approximated). */
  sharpV: boolean;
}

export function noFlags(): Flags {
  return {
    minus: false, plus: false, sharp: false, space: false, zero: false,
    width: undefined, prec: undefined, plusV: false, sharpV: false,
  };
}

const MAX_DEPTH = 64;

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Pads s to the flag width (counted in runes). */
export function pad(s: string, f: Flags): string {
  if (f.width === undefined) return s;
  const n = f.width - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + " ".repeat(n);
  return (f.zero ? "0" : " ").repeat(n) + s;
}

function badVerb(verb: string, v: unknown): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatArg(v, "v", noFlags())})`;
}

// ---- floats ---------------------------------------------------------------

/** Significant decimal digits of abs (trailing zeros trimmed) and the decimal point position. */
function decimalDigits(abs: number, sig?: number): { d: string; dp: number } {
  if (abs === 0) return { d: "", dp: 0 };
  const s = sig === undefined ? abs.toExponential() : abs.toExponential(Math.min(Math.max(sig - 1, 0), 100));
  const [m = "0", e = "0"] = s.split("e");
  return { d: m.replace(".", "").replace(/0+$/, ""), dp: Number(e) + 1 };
}

function fmtE(d: string, dp: number, decimals: number, upper: boolean): string {
  let s = d[0] ?? "0";
  if (decimals > 0) s += "." + d.slice(1).padEnd(decimals, "0").slice(0, decimals);
  const exp = d === "" ? 0 : dp - 1;
  const ae = Math.abs(exp);
  return `${s}${upper ? "E" : "e"}${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
}

function fmtF(d: string, dp: number, decimals: number): string {
  let s = dp > 0 ? d.slice(0, dp).padEnd(dp, "0") : "0";
  if (decimals > 0) {
    s += ".";
    for (let i = 0; i < decimals; i++) s += d[dp + i] ?? "0";
  }
  return s;
}

/** Go's strconv.FormatFloat(abs, verb, prec, 64) for a non-negative finite number (prec -1 = shortest). */
export function formatFloatAbs(abs: number, verb: string, prec: number): string {
  const upper = verb === "E" || verb === "G";
  switch (verb) {
    case "e":
    case "E": {
      if (prec < 0) {
        const { d, dp } = decimalDigits(abs);
        return fmtE(d, dp, Math.max(d.length - 1, 0), upper);
      }
      const { d, dp } = decimalDigits(abs, prec + 1);
      return fmtE(d, dp, prec, upper);
    }
    case "f":
    case "F": {
      if (prec < 0) {
        const { d, dp } = decimalDigits(abs);
        return fmtF(d, dp, Math.max(d.length - dp, 0));
      }
      if (abs < 1e21) return abs.toFixed(Math.min(prec, 100)) + "0".repeat(Math.max(prec - 100, 0));
      return BigInt(abs).toString() + (prec > 0 ? "." + "0".repeat(prec) : "");
    }
    default: {
      // %g
      const shortest = prec < 0;
      let p = prec === 0 ? 1 : prec;
      const { d, dp } = shortest ? decimalDigits(abs) : decimalDigits(abs, p);
      if (shortest) p = d.length;
      let eprec = p;
      if (eprec > d.length && d.length >= dp) eprec = d.length;
      if (shortest) eprec = 6;
      const exp = dp - 1;
      if (d !== "" && (exp < -4 || exp >= eprec)) {
        if (p > d.length) p = d.length;
        return fmtE(d, dp, Math.max(p - 1, 0), upper);
      }
      if (p > dp) p = d.length;
      return fmtF(d, dp, Math.max(p - dp, 0));
    }
  }
}

function fmtFloat(v: number, verb: string, f: Flags): string {
  let fverb = verb;
  let prec = -1;
  if (verb === "v") fverb = "g";
  else if ("eEfF".includes(verb)) prec = 6;
  if (f.prec !== undefined) prec = f.prec;
  let num: string;
  if (Number.isNaN(v)) num = "NaN";
  else if (!Number.isFinite(v)) num = "Inf";
  else num = formatFloatAbs(Math.abs(v), fverb, prec);
  if (f.sharp && /^[0-9.]+$/.test(num) && !num.includes(".")) num += ".";
  const neg = v < 0 || Object.is(v, -0);
  let sign = neg ? "-" : f.plus ? "+" : f.space ? " " : "";
  if (num === "Inf" && sign === "") sign = "+";
  if (num === "NaN") sign = f.plus ? "+" : f.space ? " " : "";
  if (f.zero && f.width !== undefined && !f.minus && num !== "NaN" && num !== "Inf" && f.width > num.length + sign.length) {
    return sign + "0".repeat(f.width - num.length - sign.length) + num;
  }
  return pad(sign + num, { ...f, zero: false });
}

// ---- integers -------------------------------------------------------------

function fmtInteger(v: number | bigint, verb: string, f: Flags): string {
  const big = typeof v === "bigint" ? v : BigInt(v);
  switch (verb) {
    case "c":
      return pad(String.fromCodePoint(Number(big) >= 0 && Number(big) <= 0x10ffff ? Number(big) : 0xfffd), f);
    case "q":
      return pad(goQuote(String.fromCodePoint(Number(big) >= 0 && Number(big) <= 0x10ffff ? Number(big) : 0xfffd), "'", f.plus), f);
    case "U": {
      let s = "U+" + (big < 0n ? -big : big).toString(16).toUpperCase().padStart(4, "0");
      if (f.sharp && big >= 0n && big <= 0x10ffffn) s += ` '${String.fromCodePoint(Number(big))}'`;
      return pad(s, f);
    }
  }
  const base = verb === "b" ? 2 : verb === "o" || verb === "O" ? 8 : verb === "x" || verb === "X" ? 16 : 10;
  const negative = big < 0n;
  const u = negative ? -big : big;
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && u === 0n) return pad("", { ...f, zero: false });
  } else if (f.zero && f.width !== undefined && !f.minus) {
    prec = f.width;
    if (negative || f.plus || f.space) prec--;
  }
  let digits = u.toString(base);
  if (verb === "X") digits = digits.toUpperCase();
  if (digits.length < prec) digits = "0".repeat(prec - digits.length) + digits;
  if (f.sharp) {
    if (base === 2) digits = "0b" + digits;
    else if (base === 8 && !digits.startsWith("0")) digits = "0" + digits;
    else if (base === 16) digits = (verb === "X" ? "0X" : "0x") + digits;
  }
  if (verb === "O") digits = "0o" + digits;
  const sign = negative ? "-" : f.plus ? "+" : f.space ? " " : "";
  return pad(sign + digits, { ...f, zero: false });
}

// ---- strings --------------------------------------------------------------

function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case "v":
      if (f.sharpV) return pad(goQuote(s), f);
      return pad(truncate(s, f.prec), f);
    case "s":
      return pad(truncate(s, f.prec), f);
    case "q":
      return pad(goQuote(truncate(s, f.prec), '"', f.plus), f);
    case "x":
    case "X": {
      const bytes = utf8Bytes(truncate(s, f.prec));
      const parts = Array.from(bytes, (b) => {
        const h = b.toString(16).padStart(2, "0");
        return verb === "X" ? h.toUpperCase() : h;
      });
      const prefix = f.sharp ? (verb === "X" ? "0X" : "0x") : "";
      const out = f.space ? parts.map((p) => prefix + p).join(" ") : prefix + parts.join("");
      return pad(out, f);
    }
    default:
      return badVerb(verb, s);
  }
}

function truncate(s: string, prec: number | undefined): string {
  if (prec === undefined) return s;
  return Array.from(s).slice(0, prec).join("");
}

function pad2(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Go's time.Time.String() for a Date, in UTC. */
export function formatTime(d: Date): string {
  if (Number.isNaN(d.getTime())) return "0001-01-01 00:00:00 +0000 UTC";
  const ms = d.getUTCMilliseconds();
  const frac = ms ? "." + pad2(ms, 3).replace(/0+$/, "") : "";
  return (
    `${pad2(d.getUTCFullYear(), 4)}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${frac} +0000 UTC`
  );
}

// ---- generic --------------------------------------------------------------

/** Formats one operand with a verb, like Go's pp.printArg / printValue. */
export function formatArg(v: unknown, verb: string, f: Flags, depth = 0): string {
  if (depth > MAX_DEPTH) return "...";
  if (verb === "T") return pad(typeName(v), f);
  switch (kindOf(v)) {
    case "invalid":
    case "nil":
      if (depth > 0 || verb === "v") return pad("<nil>", f);
      return badVerb(verb, v);
    case "bool":
      if (verb === "t" || verb === "v") return pad(v ? "true" : "false", f);
      return badVerb(verb, v);
    case "int":
      if ("vdboOxXcqU".includes(verb)) return fmtInteger(v as number | bigint, verb === "v" ? "d" : verb, f);
      // Lenient: JS cannot tell 2.0 from 2, so allow float verbs on integral numbers.
      if ("eEfFgG".includes(verb) && typeof v === "number") return fmtFloat(v, verb, f);
      return badVerb(verb, v);
    case "float":
      if ("veEfFgG".includes(verb)) return fmtFloat(v as number, verb, f);
      return badVerb(verb, v);
    case "string":
      return fmtString(v as string, verb, f);
    case "time":
      return fmtString(formatTime(v as Date), verb === "v" ? "v" : verb, f);
    case "func":
      return verb === "v" || verb === "p" ? pad("0x0", f) : badVerb(verb, v);
    case "slice": {
      const parts = (v as unknown[]).map((e) => formatArg(e, verb, f, depth + 1));
      return f.sharpV ? `[]interface {}{${parts.join(", ")}}` : `[${parts.join(" ")}]`;
    }
    case "map": {
      const parts = mapEntries(v).map(([k, x]) => `${formatArg(k, verb, f, depth + 1)}:${formatArg(x, verb, f, depth + 1)}`);
      return f.sharpV ? `map[string]interface {}{${parts.join(", ")}}` : `map[${parts.join(" ")}]`;
    }
    case "struct": {
      const parts = structFields(v).map(([k, x]) => (f.plusV || f.sharpV ? `${k}:` : "") + formatArg(x, verb, f, depth + 1));
      return `{${parts.join(f.sharpV ? ", " : " ")}}`;
    }
  }
}

/** Go's fmt.Sprint: spaces are added between operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let out = "";
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === "string";
    if (i > 0 && !isString && !prevString) out += " ";
    out += formatArg(a, "v", noFlags());
    prevString = isString;
  });
  return out;
}

/** Go's fmt.Sprintln: operands separated by spaces, newline appended. */
export function sprintln(args: unknown[]): string {
  return args.map((a) => formatArg(a, "v", noFlags())).join(" ") + "\n";
}
