/** Binary files through the host's CLI on a real engine: `docker cp` into a container, and curl/wget of a binary response. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import type { Simulator } from "../../simulator/simulator.ts";
import { engineUnavailable, realSimulator, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway binary host test skipped: ${unavailable}`);

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const allBytesBase64 = Buffer.from(allBytes).toString("base64");
const allBytesMd5 = createHash("md5").update(allBytes).digest("hex");
// busybox printf: every byte value as an octal escape.
const printfAll = `printf '${[...allBytes].map((b) => `\\${b.toString(8).padStart(3, "0")}`).join("")}'`;

describe.skipIf(unavailable !== undefined)("binary files through the host CLI, real engine", () => {
  let gateway: Gateway;
  let sim: Simulator;
  let engine: RemoteEngine;
  let port: number;
  /** Run a script in the container `web` (as an argument list, so the host shell does not re-quote it). */
  const inside = async (script: string) => {
    let out = "";
    const { ExitCode } = await engine.containerExec("web", { Cmd: ["sh", "-c", script] }, { onOutput: (c) => (out += c.text) });
    expect(ExitCode, out).toBe(0);
    return out;
  };
  beforeAll(async () => {
    gateway = await testGateway();
    ({ sim, engine } = await realSimulator(gateway));
    expect((await sim.exec("docker run -d --name web -p 8080 busybox sleep 300")).exitCode).toBe(0);
    // busybox httpd without -f goes to the background and outlives the exec.
    await inside(`mkdir -p /www && ${printfAll} > /www/all.bin && httpd -p 8080 -h /www`);
    const out = (await sim.exec("docker port web 8080")).stdout;
    port = Number(/:(\d+)$/m.exec(out)?.[1]);
    expect(await sim.exec(`echo ${allBytesBase64} | base64 -d > bytes.bin && md5sum bytes.bin`)).toMatchObject({ stdout: `${allBytesMd5}  bytes.bin\n`, exitCode: 0 });
  }, 60_000);
  afterAll(async () => {
    engine?.close();
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it("docker cp copies a binary host file into the container unchanged", async () => {
    expect((await sim.exec("docker cp bytes.bin web:/tmp/in.bin")).exitCode).toBe(0);
    expect(await inside("md5sum /tmp/in.bin; wc -c < /tmp/in.bin")).toBe(`${allBytesMd5}  /tmp/in.bin\n256\n`);
    await sim.exec(`mkdir -p dir/sub && cp bytes.bin dir/sub/a.bin && echo 'héllo' > dir/a.txt`);
    expect((await sim.exec("docker cp dir/. web:/tmp")).exitCode).toBe(0);
    expect(await inside("md5sum /tmp/sub/a.bin; cat /tmp/a.txt")).toBe(`${allBytesMd5}  /tmp/sub/a.bin\nhéllo\n`);
  }, 30_000);

  it("curl -o and wget save a binary response byte for byte", async () => {
    let r = await sim.exec(`curl -s -o out.bin localhost:${port}/all.bin`);
    for (let i = 0; i < 40 && r.exitCode !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      r = await sim.exec(`curl -s -o out.bin localhost:${port}/all.bin`);
    }
    expect(r).toMatchObject({ stdout: "", exitCode: 0 });
    expect((await sim.exec("md5sum out.bin; wc -c out.bin")).stdout).toBe(`${allBytesMd5}  out.bin\n256 out.bin\n`);
    const w = await sim.exec(`wget -O got.bin localhost:${port}/all.bin`);
    expect(w.exitCode).toBe(0);
    expect(w.stderr).toMatch(/‘got\.bin’ saved \[256\/256\]\n/);
    expect((await sim.exec("md5sum got.bin")).stdout).toBe(`${allBytesMd5}  got.bin\n`);
  }, 30_000);
});
