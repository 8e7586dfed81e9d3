import { describe, expect, it } from "vitest";
import { isCompleteInput, snippetCommands } from "./shell-input.ts";

describe("when typed input is a whole command", () => {
  it("waits for a here-document's delimiter", () => {
    expect(isCompleteInput("cat > Dockerfile <<'EOF'")).toBe(false);
    expect(isCompleteInput("cat > Dockerfile <<'EOF'\nFROM alpine")).toBe(false);
    expect(isCompleteInput("cat > Dockerfile <<'EOF'\nFROM alpine\nEOF")).toBe(true);
    expect(isCompleteInput('cat <<"END" > x\nEND')).toBe(true);
    expect(isCompleteInput("cat <<-EOF\n\thello\n\tEOF")).toBe(true);
    expect(isCompleteInput("cat <<EOF\n  EOF")).toBe(false);
  });

  it("waits for a continued line and a closing quote", () => {
    expect(isCompleteInput("docker run \\")).toBe(false);
    expect(isCompleteInput("docker run \\\n  -d nginx")).toBe(true);
    expect(isCompleteInput("echo 'two")).toBe(false);
    expect(isCompleteInput("echo 'two\nlines'")).toBe(true);
    expect(isCompleteInput('echo "it\'s"')).toBe(true);
  });

  it("does not mistake here-strings, quoted << or comments for anything open", () => {
    expect(isCompleteInput("cat <<< hello")).toBe(true);
    expect(isCompleteInput("echo '<<EOF'")).toBe(true);
    expect(isCompleteInput("echo hi # it's fine")).toBe(true);
    expect(isCompleteInput("docker ps")).toBe(true);
  });
});

describe("the commands of a lesson's snippet", () => {
  it("keeps a here-document's body with its command, exactly", () => {
    const snippet = "mkdir app && cd app\ncat > app.py <<'EOF'\nfrom flask import Flask\n\n# a comment in the file\n    indented = True\nEOF\n\n$ docker build -t app .\n# done";
    expect(snippetCommands(snippet)).toEqual([
      "mkdir app && cd app",
      "cat > app.py <<'EOF'\nfrom flask import Flask\n\n# a comment in the file\n    indented = True\nEOF",
      "docker build -t app .",
    ]);
  });

  it("joins continued lines", () => {
    expect(snippetCommands("docker run -d \\\n  --name web \\\n  nginx\ndocker ps")).toEqual(["docker run -d \\\n  --name web \\\n  nginx", "docker ps"]);
  });
});
