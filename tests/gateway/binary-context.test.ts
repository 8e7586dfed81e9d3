/** A binary file in a build context reaches the image byte for byte on the real engine. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway binary build context test skipped: ${unavailable}`);

const blob = Uint8Array.from({ length: 256 }, (_, i) => i);

describe.skipIf(unavailable !== undefined)("binary files in a real-engine build", () => {
  let gateway: Gateway;
  let engine: RemoteEngine;
  beforeAll(async () => {
    gateway = await testGateway();
    engine = await connectEngine(gateway);
  });
  afterAll(async () => {
    engine?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("COPYs a file holding all 256 byte values unchanged", async () => {
    const built = await engine.imageBuild(
      [{ path: "blob.bin", type: "file", content: new TextDecoder().decode(blob), bytes: blob }],
      { dockerfile: "FROM busybox\nCOPY blob.bin /blob.bin\n", dockerfileName: "Dockerfile", tags: ["bintest:latest"] },
    );
    expect(built.error).toBeUndefined();
    const { Id } = await engine.containerCreate({ Image: "bintest:latest", Cmd: ["sh", "-c", "md5sum /blob.bin; wc -c < /blob.bin"] });
    await engine.containerStart(Id);
    expect((await engine.containerWait(Id)).StatusCode).toBe(0);
    let out = "";
    for await (const chunk of engine.containerLogs(Id, { stdout: true, stderr: true })) out += chunk.text;
    const md5 = createHash("md5").update(blob).digest("hex");
    expect(out.split("\n").map((l) => l.trim()).filter(Boolean)).toEqual([`${md5}  /blob.bin`, "256"]);
  });

  it("refuses a file whose bytes are not base64, before anything is built", async () => {
    const outcome = await engine.raw("imageBuild", [[{ path: "blob.bin", type: "file", bytesBase64: "%%%%" }], { dockerfile: "FROM busybox\nCOPY blob.bin /\n", tags: ["bad"] }]).then(() => "built", (e: Error) => e.message);
    expect(outcome).toContain('invalid build context: the bytes of "blob.bin" are not valid base64');
    expect((await engine.imageList()).flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith("bad"))).toEqual([]);
  });
});
