import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";
import { liveScript } from "./live-output.ts";

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

describe("a container's main shell prints as it runs", () => {
  it("a while-true loop reaches docker logs while it runs", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name loop busybox sh -c 'i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 1; done'");
    await settle();
    expect((await sim.exec("docker logs loop")).stdout).toBe("tick 1\n");
    for (let i = 0; i < 3; i++) {
      clock.increment(1000);
      await settle();
    }
    expect((await sim.exec("docker logs loop")).stdout).toBe("tick 1\ntick 2\ntick 3\ntick 4\n");
    expect((await sim.exec("docker logs --tail 1 loop")).stdout).toBe("tick 4\n");
    expect((await sim.exec("docker ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^loop Up \d+ seconds\n$/);
  });

  it("keeps what is captured, piped or redirected where the script sends it", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull -q busybox");
    const script = 'x=$(echo inner); echo "got $x"; echo abc | tr a-z A-Z; { echo grouped; } > /tmp/g; cat /tmp/g; echo to-err >&2; f() { echo "f says $1"; }; f hi; echo quiet > /dev/null; echo explicit > /proc/1/fd/1';
    const r = await sim.exec(`docker run --name once busybox sh -c '${script}'`);
    expect(r).toMatchObject({ exitCode: 0, stdout: "got inner\nABC\ngrouped\nf says hi\nexplicit\n", stderr: "to-err\n" });
    const logs = await sim.exec("docker logs once");
    expect(logs.stdout).toBe("got inner\nABC\ngrouped\nf says hi\nexplicit\n");
    expect(logs.stderr).toBe("to-err\n");
  });

  it("keeps busybox's wording for errors printed along the way, and the exit code", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull -q busybox");
    const r = await sim.exec("docker run --rm busybox sh -c 'echo before; ls /nope; echo after; exit 3'");
    expect(r).toMatchObject({ exitCode: 3, stdout: "before\nafter\n", stderr: "ls: /nope: No such file or directory\n" });
  });

  it("leaves a script that does not parse to the shell's own error", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run --rm busybox sh -c 'if then fi'");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/syntax error/);
    expect(liveScript("if then fi")).toBe("if then fi");
  });
});

describe("a container whose command is a shell script file", () => {
  it("prints as it runs, with the script's $0 and arguments", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("mkdir app");
    await sim.exec(`cat > app/loop.sh <<'EOF'
#!/bin/sh
echo "$0 starts with $1"
while true; do echo beat; sleep 1; done
EOF`);
    await sim.exec("printf 'FROM busybox\\nCOPY loop.sh /loop.sh\\nRUN chmod +x /loop.sh\\nCMD [\"/loop.sh\", \"go\"]\\n' > app/Dockerfile");
    expect((await sim.exec("docker build -q -t looper app")).exitCode).toBe(0);
    await sim.exec("docker run -d --name beat looper");
    await settle();
    clock.increment(1000);
    await settle();
    expect((await sim.exec("docker logs beat")).stdout).toBe("/loop.sh starts with go\nbeat\nbeat\n");
  });
});
