import { gunzipSync as nodeGunzip, gzipSync as nodeGzip } from "node:zlib";
import { describe, expect, it } from "vitest";
import { constants, gunzipSync, gzipSync } from "./zlib.ts";

const text = "hello from a container\n".repeat(50);
const bytes = new TextEncoder().encode(text);

describe("the browser's node:zlib for just-bash", () => {
  it("writes gzip that Node (and so gunzip everywhere) reads, and reads Node's", () => {
    expect(new TextDecoder().decode(nodeGunzip(gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })))).toBe(text);
    expect(new TextDecoder().decode(gunzipSync(nodeGzip(bytes)))).toBe(text);
    expect(new TextDecoder().decode(gunzipSync(gzipSync(text, { level: constants.Z_DEFAULT_COMPRESSION })))).toBe(text);
  });

  it("keeps Node's output limit and its error", () => {
    expect(() => gunzipSync(nodeGzip(bytes), { maxOutputLength: 100 })).toThrow(/Cannot create a Buffer larger than 100 bytes/);
  });

  it("refuses data that is not gzip as Node does", () => {
    expect(() => gunzipSync(new TextEncoder().encode("plain text, not gzip"))).toThrow(/incorrect header check|unexpected end of file/);
  });
});
