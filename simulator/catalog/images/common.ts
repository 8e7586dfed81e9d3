/** Building blocks shared by the catalog's images: config defaults, /etc files and the base layers images sit on. */
import type { CatalogImage, CatalogLayer } from "../types.ts";
import { busyboxApplets, commandsIn, debianCommands, standardDirs } from "../filesystems.ts";
import { programFile } from "../packages/files.ts";

export const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export const osRelease = (fields: Record<string, string>) =>
  Object.entries(fields).map(([k, v]) => `${k}=${/^[\w.-]+$/.test(v) ? v : JSON.stringify(v)}`).join("\n") + "\n";

const PASSWD_BASE = ["daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "bin:x:2:2:bin:/bin:/usr/sbin/nologin"];
/** /etc/passwd with root's shell and the image's own service users (`nginx:x:101:101:...`). */
export const passwd = (shell: string, ...users: string[]) =>
  [`root:x:0:0:root:/root:${shell}`, ...PASSWD_BASE, ...users, "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"].join("\n") + "\n";
export const group = (...groups: string[]) => ["root:x:0:", "daemon:x:1:", "bin:x:2:", ...groups, "nogroup:x:65534:"].join("\n") + "\n";
const WWW_DATA = "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin";

/** An image config as the registry serves it; unset fields as Docker leaves them. */
export const config = (cmd: string[] | null, extra: Partial<CatalogImage["config"]> = {}): CatalogImage["config"] => ({
  Cmd: cmd,
  Entrypoint: null,
  Env: [PATH],
  WorkingDir: "",
  User: "",
  Labels: null,
  ...extra,
});

/** `docker history`'s CREATED BY for a shell-form RUN built by BuildKit. */
export const run = (script: string) => `RUN /bin/sh -c ${script} # buildkit`;
export const ports = (...specs: string[]) => Object.fromEntries(specs.map((p) => [p, {}]));

/** A layer that adds a few files (and their executables) on top of a base. */
export function layer(key: string, size: number, compressed: number, createdBy: string, content: Omit<CatalogLayer, "key" | "size" | "compressed" | "createdBy"> = {}): CatalogLayer {
  return { key, size, compressed, createdBy, ...content };
}

// ---- Debian and Ubuntu ----

const MERGED_DIRS = ["/dev", "/etc", "/home", "/proc", "/root", "/run", "/srv", "/sys", "/tmp", "/usr/local/bin", "/usr/local/sbin", "/var/log", "/var/tmp", "/var/lib/apt/lists", "/var/cache/apt"];

/** Commands that lived in /bin before /usr was merged (Ubuntu up to 20.04). */
const ROOT_BIN = new Set("bash sh dash cat chgrp chmod chown cp date dd df dir echo false ln ls mkdir mknod mktemp mv pwd readlink rm rmdir sleep stty sync touch true uname vdir grep egrep fgrep sed gzip gunzip zcat tar hostname login su mount umount kill ps more which".split(" "));

/**
 * A Debian-family root filesystem. Merged /usr (`/bin -> usr/bin`) as in Debian 12+ and Ubuntu 22.04+;
 * `mergedUsr: false` gives the real /bin and /sbin directories of Ubuntu 16.04 to 20.04.
 */
export function debianFamily(key: string, createdBy: string, size: number, compressed: number, release: Record<string, string>, extra: Record<string, string> = {}, mergedUsr = true): CatalogLayer {
  const files = { "/etc/os-release": osRelease(release), "/etc/passwd": passwd("/bin/bash", WWW_DATA), "/etc/group": group("www-data:x:33:"), "/root/.bashrc": "# ~/.bashrc: executed by bash(1) for non-login shells.\n", "/root/.profile": "# ~/.profile: executed by Bourne-compatible login shells.\n", "/usr/bin/apt-get": programFile("apt-get"), "/usr/bin/apt": programFile("apt"), ...extra };
  if (mergedUsr) {
    return { key, size, compressed, createdBy, dirs: MERGED_DIRS, symlinks: { "/bin": "usr/bin", "/sbin": "usr/sbin", "/lib": "usr/lib", "/lib64": "usr/lib64" }, executables: commandsIn("/usr/bin", debianCommands), files };
  }
  return {
    key,
    size,
    compressed,
    createdBy,
    dirs: [...MERGED_DIRS, "/bin", "/sbin", "/lib", "/lib64", "/usr/bin", "/usr/sbin", "/usr/lib"],
    executables: debianCommands.map((c) => (ROOT_BIN.has(c) ? `/bin/${c}` : `/usr/bin/${c}`)),
    files,
  };
}

const debianRelease = (version: string, codename: string) => ({
  PRETTY_NAME: `Debian GNU/Linux ${version} (${codename})`,
  NAME: "Debian GNU/Linux",
  VERSION_ID: version,
  VERSION: `${version} (${codename})`,
  VERSION_CODENAME: codename,
  ID: "debian",
  HOME_URL: "https://www.debian.org/",
  SUPPORT_URL: "https://www.debian.org/support",
  BUG_REPORT_URL: "https://bugs.debian.org/",
});

/** debian:trixie, the base of the buildpack-deps images (python, node). */
export const trixie = debianFamily("debian-13-trixie", "# debian.sh --arch 'amd64' out/ 'trixie' '@1763337600'", 120_258_560, 49_283_532, debianRelease("13", "trixie"), { "/etc/debian_version": "13.2\n" });
/** debian:trixie-slim, the base of nginx, httpd, php/wordpress, postgres and the -slim images. */
export const trixieSlim = debianFamily("debian-13-trixie-slim", "# debian.sh --arch 'amd64' out/ 'trixie' '@1763337600'", 78_615_052, 29_779_105, debianRelease("13", "trixie"), { "/etc/debian_version": "13.2\n" });
export const bookworm = debianFamily("debian-12-bookworm", "# debian.sh --arch 'amd64' out/ 'bookworm' '@1763337600'", 116_522_496, 48_484_139, debianRelease("12", "bookworm"), { "/etc/debian_version": "12.12\n" });
/** debian:bookworm-slim, the base of redis and nginx:stable. */
export const bookwormSlim = debianFamily("debian-12-bookworm-slim", "# debian.sh --arch 'amd64' out/ 'bookworm' '@1763337600'", 74_812_416, 28_231_076, debianRelease("12", "bookworm"), { "/etc/debian_version": "12.12\n" });

/** buildpack-deps:trixie: curl, then scm, then the compilers and -dev packages (python and node full images). */
export const buildpackDeps: CatalogLayer[] = [
  layer("buildpack-deps-trixie-curl", 60_431_360, 25_639_590, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \tapt-get dist-clean"), { executables: ["/usr/bin/curl", "/usr/bin/wget", "/usr/bin/gpg"] }),
  layer("buildpack-deps-trixie-scm", 201_908_224, 67_800_074, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \tapt-get dist-clean"), { executables: ["/usr/bin/git", "/usr/bin/hg", "/usr/bin/ssh", "/usr/bin/svn", "/usr/bin/top", "/usr/bin/free"] }),
  layer("buildpack-deps-trixie", 641_994_752, 236_338_551, run("set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \tapt-get dist-clean"), { executables: ["/usr/bin/gcc", "/usr/bin/g++", "/usr/bin/make", "/usr/bin/patch", "/usr/bin/unzip", "/usr/bin/file", "/usr/bin/bzip2", "/usr/bin/xz", "/usr/bin/convert"] }),
];

// ---- Alpine ----

export function alpine(version: string, size: number, compressed: number): CatalogLayer {
  const minor = version.split(".").slice(0, 2).join(".");
  return {
    key: `alpine-${version}`,
    size,
    compressed,
    createdBy: `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`,
    dirs: [...standardDirs, "/lib/apk/db", "/etc/apk", "/usr/sbin", "/sbin", "/run", "/srv"],
    executables: [...commandsIn("/bin", ["busybox", ...busyboxApplets]), "/sbin/apk"],
    files: {
      "/etc/os-release": osRelease({ NAME: "Alpine Linux", ID: "alpine", VERSION_ID: version, PRETTY_NAME: `Alpine Linux v${minor}`, HOME_URL: "https://alpinelinux.org/", BUG_REPORT_URL: "https://gitlab.alpinelinux.org/alpine/aports/-/issues" }),
      "/etc/alpine-release": `${version}\n`,
      "/etc/passwd": passwd("/bin/sh"),
      "/etc/group": group(),
      "/sbin/apk": programFile("apk"),
      "/etc/apk/repositories": `https://dl-cdn.alpinelinux.org/alpine/v${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${minor}/community\n`,
    },
  };
}

export const alpine322 = alpine("3.22.2", 8_524_800, 3_802_452);
export const alpine321 = alpine("3.21.5", 7_834_624, 3_644_224);
export const alpine320 = alpine("3.20.8", 7_807_488, 3_626_706);

// ---- Oracle Linux (the mysql images) ----

const rhelCommands = debianCommands.filter((c) => !["apt", "apt-get", "apt-cache", "dpkg", "dash", "mawk"].includes(c));
export function oracleLinux(major: string, minorVersion: string, size: number, compressed: number): CatalogLayer {
  return {
    key: `oraclelinux-${major}-slim`,
    size,
    compressed,
    createdBy: major === "9" ? `ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit` : `/bin/sh -c #(nop) ADD file:oraclelinux-7-slim-amd64-rootfs.tar.xz in / `,
    dirs: MERGED_DIRS,
    symlinks: { "/bin": "usr/bin", "/sbin": "usr/sbin", "/lib": "usr/lib", "/lib64": "usr/lib64" },
    executables: [...commandsIn("/usr/bin", rhelCommands), major === "9" ? "/usr/bin/microdnf" : "/usr/bin/yum", "/usr/bin/rpm"],
    files: {
      "/etc/os-release": osRelease({ NAME: "Oracle Linux Server", VERSION: minorVersion, ID: "ol", ID_LIKE: "fedora", VARIANT: "Server", VARIANT_ID: "server", VERSION_ID: minorVersion, PRETTY_NAME: `Oracle Linux Server ${minorVersion}`, ANSI_COLOR: "0;31", CPE_NAME: `cpe:/o:oracle:linux:${minorVersion.replace(".", ":")}:server`, HOME_URL: "https://linux.oracle.com/" }),
      "/etc/oracle-release": `Oracle Linux Server release ${minorVersion}\n`,
      "/etc/passwd": passwd("/bin/bash"),
      "/etc/group": group(),
    },
  };
}
