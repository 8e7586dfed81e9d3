import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const script = `# comments and blank lines are skipped

docker run hello-world
cat > notes.txt <<'EOF'
first line
EOF
cat notes.txt
docker ps -a -q | wc -l
docker nonsense
`;

describe("npm run -s sim -- --json", () => {
  it("prints one JSON object per command with its output and exit code", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "simulator/node/main.ts", "--json"], { input: script, encoding: "utf8", cwd: new URL("../..", import.meta.url).pathname });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.command)).toEqual(["docker run hello-world", "cat > notes.txt <<'EOF'\nfirst line\nEOF", "cat notes.txt", "docker ps -a -q | wc -l", "docker nonsense"]);
    expect(lines[0].stdout).toContain("Hello from Docker!");
    expect(lines[0].exitCode).toBe(0);
    expect(lines[2]).toEqual({ command: "cat notes.txt", stdout: "first line\n", stderr: "", exitCode: 0 });
    expect(lines[3].stdout.trim()).toBe("1");
    expect(lines[4]).toMatchObject({ exitCode: 1, stderr: "docker: unknown command: docker nonsense\n\nRun 'docker --help' for more information\n" });
  });
});
