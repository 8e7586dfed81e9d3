// apt-get, apt and apk in containers: what they print, what they install, how they fail.
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const run = async (line: string) => {
  const { sim } = testSimulator();
  await sim.exec("docker pull -q ubuntu:16.04 && docker pull -q ubuntu:24.04 && docker pull -q debian:bookworm && docker pull -q alpine");
  return { sim, r: await sim.exec(line) };
};

describe("apt-get", () => {
  it("cannot find any package on a fresh image: its lists are empty until apt-get update", async () => {
    const { r } = await run("docker run --rm ubuntu:16.04 apt-get install -y curl");
    expect(r.stdout).toBe("Reading package lists...\nBuilding dependency tree...\nReading state information...\n");
    expect(r.stderr).toBe("E: Unable to locate package curl\n");
    expect(r.exitCode).toBe(100);
  });

  it("update fetches the release's indexes into /var/lib/apt/lists, and rm -rf empties them again", async () => {
    const { sim, r } = await run("docker run --name box ubuntu:22.04 sh -c 'apt-get update && ls /var/lib/apt/lists'");
    expect(r.stdout).toMatch(/^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu jammy InRelease \[270 kB\]\nGet:2 http:\/\/security\.ubuntu\.com\/ubuntu jammy-security InRelease/);
    expect(r.stdout).toMatch(/\nFetched 40\.6 MB in 2s \(20\.3 MB\/s\)\nReading package lists\.\.\.\n/);
    expect(r.stdout).toContain("archive.ubuntu.com_ubuntu_dists_jammy_main_binary-amd64_Packages.lz4\n");
    const after = await sim.exec("docker run --rm ubuntu:22.04 sh -c 'apt-get update >/dev/null && rm -rf /var/lib/apt/lists/* && apt-get install -y curl'");
    expect(after.stderr).toBe("E: Unable to locate package curl\n");
    expect(after.exitCode).toBe(100);
    const twice = await sim.exec("docker run --rm debian:bookworm sh -c 'apt-get update >/dev/null && apt-get update'");
    expect(twice.stdout).toBe("Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n");
    const debian = await sim.exec("docker run --rm debian:bookworm apt-get update");
    expect(debian.stdout).toContain("Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n");
    expect(debian.stdout).toContain("Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\n");
  });

  it("installs a package with its dependencies, and the command then works", async () => {
    const { sim, r } = await run("docker run --name box ubuntu:24.04 sh -c 'apt-get update >/dev/null && apt-get install -y python3 && python3 --version'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("The following additional packages will be installed:\n  libpython3-stdlib libpython3.12-stdlib python3-minimal python3.12\n  python3.12-minimal\n");
    expect(r.stdout).toContain("The following NEW packages will be installed:\n");
    expect(r.stdout).toMatch(/\n0 upgraded, 6 newly installed, 0 to remove and 1 not upgraded\.\nNeed to get [\d,.]+ [kM]B of archives\.\nAfter this operation, [\d,.]+ [kM]B of additional disk space will be used\.\n/);
    expect(r.stdout).toContain("Get:1 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 python3.12-minimal amd64 3.12.3-1ubuntu0.8 [");
    expect(r.stdout).toContain("Selecting previously unselected package python3.12-minimal.\n(Reading database ... \n(Reading database ... 5%\n");
    expect(r.stdout).toContain("(Reading database ... 100%\n(Reading database ... 4381 files and directories currently installed.)\n");
    expect(r.stdout).toContain("Selecting previously unselected package python3-minimal.\n");
    expect(r.stdout).toContain("Setting up python3 (3.12.3-0ubuntu2) ...\n");
    expect(r.stdout.endsWith("Python 3.12.3\n")).toBe(true);
    expect(r.stderr).toContain("debconf: delaying package configuration, since apt-utils is not installed\n");
    const diff = await sim.exec("docker diff box");
    expect(diff.stdout).toContain("A /usr/bin/python3.12\n");
    expect(diff.stdout).toContain("A /var/lib/dpkg/status\n");
  });

  it("without -y, the confirmation prompt reads end-of-file and aborts", async () => {
    const { r } = await run("docker run --rm ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install git'");
    expect(r.stdout).toMatch(/After this operation, [\d,.]+ [kM]B of additional disk space will be used\.\nDo you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(r.exitCode).toBe(1);
  });

  it("a single package with nothing else to install needs no confirmation; an installed one is already the newest", async () => {
    const { r } = await run("docker run --rm ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install --no-install-recommends make && apt-get install make'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("0 upgraded, 1 newly installed, 0 to remove and 2 not upgraded.\n");
    expect(r.stdout).toContain("make is already the newest version (4.1-6).\n0 upgraded, 0 newly installed, 0 to remove and 2 not upgraded.\n");
  });

  it("--no-install-recommends lists what it leaves out", async () => {
    const { r } = await run("docker run --rm ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install -y --no-install-recommends python-pip'");
    expect(r.stdout).toContain("Recommended packages:\n  build-essential python-dev python-setuptools python-wheel\n");
    expect(r.stdout).not.toContain("Setting up build-essential");
  });

  it("unknown packages, and packages a release replaced", async () => {
    const { sim, r } = await run("docker run --rm ubuntu:24.04 sh -c 'apt-get update >/dev/null && apt-get install -y nosuchpkg alsonot'");
    expect(r.stderr).toBe("E: Unable to locate package nosuchpkg\nE: Unable to locate package alsonot\n");
    expect(r.exitCode).toBe(100);
    const old = await sim.exec("docker run --rm ubuntu:24.04 sh -c 'apt-get update >/dev/null && apt-get install -y python-pip'");
    expect(old.stdout).toContain("Package python-pip is not available, but is referred to by another package.\nThis may mean that the package is missing, has been obsoleted, or\nis only available from another source\nHowever the following packages replace it:\n  python3-pip\n\n");
    expect(old.stderr).toBe("E: Package 'python-pip' has no installation candidate\n");
    expect(old.exitCode).toBe(100);
    const base = await sim.exec("docker run --rm ubuntu:24.04 sh -c 'apt-get update >/dev/null && apt-get install -y bash jq'");
    expect(base.stdout).toContain("bash is already the newest version (5.2.21-2ubuntu4).\n");
    expect(base.stdout).toContain("0 upgraded, 1 newly installed, 0 to remove and 1 not upgraded.\n");
    expect(base.stdout).toContain("Setting up jq (1.7.1-3ubuntu0.24.04.1) ...\n");
  });

  it("apt warns that its command line is not for scripts", async () => {
    const { r } = await run("docker run --rm ubuntu:24.04 apt update");
    expect(r.stderr).toBe("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n");
    expect(r.stdout).toMatch(/Reading package lists\.\.\.\nBuilding dependency tree\.\.\.\nReading state information\.\.\.\n1 package can be upgraded\. Run 'apt list --upgradable' to see it\.\n$/);
  });

  it("what apt-get installs in a running container survives docker commit; -qq keeps it quiet", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name box ubuntu:22.04 sleep infinity");
    const r = await sim.exec("docker exec box sh -c 'apt-get update -qq && apt-get install -qq -y git'");
    expect(r).toMatchObject({ stdout: "", exitCode: 0 });
    expect((await sim.exec("docker commit box with-git")).exitCode).toBe(0);
    expect((await sim.exec("docker run --rm with-git git --version")).stdout).toBe("git version 2.34.1\n");
    const clone = await sim.exec("docker run --rm with-git git clone https://github.com/docker/welcome.git");
    expect(clone.stderr).toBe("Cloning into 'welcome'...\nfatal: unable to access 'https://github.com/docker/welcome.git': Could not resolve host: github.com\n");
    expect(clone.exitCode).toBe(128);
  });

  it("installed curl reaches other containers on the network", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker network create net");
    await sim.exec("docker run -d --name web --network net nginx");
    const r = await sim.exec("docker run --rm --network net debian:bookworm sh -c 'curl -s web || echo no curl; apt-get update >/dev/null && apt-get install -y curl >/dev/null 2>&1; curl -s web | head -4'");
    expect(r.stdout).toContain("no curl\n");
    expect(r.stdout).toContain("<title>Welcome to nginx!</title>\n");
  });
});

describe("apk", () => {
  it("adds packages with their dependencies, fetching the indexes first", async () => {
    const { sim, r } = await run("docker run --name abox alpine sh -c 'apk add --no-cache curl && which curl'");
    expect(r.stdout).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.22\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.22\/community\/x86_64\/APKINDEX\.tar\.gz\n\(1\/9\) Installing brotli-libs \(1\.1\.0-r2\)\n/);
    expect(r.stdout).toContain("(9/9) Installing curl (8.14.1-r2)\nExecuting busybox-1.37.0-r19.trigger\nOK: ");
    expect(r.stdout).toMatch(/OK: 13 MiB in 25 packages\n\/usr\/bin\/curl\n$/);
    expect((await sim.exec("docker diff abox")).stdout).toContain("A /usr/bin/curl\n");
  });

  it("an unknown package cannot be selected", async () => {
    const { r } = await run("docker run --rm alpine apk add nosuch");
    expect(r.stderr).toBe("ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n");
    expect(r.exitCode).toBe(1);
  });

  it("update reports the repositories, and python3 with pip is refused by PEP 668", async () => {
    const { sim, r } = await run("docker run --rm alpine apk update");
    expect(r.stdout).toMatch(/\[https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.22\/community\]\nOK: 26326 distinct packages available\n$/);
    const pip = await sim.exec("docker run --rm alpine sh -c 'apk add -q python3 py3-pip >/dev/null; python3 --version; pip install flask'");
    expect(pip.stdout).toBe("Python 3.12.12\n");
    expect(pip.stderr).toMatch(/^error: externally-managed-environment\n\n× This environment is externally managed\n╰─> \n    The system-wide python installation should be maintained using the system\n/);
    expect(pip.exitCode).toBe(1);
  });
});
