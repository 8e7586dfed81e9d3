/**
 * node:zlib for just-bash in the browser (see astro.config.mjs): gzip, gunzip, zcat and `tar -z` in
 * containers compress with fflate, with Node's options and limit errors as just-bash expects them.
 */
import { gunzipSync as inflate, gzipSync as deflate } from "fflate";

export const constants = { Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1 };

interface ZlibOptions {
  level?: number;
  maxOutputLength?: number;
}

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Node's error when a result would pass `maxOutputLength`. */
function tooLarge(limit: number): RangeError {
  return Object.assign(new RangeError(`Cannot create a Buffer larger than ${limit} bytes`), { code: "ERR_BUFFER_TOO_LARGE" });
}

function checked(out: Uint8Array, options: ZlibOptions | undefined): Uint8Array {
  if (options?.maxOutputLength !== undefined && out.length > options.maxOutputLength) throw tooLarge(options.maxOutputLength);
  return out;
}

export function gzipSync(data: Uint8Array | string, options?: ZlibOptions): Uint8Array {
  const input = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const level = options?.level === undefined || options.level < 0 ? 6 : Math.min(9, options.level);
  return checked(deflate(input, { level: level as Level }), options);
}

export function gunzipSync(data: Uint8Array, options?: ZlibOptions): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflate(data);
  } catch (error) {
    // Node's wording for data that is not gzip.
    throw Object.assign(new Error(error instanceof Error && /invalid/i.test(error.message) ? "incorrect header check" : "unexpected end of file"), { code: "Z_DATA_ERROR", errno: -3 });
  }
  return checked(out, options);
}

export default { constants, gzipSync, gunzipSync };
