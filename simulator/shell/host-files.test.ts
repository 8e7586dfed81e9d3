import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";
import { HostFileError } from "./host-files.ts";

describe("the host's files, as the editor sees them", () => {
  it("lists the learner's home, folders before their contents, names sorted", async () => {
    const { sim } = testSimulator();
    await sim.exec("mkdir -p app/src && touch app/src/main.py b.txt a.txt");
    expect(sim.files.root).toBe("/home/learner");
    expect(await sim.files.list()).toEqual([
      { path: ".profile", type: "file" },
      { path: "a.txt", type: "file" },
      { path: "app", type: "dir" },
      { path: "app/src", type: "dir" },
      { path: "app/src/main.py", type: "file" },
      { path: "b.txt", type: "file" },
    ]);
  });

  it("writes files the shell and docker build then read", async () => {
    const { sim } = testSimulator();
    await sim.files.write("Dockerfile", 'FROM busybox\nCMD ["echo", "hi from the editor"]\n');
    expect((await sim.exec("cat Dockerfile")).stdout).toBe('FROM busybox\nCMD ["echo", "hi from the editor"]\n');
    const build = await sim.exec("docker build -q -t x .");
    expect(build.exitCode, build.stderr).toBe(0);
    expect((await sim.exec("docker run --rm x")).stdout).toBe("hi from the editor\n");
  });

  it("reads what the shell wrote, heredocs included, in UTF-8", async () => {
    const { sim } = testSimulator();
    await sim.exec("cat > compose.yaml <<'EOF'\nservices:\n  web:\n    image: nginx # 웹 서버\nEOF");
    expect(await sim.files.read("compose.yaml")).toBe("services:\n  web:\n    image: nginx # 웹 서버\n");
    expect(await sim.files.list()).toContainEqual({ path: "compose.yaml", type: "file" });
  });

  it("makes parent folders when writing a nested file", async () => {
    const { sim } = testSimulator();
    await sim.files.write("site/html/index.html", "<h1>hi</h1>\n");
    expect((await sim.exec("cat ~/site/html/index.html")).stdout).toBe("<h1>hi</h1>\n");
    expect(await sim.files.list()).toContainEqual({ path: "site/html", type: "dir" });
  });

  it("a command line typed right after a write sees it", async () => {
    const { sim } = testSimulator();
    void sim.files.write("note.txt", "saved\n");
    expect((await sim.exec("cat note.txt")).stdout).toBe("saved\n");
  });

  it("renames and removes files and folders", async () => {
    const { sim } = testSimulator();
    await sim.files.write("app/Dockerfile", "FROM busybox\n");
    await sim.files.rename("app/Dockerfile", "app/Dockerfile.old");
    expect((await sim.exec("ls app")).stdout).toBe("Dockerfile.old\n");
    await sim.files.rename("app", "service");
    expect(await sim.files.read("service/Dockerfile.old")).toBe("FROM busybox\n");
    await sim.files.remove("service");
    expect((await sim.exec("ls service")).exitCode).not.toBe(0);
    expect((await sim.files.list()).map((e) => e.path)).toEqual([".profile"]);
  });

  it("refuses bad paths and operations with coreutils' words", async () => {
    const { sim } = testSimulator();
    await sim.files.write("a.txt", "a");
    await sim.files.mkdir("dir");
    const failure = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: unknown) => (error instanceof HostFileError ? `${error.code} ${error.message}` : String(error)));
    expect(await failure(sim.files.read("missing"))).toBe("ENOENT 'missing': No such file or directory");
    expect(await failure(sim.files.read("dir"))).toBe("EISDIR 'dir': Is a directory");
    expect(await failure(sim.files.write("dir", "x"))).toBe("EISDIR 'dir': Is a directory");
    expect(await failure(sim.files.write("a.txt/b", "x"))).toBe("ENOTDIR 'a.txt/b': Not a directory");
    expect(await failure(sim.files.rename("a.txt", "dir"))).toBe("EEXIST 'dir': File exists");
    expect(await failure(sim.files.rename("nope", "x"))).toBe("ENOENT 'nope': No such file or directory");
    expect(await failure(sim.files.rename("dir", "dir/inner"))).toBe("EINVAL 'dir/inner': cannot move 'dir' into itself");
    expect(await failure(sim.files.mkdir("dir"))).toBe("EEXIST 'dir': File exists");
    expect(await failure(sim.files.remove("gone"))).toBe("ENOENT 'gone': No such file or directory");
    for (const bad of ["", "/etc/passwd", "../escape", "a/../../b", "nul\0"]) {
      expect(await failure(sim.files.write(bad, "x"))).toMatch(/^EINVAL '.*': Not a path inside the working folder$/s);
    }
    // Nothing was lost on the way.
    expect(await sim.files.read("a.txt")).toBe("a");
    expect((await sim.exec("cat /etc/hostname")).stdout).toBe("dockyard\n");
  });

  it("normalises ./ and doubled slashes", async () => {
    const { sim } = testSimulator();
    await sim.files.write("./x//y.txt", "y");
    expect(await sim.files.read("x/y.txt")).toBe("y");
  });
});
