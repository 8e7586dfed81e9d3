import type { CatalogImage, CatalogLayer } from "./types.ts";
import { busyboxApplets, commandsIn, debianCommands, standardDirs } from "./filesystems.ts";

const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const osRelease = (fields: Record<string, string>) =>
  Object.entries(fields).map(([k, v]) => `${k}=${/^[\w.-]+$/.test(v) ? v : JSON.stringify(v)}`).join("\n") + "\n";

const passwd = (shell: string) =>
  `root:x:0:0:root:/root:${shell}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`;
const group = "root:x:0:\ndaemon:x:1:\nbin:x:2:\nnogroup:x:65534:\n";

const busyboxLayer: CatalogLayer = {
  key: "busybox-1.37.0-glibc",
  size: 4_426_752,
  compressed: 2_219_478,
  createdBy: "BusyBox 1.37.0 (glibc), Debian 12",
  dirs: standardDirs,
  executables: commandsIn("/bin", ["busybox", ...busyboxApplets]),
  files: { "/etc/passwd": passwd("/bin/sh"), "/etc/group": group },
};

const alpineLayer: CatalogLayer = {
  key: "alpine-3.22.2",
  size: 8_524_800,
  compressed: 3_802_452,
  createdBy: "ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit",
  dirs: [...standardDirs, "/lib/apk/db", "/etc/apk"],
  executables: [...commandsIn("/bin", ["busybox", ...busyboxApplets]), "/sbin/apk"],
  files: {
    "/etc/os-release": osRelease({ NAME: "Alpine Linux", ID: "alpine", VERSION_ID: "3.22.2", PRETTY_NAME: "Alpine Linux v3.22", HOME_URL: "https://alpinelinux.org/", BUG_REPORT_URL: "https://gitlab.alpinelinux.org/alpine/aports/-/issues" }),
    "/etc/alpine-release": "3.22.2\n",
    "/etc/passwd": passwd("/bin/sh"),
    "/etc/group": group,
    "/etc/apk/repositories": "https://dl-cdn.alpinelinux.org/alpine/v3.22/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.22/community\n",
  },
};

/** Debian-family base layer: merged /usr (/bin -> usr/bin) as in Ubuntu 24.04 and Debian 13. */
function debianFamily(key: string, createdBy: string, size: number, compressed: number, release: Record<string, string>, extra: Record<string, string> = {}): CatalogLayer {
  return {
    key,
    size,
    compressed,
    createdBy,
    dirs: ["/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr/local/bin", "/var/log", "/var/tmp", "/var/lib/apt/lists"],
    symlinks: { "/bin": "usr/bin", "/sbin": "usr/sbin", "/lib": "usr/lib" },
    executables: commandsIn("/usr/bin", debianCommands),
    files: { "/etc/os-release": osRelease(release), "/etc/passwd": passwd("/bin/bash"), "/etc/group": group, "/root/.bashrc": "# ~/.bashrc\n", ...extra },
  };
}

const ubuntu = (version: string, codename: string, size: number, compressed: number): CatalogLayer =>
  debianFamily(`ubuntu-${version}`, `/bin/sh -c #(nop) ADD file:ubuntu-${codename}-oci-amd64-root.tar.gz in / `, size, compressed, {
    PRETTY_NAME: `Ubuntu ${version} LTS`,
    NAME: "Ubuntu",
    VERSION_ID: version.split(".").slice(0, 2).join("."),
    VERSION: `${version} LTS (${codename[0]!.toUpperCase()}${codename.slice(1)})`,
    VERSION_CODENAME: codename,
    ID: "ubuntu",
    ID_LIKE: "debian",
    UBUNTU_CODENAME: codename,
  }, { "/etc/lsb-release": `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${version.split(".").slice(0, 2).join(".")}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="Ubuntu ${version} LTS"\n` });

const debianLayer = debianFamily("debian-13-trixie", "# debian.sh --arch 'amd64' out/ 'trixie' '@1763337600'", 120_258_560, 49_283_532, {
  PRETTY_NAME: "Debian GNU/Linux 13 (trixie)",
  NAME: "Debian GNU/Linux",
  VERSION_ID: "13",
  VERSION: "13 (trixie)",
  VERSION_CODENAME: "trixie",
  ID: "debian",
}, { "/etc/debian_version": "13.2\n" });

const config = (cmd: string[] | null, extra: Partial<CatalogImage["config"]> = {}): CatalogImage["config"] => ({
  Cmd: cmd,
  Entrypoint: null,
  Env: [PATH],
  WorkingDir: "",
  User: "",
  Labels: null,
  ...extra,
});

/** The images the simulated Docker Hub serves. */
export const catalogImages: CatalogImage[] = [
  {
    repository: "hello-world",
    tags: ["latest", "linux"],
    description: "Hello World! (an example of minimal Dockerization)",
    stars: 2468,
    official: true,
    created: "2025-08-13T22:18:32Z",
    layers: [{ key: "hello-world-latest", size: 13_256, compressed: 3_208, createdBy: "COPY hello / # buildkit", executables: ["/hello"] }],
    config: config(["/hello"], { WorkingDir: "/" }),
    programs: { "/hello": "hello" },
  },
  {
    repository: "busybox",
    tags: ["latest", "1.37", "1.37.0", "stable", "glibc"],
    description: "Busybox base image.",
    stars: 3461,
    official: true,
    created: "2024-09-26T21:31:42Z",
    layers: [busyboxLayer],
    config: config(["sh"]),
  },
  {
    repository: "alpine",
    tags: ["latest", "3.22", "3.22.2", "3"],
    description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
    stars: 11432,
    official: true,
    created: "2025-10-08T11:04:56Z",
    layers: [alpineLayer],
    config: config(["/bin/sh"]),
  },
  {
    repository: "ubuntu",
    tags: ["latest", "24.04", "noble"],
    description: "Ubuntu is a Debian-based Linux operating system based on free software.",
    stars: 17805,
    official: true,
    created: "2025-10-13T03:44:25Z",
    layers: [ubuntu("24.04.3", "noble", 78_118_912, 29_723_147)],
    config: config(["/bin/bash"], { Labels: { "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": "24.04" } }),
  },
  {
    repository: "debian",
    tags: ["latest", "13", "trixie"],
    description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
    stars: 5321,
    official: true,
    created: "2025-11-17T00:00:00Z",
    layers: [debianLayer],
    config: config(["bash"]),
  },
];
