import { describe, expect, it } from "vitest";
import { EngineError } from "../simulator/backend/errors.ts";
import { decodeBuildContext, maxContextBytes, tarArchive } from "./tar.ts";

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("binary files in build context tars", () => {
  it("writes a file's bytes as they are, every byte value intact", () => {
    const tar = tarArchive([{ path: "blob.bin", type: "file", bytes: allBytes, content: "lossy text that must not be used" }]);
    const header = tar.subarray(0, 512);
    expect(header.subarray(0, 8).toString("latin1")).toBe("blob.bin");
    expect(parseInt(header.subarray(124, 135).toString("ascii"), 8)).toBe(256);
    expect([...tar.subarray(512, 512 + 256)]).toEqual([...allBytes]);
    // Padded to a whole block, then the two empty end blocks.
    expect(tar.length).toBe(512 + 512 + 1024);
  });

  it("writes a view into a larger buffer from its own offset", () => {
    const big = new Uint8Array(600).fill(7);
    big.set(allBytes, 100);
    const tar = tarArchive([{ path: "slice.bin", type: "file", bytes: big.subarray(100, 356) }]);
    expect([...tar.subarray(512, 768)]).toEqual([...allBytes]);
  });
});

describe("build contexts from the page", () => {
  const reason = (raw: unknown) => {
    try {
      decodeBuildContext(raw);
      return "accepted";
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as Error).message;
    }
  };

  it("decodes bytesBase64 to the original bytes and keeps text files as text", () => {
    const files = decodeBuildContext([
      { path: "blob.bin", type: "file", bytesBase64: Buffer.from(allBytes).toString("base64") },
      { path: "app", type: "dir" },
      { path: "app/a.txt", type: "file", content: "héllo\n" },
    ]);
    expect([...(files[0]!.bytes ?? [])]).toEqual([...allBytes]);
    expect(files.slice(1)).toEqual([{ path: "app", type: "dir" }, { path: "app/a.txt", type: "file", content: "héllo\n" }]);
  });

  it("refuses bad base64, odd entries and contexts over the limit with a clear error", () => {
    expect(reason([{ path: "blob.bin", type: "file", bytesBase64: "not base64!" }])).toBe('invalid build context: the bytes of "blob.bin" are not valid base64');
    expect(reason([{ path: "blob.bin", type: "file", bytesBase64: "QUJD=" }])).toBe('invalid build context: the bytes of "blob.bin" are not valid base64');
    expect(reason([{ path: "blob.bin", type: "file", bytesBase64: 42 }])).toBe('invalid build context: the bytes of "blob.bin" are not valid base64');
    expect(reason([{ path: "a", type: "file", content: { x: 1 } }])).toBe('invalid build context: the content of "a" is not text');
    expect(reason([{ path: "l", type: "symlink", linkTarget: "/etc/passwd" }])).toBe('invalid build context: "l" is neither a file nor a folder');
    expect(reason([{ type: "file" }])).toBe("invalid build context: entry 0 has no path");
    expect(reason("Dockerfile")).toBe("invalid build context: expected a list of files");
    const half = "A".repeat(((maxContextBytes / 2) / 3) * 4 + 4);
    expect(reason([{ path: "a", type: "file", bytesBase64: half }, { path: "b", type: "file", bytesBase64: half }])).toBe("invalid build context: its files hold more than 12 MiB, the gateway's limit");
  });
});
