// Go time.Duration parsing and String(), for healthcheck and stop_grace_period values.

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Parse a Go duration ("1m30s", "500ms"); undefined when it does not parse. */
export function parseGoDuration(s: string): number | undefined {
  if (s === "0") return 0;
  const m = /^([-+]?)(.+)$/.exec(s);
  if (!m) return undefined;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let rest = m[2]!;
  let total = 0;
  let pos = 0;
  while (pos < rest.length) {
    re.lastIndex = pos;
    const p = re.exec(rest);
    if (!p) return undefined;
    total += parseFloat(p[1]!) * UNIT_NS[p[2]!]!;
    pos = re.lastIndex;
  }
  if (rest.length === 0) return undefined;
  rest = "";
  return m[1] === "-" ? -Math.round(total) : Math.round(total);
}

function fmtFrac(v: number, unit: number): string {
  // v / unit with trailing zeros removed (Go's fmtFrac/fmtInt)
  const whole = Math.floor(v / unit);
  let frac = v - whole * unit;
  if (frac === 0) return String(whole);
  let digits = String(frac).padStart(String(unit).length - 1, "0");
  digits = digits.replace(/0+$/, "");
  frac = 0;
  return `${whole}.${digits}`;
}

/** Go's time.Duration.String() for a number of nanoseconds. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return "0s";
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    if (u < 1e3) out = `${u}ns`;
    else if (u < 1e6) out = `${fmtFrac(u, 1e3)}µs`;
    else out = `${fmtFrac(u, 1e6)}ms`;
  } else {
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    const s = fmtFrac(u, 1e9) + "s";
    if (h > 0) out = `${h}h${m}m${s}`;
    else if (m > 0) out = `${m}m${s}`;
    else out = s;
  }
  return neg ? `-${out}` : out;
}
