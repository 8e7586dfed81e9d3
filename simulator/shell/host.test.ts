import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

describe("the host shell", () => {
  it("starts in the learner's home with a prompt", async () => {
    const { sim } = testSimulator();
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    expect((await sim.exec("pwd")).stdout).toBe("/home/learner\n");
  });

  it("keeps the working directory and variables between lines", async () => {
    const { sim } = testSimulator();
    await sim.exec("mkdir -p app && cd app");
    expect(sim.prompt()).toBe("learner@dockyard:~/app$ ");
    await sim.exec("export GREETING=hi; NAME=you");
    expect((await sim.exec('echo "$GREETING $NAME"')).stdout).toBe("hi you\n");
    await sim.exec("cd /tmp");
    expect(sim.prompt()).toBe("learner@dockyard:/tmp$ ");
  });

  it("pipes docker output into other commands", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d busybox true");
    await sim.exec("docker run -d busybox true");
    expect((await sim.exec("docker ps -q -a | wc -l")).stdout.trim()).toBe("2");
  });

  it("remembers the last exit code in $?", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run busybox sh -c 'exit 4'");
    expect((await sim.exec("echo $?")).stdout).toBe("4\n");
  });

  it("writes heredocs to files", async () => {
    const { sim } = testSimulator();
    await sim.exec("cat > Dockerfile <<'EOF'\nFROM busybox\nCMD [\"echo\", \"hi\"]\nEOF");
    expect((await sim.exec("cat Dockerfile")).stdout).toBe('FROM busybox\nCMD ["echo", "hi"]\n');
  });

  it("redirects docker output to a file", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker version > v.txt");
    expect((await sim.exec("head -n 1 v.txt")).stdout).toBe("Client: Docker Engine - Community\n");
  });
});
