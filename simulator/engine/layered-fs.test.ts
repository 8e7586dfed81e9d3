import { Bash } from "just-bash";
import { describe, expect, it } from "vitest";
import { Layer, LayeredFs } from "./layered-fs.ts";

const base = Layer.fromFiles({ "/etc/os-release": "ID=test\n", "/etc/passwd": "root:x:0:0::/root:/bin/sh\n", "/usr/share/doc/readme": "docs\n" });
const app = Layer.fromFiles({ "/app/main.py": "print('hi')\n", "/etc/os-release": "ID=test2\n" });

describe("a copy-on-write filesystem over shared layers", () => {
  it("reads through the layers, the top-most winning", async () => {
    const fs = new LayeredFs([base, app]);
    expect(await fs.readFile("/etc/os-release")).toBe("ID=test2\n");
    expect(await fs.readFile("/etc/passwd")).toContain("root");
    expect(await fs.readdir("/")).toEqual(["app", "etc", "usr"]);
  });

  it("writes only to its own layer, leaving the shared layers and other containers untouched", async () => {
    const one = new LayeredFs([base, app]);
    const two = new LayeredFs([base, app]);
    await one.writeFile("/etc/passwd", "changed\n");
    await one.rm("/usr/share/doc", { recursive: true });
    await one.mkdir("/data");
    await one.writeFile("/data/x", "1");
    expect(await one.readFile("/etc/passwd")).toBe("changed\n");
    expect(await one.exists("/usr/share/doc/readme")).toBe(false);
    expect(await two.readFile("/etc/passwd")).toContain("root");
    expect(await two.exists("/usr/share/doc/readme")).toBe(true);
    expect(base.nodes.get("/etc/passwd")).toMatchObject({ content: "root:x:0:0::/root:/bin/sh\n" });
    expect(one.changes()).toEqual([
      { kind: "A", path: "/data" },
      { kind: "A", path: "/data/x" },
      { kind: "C", path: "/etc" },
      { kind: "C", path: "/etc/passwd" },
      { kind: "C", path: "/usr" },
      { kind: "C", path: "/usr/share" },
      { kind: "D", path: "/usr/share/doc" },
    ]);
  });

  it("reports missing files and directories as Node does", async () => {
    const fs = new LayeredFs([base]);
    await expect(fs.readFile("/nope")).rejects.toThrow("ENOENT: no such file or directory, open '/nope'");
    await expect(fs.mkdir("/a/b")).rejects.toThrow("ENOENT");
    await expect(fs.rm("/etc")).rejects.toThrow("ENOTEMPTY");
  });

  it("follows symbolic links", async () => {
    const fs = new LayeredFs([base]);
    await fs.symlink("/etc", "/config");
    expect(await fs.readFile("/config/os-release")).toBe("ID=test\n");
    expect(await fs.readlink("/config")).toBe("/etc");
    expect(await fs.realpath("/config/passwd")).toBe("/etc/passwd");
  });

  it("serves as just-bash's filesystem", async () => {
    const fs = new LayeredFs([base, app]);
    const bash = new Bash({ fs, cwd: "/" });
    const r = await bash.exec("mkdir -p /work/out && echo hello > /work/out/f && cat /work/out/f && ls /app && cp -r /app /copy && ls /copy && mv /copy /moved && ls / && rm -r /moved && ls /");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hello\nmain.py\nmain.py\napp\netc\nmoved\nusr\nwork\napp\netc\nusr\nwork\n");
  });
});
