/** Interactive shells on the real engine (`run -it`, `exec -it`): one typed line at a time through the gateway. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import type { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway console test skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("interactive shells through the gateway", () => {
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

  it("exec -it: a shell that keeps its working directory and variables between lines, and exits", async () => {
    const { Id } = await engine.containerCreate({ Image: "busybox", Cmd: ["sleep", "300"] }, { name: "box" });
    await engine.containerStart(Id);
    const shell = await engine.containerExecConsole("box", { Cmd: ["sh"], Tty: true, AttachStdin: true });
    expect(shell.prompt()).toBe("/ # ");
    expect(await shell.exec("echo hello")).toEqual({ stdout: "hello\n", stderr: "" });
    expect(await shell.exec("cd /tmp && GREETING=hi")).toEqual({ stdout: "", stderr: "" });
    expect(shell.prompt()).toBe("/tmp # ");
    expect((await shell.exec("echo $GREETING from $(pwd)")).stdout).toBe("hi from /tmp\n");
    expect((await shell.exec("ls /nonexistent")).stdout).toBe("ls: /nonexistent: No such file or directory\n");
    await shell.exec("exit 3");
    expect(await shell.closed).toBe(3);
  });

  it("run -it: the container's own shell; exiting it stops the container", async () => {
    const { Id } = await engine.containerCreate({ Image: "busybox", Tty: true, OpenStdin: true }, { name: "it" });
    await engine.containerStart(Id);
    const shell = await engine.containerConsole("it");
    expect((await shell.exec("hostname")).stdout).toBe(`${Id.slice(0, 12)}\n`);
    await shell.exec("exit");
    expect(await shell.closed).toBe(0);
    expect((await engine.containerInspect("it")).State.Status).toBe("exited");
  });

  it("a program that is not a shell gets a clear error", async () => {
    const error = await engine.containerExecConsole("box", { Cmd: ["cat"], Tty: true, AttachStdin: true }).then(() => undefined, (e: Error) => e.message);
    expect(error).toBe("the gateway's terminal works with shells (sh, bash): run the program without -it, or switch to the simulated engine");
  });
});
