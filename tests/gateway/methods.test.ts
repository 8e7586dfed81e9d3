/** Every Engine method of RemoteEngine reaches a handler on the gateway (the Engine interface grows; both must follow). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../../server/gateway.ts";
import { RemoteEngine } from "../../simulator/backend/remote-engine.ts";
import { connectEngine, engineUnavailable, testGateway } from "./harness.ts";

const unavailable = await engineUnavailable();
if (unavailable) console.warn(`gateway method table test skipped: ${unavailable}`);

/** Methods answered in the page itself, not by the gateway. */
const local = new Set(["constructor", "connect", "close", "raw", "session", "subscribe", "containerConsole", "containerExecConsole"]);
const methods = Object.getOwnPropertyNames(RemoteEngine.prototype).filter((m) => !local.has(m));

describe.skipIf(unavailable !== undefined)("the gateway's method table", () => {
  let gateway: Gateway;
  let engine: RemoteEngine;
  beforeAll(async () => {
    gateway = await testGateway();
    engine = await connectEngine(gateway);
  });
  afterAll(async () => {
    engine?.close();
    // networkList makes the session's bridge (server/session-bridge.ts).
    await gateway?.registry.sweep();
    await gateway?.close();
  });

  it.each(methods)("%s has a handler", async (method) => {
    // Called with no arguments (events: an empty window): a clear error from the handler is fine, "no method" is not.
    const params = method === "systemEvents" ? [{ since: Date.now() - 1000, until: Date.now() }] : [];
    const outcome = await engine.raw(method, params).then(() => "answered", (e: Error) => e.message);
    expect(outcome).not.toContain("the gateway has no method");
  });
});
