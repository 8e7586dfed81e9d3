import { Bash, InMemoryFs, type IFileSystem } from "just-bash";
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";
import { LIVE_STDERR, LIVE_STDOUT, liveScript } from "./live-output.ts";

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

  it("leaves a script with a here-document as it is, and it still runs", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull -q busybox");
    const script = "cat <<'EOF' | tr a-z A-Z\nquoted $HOME\nEOF";
    expect(liveScript(script)).toBe(script);
    await sim.exec(`printf 'FROM busybox\\nCMD ["sh", "-c", "cat <<EOF | tr a-z A-Z\\\\nshout\\\\nEOF"]\\n' > Dockerfile`);
    expect((await sim.exec("docker build -q -t heredoc .")).exitCode).toBe(0);
    expect((await sim.exec("docker run --rm heredoc")).stdout).toBe("SHOUT\n");
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

/** A file system that passes writes to /proc/1/fd/1 and 2 on, as the container's shell view does. */
function liveFs(out: { stdout: string; stderr: string }): IFileSystem {
  const mem = new InMemoryFs();
  return new Proxy(mem, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof original !== "function") return original;
      return (path: string, ...rest: unknown[]) => {
        if (path === LIVE_STDOUT || path === LIVE_STDERR) {
          if (property === "appendFile" || property === "writeFile") {
            if (path === LIVE_STDOUT) out.stdout += String(rest[0]);
            else out.stderr += String(rest[0]);
            return Promise.resolve();
          }
          if (property === "exists") return Promise.resolve(true);
          if (property === "stat") return Promise.resolve({ isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100620, size: 0, mtime: new Date(0) });
        }
        return (original as (...args: unknown[]) => unknown).call(target, path, ...rest);
      };
    },
  }) as IFileSystem;
}

describe("the live rewrite keeps what a script prints and returns", () => {
  const scripts = [
    "cat <<EOF\nhello \\$HOME and $((1+2))\nEOF\necho done",
    "cat <<'EOF' | tr a-z A-Z\nquoted $HOME\nEOF",
    "x='a b'; echo \"$x\" 'single $x' \\\"esc\\\"",
    "case x in a) echo A;; *) echo other;; esac; for i in 1 2; do echo $i; done | tac",
    "if [ -e /nope ]; then echo yes; else echo no >&2; fi; echo $(( 2 * 3 )); [[ -n x ]] && echo dbl",
    "f() { echo \"in f: $*\"; return 3; }; f one two; echo \"rc=$?\"",
    "i=0; until [ $i -ge 2 ]; do i=$((i+1)); echo u$i; done; (echo sub; echo sub2); { echo grp; } 2>&1",
    "echo start; ls /missing 2>&1 | head -1; ls /missing | cat; echo end",
    "set -e; echo one; false; echo never",
    "read a b <<< 'x y'; echo \"$b$a\"",
    "for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done; while true; do echo once; exit 4; done",
    "echo x > /tmp/f && cat < /tmp/f; echo err 1>&2 2>/dev/null; exec 2>&1; echo after-exec >&2",
    "! false && echo negated; echo \"$(echo nested $(echo deep))\"",
  ];
  for (const script of scripts) {
    it(JSON.stringify(script), async () => {
      const plain = await new Bash({ fs: new InMemoryFs() }).exec(script);
      const streamed = { stdout: "", stderr: "" };
      const rest = await new Bash({ fs: liveFs(streamed) }).exec(liveScript(script));
      expect({ stdout: streamed.stdout + rest.stdout, stderr: streamed.stderr + rest.stderr, exitCode: rest.exitCode }).toEqual({ stdout: plain.stdout, stderr: plain.stderr, exitCode: plain.exitCode });
    });
  }
});
