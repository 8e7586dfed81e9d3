/** `docker cp` out of a real container brings binary files to the host byte for byte. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import type { Simulator } from "../../simulator/simulator.ts";
import { engineUnavailable, realSimulator, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway binary copy test skipped: ${unavailable}`);

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
// busybox printf: every byte value as an octal escape.
const printfAll = `printf '${[...allBytes].map((b) => `\\${b.toString(8).padStart(3, "0")}`).join("")}'`;
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

describe.skipIf(unavailable !== undefined)("docker cp of binary files, real engine", () => {
  let gateway: Gateway;
  let sim: Simulator;
  let engine: RemoteEngine;
  /** Run a script in the container `bin` (as an argument list, so the host shell does not re-quote it). */
  const inside = async (script: string) => {
    let out = "";
    const { ExitCode } = await engine.containerExec("bin", { Cmd: ["sh", "-c", script] }, { onOutput: (c) => (out += c.text) });
    expect(ExitCode, out).toBe(0);
    return out;
  };
  beforeAll(async () => {
    gateway = await testGateway();
    ({ sim, engine } = await realSimulator(gateway));
    expect((await sim.exec("docker run -d --name bin busybox sleep 300")).exitCode).toBe(0);
    await inside(`${printfAll} > /f && head -c 4096 /dev/urandom >> /f && mkdir -p /d && ${printfAll} > /d/all.bin && echo 'héllo' > /d/a.txt`);
  }, 60_000);
  afterAll(async () => {
    engine?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("copies a file with all 256 byte values and random bytes unchanged", async () => {
    const [sum] = (await inside("md5sum /f")).split(" ");
    expect((await sim.exec("docker cp bin:/f ./f")).exitCode).toBe(0);
    expect((await sim.exec("md5sum f")).stdout).toBe(`${sum}  f\n`);
    expect((await sim.exec("wc -c < f")).stdout.trim()).toBe(String(256 + 4096));
    expect((await sim.exec("head -c 256 f | md5sum")).stdout).toBe(`${md5(allBytes)}  -\n`);
  });

  it("copies a folder holding binary and text files", async () => {
    expect((await sim.exec("docker cp bin:/d ./d")).exitCode).toBe(0);
    expect((await sim.exec("md5sum d/all.bin")).stdout).toBe(`${md5(allBytes)}  d/all.bin\n`);
    expect((await sim.exec("cat d/a.txt")).stdout).toBe("héllo\n");
  });

  it("gives the bytes and a text of them to callers of the Engine interface", async () => {
    const { entries } = await engine.containerArchive("bin", "/d/all.bin");
    expect(entries).toHaveLength(1);
    expect([...(entries[0]!.bytes ?? [])]).toEqual([...allBytes]);
    expect(typeof entries[0]!.content).toBe("string");
  });

  it("extracts binary entries into the container unchanged", async () => {
    await engine.containerExtract("bin", "/tmp", [{ path: "in.bin", type: "file", bytes: allBytes, content: "lossy text that must not be used" }, { path: "in.txt", type: "file", content: "héllo\n" }]);
    expect(await inside("md5sum /tmp/in.bin; cat /tmp/in.txt")).toBe(`${md5(allBytes)}  /tmp/in.bin\nhéllo\n`);
    const bad = await engine.raw("containerExtract", ["bin", "/tmp", [{ path: "x", type: "file", bytesBase64: "%%%%" }]]).then(() => "extracted", (e: Error) => e.message);
    expect(bad).toBe('invalid copy: the bytes of "x" are not valid base64');
  });

  it("refuses a copy larger than the gateway's limit with a clear error", async () => {
    await inside("head -c 34000000 /dev/zero > /big");
    const r = await sim.exec("docker cp bin:/big ./big");
    expect(r).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: the copy is larger than 32 MiB, the Dockyard gateway's limit\n" });
    expect((await sim.exec("ls big")).exitCode).not.toBe(0);
  }, 30_000);
});
