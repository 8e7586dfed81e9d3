import { describe, expect, it } from "vitest";
import { familiarString, fullString, parseReference, withDefaultTag } from "./reference.ts";

describe("image references", () => {
  it.each([
    ["nginx", "docker.io/library/nginx:latest", "nginx:latest"],
    ["nginx:1.27", "docker.io/library/nginx:1.27", "nginx:1.27"],
    ["me/app:v2", "docker.io/me/app:v2", "me/app:v2"],
    ["localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest"],
    ["ghcr.io/org/tool:1", "ghcr.io/org/tool:1", "ghcr.io/org/tool:1"],
  ])("%s normalises to %s", (input, full, familiar) => {
    const ref = withDefaultTag(parseReference(input));
    expect(fullString(ref)).toBe(full);
    expect(familiarString(ref)).toBe(familiar);
  });

  it("rejects upper-case repository names with Docker's message", () => {
    expect(() => parseReference("Nginx")).toThrow("invalid reference format: repository name (library/Nginx) must be lowercase");
  });

  it.each(["", "nginx:", ":tag", "a b", "nginx@sha256:xyz", "-nginx"])("rejects %j as an invalid reference format", (input) => {
    expect(() => parseReference(input)).toThrow(/^invalid reference format/);
  });
});
