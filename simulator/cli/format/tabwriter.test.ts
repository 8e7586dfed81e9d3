import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tabwrite } from "./tabwriter.ts";

const golden = new URL("../../../../shared/oracles/docker-cli-golden/cli/command/container/testdata/container-list-without-format.golden", import.meta.url);

describe.skipIf(!existsSync(golden))("tab writer against docker/cli golden output", () => {
  it("lays out docker ps exactly as container-list-without-format.golden", () => {
    const rows = [
      ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"],
      ["container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", "", "c1"],
      ["container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", "", "c2"],
      ["container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", "80-82/tcp", "c3"],
      ["container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", "81/udp", "c4"],
      ["container_id", "busybox:latest", '"top"', "About a minute ago", "Up 1 minute", "8.8.8.8:82->82/tcp", "c5"],
    ];
    expect(tabwrite(rows)).toBe(readFileSync(golden, "utf8"));
  });
});

describe("tab writer", () => {
  it("pads cells to at least 10 columns and leaves the last cell unpadded", () => {
    expect(tabwrite([["A", "B"], ["long value here", "x"]])).toBe(`A${" ".repeat(17)}B\nlong value here   x\n`);
  });
});
