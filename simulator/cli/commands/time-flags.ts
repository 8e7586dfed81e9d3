/** `--since` / `--until` values: RFC 3339 times, Unix timestamps, or Go durations relative to now. */
export function parseTimeFlag(value: string, now: number): number {
  const duration = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(value);
  if (duration) {
    const unit = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[duration[2]!]!;
    return now - Number(duration[1]) * unit;
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parsed = Date.parse(value);
  if (!Number.isNaN(parsed)) return parsed;
  throw new Error(`invalid value for "since": failed to parse value as time or duration: "${value}"`);
}

/** Go's RFC3339NanoFixed in UTC, always nine fractional digits, as `docker logs -t` and `docker events` print times. */
export function rfc3339NanoFixed(timeNano: number): string {
  const ms = Math.floor(timeNano / 1e6);
  const nanos = String(Math.round(timeNano - ms * 1e6)).padStart(6, "0");
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, `.$1${nanos}Z`);
}
