import { describe, expect, it } from "vitest";
import { splitScript } from "./script.ts";

describe("splitting a script into commands", () => {
  it("skips blank lines and comments", () => {
    expect(splitScript("# setup\n\ndocker ps\n  # indented comment\ndocker images\n")).toEqual(["docker ps", "docker images"]);
  });
  it("keeps a heredoc with its command", () => {
    expect(splitScript("cat > f <<'EOF'\nFROM busybox\n# not a comment\nEOF\necho done")).toEqual(["cat > f <<'EOF'\nFROM busybox\n# not a comment\nEOF", "echo done"]);
  });
  it("joins continued lines", () => {
    expect(splitScript("docker run \\\n  --rm busybox")).toEqual(["docker run   --rm busybox"]);
  });
});
