import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { displayablePorts } from "./ports.ts";

const golden = new URL("../../../../shared/oracles/docker-cli-golden/cli/command/container/testdata/container-list-without-format.golden", import.meta.url);

describe("the PORTS column", () => {
  it("shows both address families of a published port", () => {
    expect(displayablePorts([{ IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }, { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }])).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
  });

  it.skipIf(!existsSync(golden))("compacts ranges as docker/cli's golden files show", () => {
    const text = readFileSync(golden, "utf8");
    expect(text).toContain(displayablePorts([80, 81, 82].map((p) => ({ PrivatePort: p, Type: "tcp" }))));
    expect(text).toContain(displayablePorts([{ PrivatePort: 81, Type: "udp" }]));
    expect(text).toContain(displayablePorts([{ IP: "8.8.8.8", PrivatePort: 82, PublicPort: 82, Type: "tcp" }]));
  });
});
