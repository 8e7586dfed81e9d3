import { describe, expect, it } from "vitest";
import { fileLanguage } from "./languages.ts";

describe("a file's language, by its name", () => {
  it.each([
    ["Dockerfile", "dockerfile"],
    ["app/Dockerfile", "dockerfile"],
    ["Dockerfile.dev", "dockerfile"],
    ["web.dockerfile", "dockerfile"],
    ["compose.yaml", "compose"],
    ["compose.yml", "compose"],
    ["docker-compose.yml", "compose"],
    ["docker-compose.yaml", "compose"],
    ["stack/compose.override.yaml", "compose"],
    ["config.yaml", "yaml"],
    ["build.sh", "shell"],
    ["index.html", "plaintext"],
    ["dockerfile.txt", "plaintext"],
  ])("%s is %s", (path, language) => {
    expect(fileLanguage(path)).toBe(language);
  });
});
