/** Alpine's package repositories as apk sees them: the packages Dockerfiles commonly add, per branch. */

export type AlpineBranch = "3.20" | "3.21" | "3.22";

export interface ApkPackage {
  /** Version per branch; a single string when all branches agree. */
  version: string | Partial<Record<AlpineBranch, string>>;
  repo?: "main" | "community";
  /** Installed size in KiB. */
  kib: number;
  depends?: string[];
  executables?: Record<string, string | null>;
  symlinks?: Record<string, string>;
  files?: Record<string, string>;
  payload?: string;
}

/** Packages the alpine image ships (`OK: 8 MiB in 16 packages`). */
export const ALPINE_BASE = { packages: 16, mib: 8 };

/** python3 as each branch packages it. */
export const ALPINE_PYTHON: Record<AlpineBranch, string> = { "3.20": "3.12.11", "3.21": "3.12.12", "3.22": "3.12.12" };
export const ALPINE_PIP: Record<AlpineBranch, string> = { "3.20": "24.0", "3.21": "24.3.1", "3.22": "25.1.1" };

const ALPINE_EXTERNALLY_MANAGED = `[externally-managed]
Error=
 The system-wide python installation should be maintained using the system
 package manager (apk) only.
 
 If the package in question is not packaged already (and hence installable via
 "apk add py3-somepackage"), please consider installing it inside a virtual
 environment, e.g.:
 
 python3 -m venv /path/to/venv
 . /path/to/venv/bin/activate
 pip install mypackage
 
 To exit the virtual environment, run:
 
 deactivate
 
 The virtual environment is not deleted, and can be re-entered by re-sourcing
 the activate file.
 
 To automatically manage virtual environments, consider using pipx (from the
 pipx package).
`;

export const APK_PACKAGES: Record<string, ApkPackage> = {
  "brotli-libs": { version: "1.1.0-r2", kib: 720, payload: "/usr/lib/libbrotlicommon.so.1" },
  "c-ares": { version: { "3.20": "1.33.1-r0", "3.21": "1.34.5-r0", "3.22": "1.34.5-r0" }, kib: 213, payload: "/usr/lib/libcares.so.2" },
  libunistring: { version: "1.2-r0", kib: 1754, payload: "/usr/lib/libunistring.so.5" },
  libidn2: { version: "2.3.7-r0", kib: 136, depends: ["libunistring"], payload: "/usr/lib/libidn2.so.0" },
  "nghttp2-libs": { version: { "3.20": "1.62.1-r0", "3.21": "1.64.0-r0", "3.22": "1.65.0-r0" }, kib: 160, payload: "/usr/lib/libnghttp2.so.14" },
  libpsl: { version: "0.21.5-r3", kib: 76, depends: ["libidn2"], payload: "/usr/lib/libpsl.so.5" },
  "zstd-libs": { version: { "3.20": "1.5.6-r0", "3.21": "1.5.6-r2", "3.22": "1.5.7-r0" }, kib: 748, payload: "/usr/lib/libzstd.so.1" },
  libcurl: { version: { "3.20": "8.14.1-r1", "3.21": "8.14.1-r2", "3.22": "8.14.1-r2" }, kib: 576, depends: ["brotli-libs", "c-ares", "libidn2", "nghttp2-libs", "libpsl", "zstd-libs"], payload: "/usr/lib/libcurl.so.4" },
  curl: { version: { "3.20": "8.14.1-r1", "3.21": "8.14.1-r2", "3.22": "8.14.1-r2" }, kib: 260, depends: ["libcurl"], executables: { "/usr/bin/curl": null } },
  ncurses: { version: { "3.20": "6.4_p20240420-r2", "3.21": "6.5_p20241006-r3", "3.22": "6.5_p20250503-r0" }, kib: 460, payload: "/usr/lib/libncursesw.so.6" },
  readline: { version: { "3.20": "8.2.10-r0", "3.21": "8.2.13-r0", "3.22": "8.2.13-r1" }, kib: 260, depends: ["ncurses"], payload: "/usr/lib/libreadline.so.8" },
  bash: { version: { "3.20": "5.2.26-r0", "3.21": "5.2.37-r0", "3.22": "5.2.37-r0" }, kib: 1208, depends: ["readline"], executables: { "/bin/bash": null }, files: { "/etc/bash/bashrc": "# /etc/bash/bashrc\n" } },
  pcre2: { version: { "3.20": "10.43-r0", "3.21": "10.43-r0", "3.22": "10.46-r0" }, kib: 640, payload: "/usr/lib/libpcre2-8.so.0" },
  git: { version: { "3.20": "2.45.4-r0", "3.21": "2.47.3-r0", "3.22": "2.49.1-r0" }, kib: 13_000, depends: ["libcurl", "pcre2"], executables: { "/usr/bin/git": "git" }, payload: "/usr/libexec/git-core" },
  libffi: { version: { "3.20": "3.4.6-r0", "3.21": "3.4.7-r0", "3.22": "3.4.8-r0" }, kib: 48, payload: "/usr/lib/libffi.so.8" },
  "sqlite-libs": { version: { "3.20": "3.45.3-r2", "3.21": "3.48.0-r4", "3.22": "3.49.2-r1" }, kib: 1500, payload: "/usr/lib/libsqlite3.so.0" },
  "xz-libs": { version: "5.6.3-r1", kib: 200, payload: "/usr/lib/liblzma.so.5" },
  python3: { version: { "3.20": "3.12.11-r0", "3.21": "3.12.12-r0", "3.22": "3.12.12-r0" }, kib: 44_000, depends: ["libffi", "readline", "sqlite-libs", "xz-libs"], executables: { "/usr/bin/python3.12": "python-alpine" }, symlinks: { "/usr/bin/python3": "python3.12", "/usr/bin/python": "python3" }, files: { "/usr/lib/python3.12/os.py": `r"""OS routines for NT or Posix depending on what system we're on."""\n`, "/usr/lib/python3.12/EXTERNALLY-MANAGED": ALPINE_EXTERNALLY_MANAGED }, payload: "/usr/lib/python3.12" },
  "py3-pip": { version: { "3.20": "24.0-r2", "3.21": "24.3.1-r0", "3.22": "25.1.1-r0" }, repo: "community", kib: 10_500, depends: ["python3"], executables: { "/usr/bin/pip3": "pip-alpine" }, symlinks: { "/usr/bin/pip": "pip3" }, payload: "/usr/lib/python3.12/site-packages/pip" },
  "ca-certificates": { version: { "3.20": "20250911-r0", "3.21": "20250911-r0", "3.22": "20250911-r0" }, kib: 680, files: { "/etc/ssl/certs/ca-certificates.crt": "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n" } },
  "libgcc": { version: { "3.20": "13.2.1_git20240309-r1", "3.21": "14.2.0-r4", "3.22": "14.2.0-r6" }, kib: 160, payload: "/usr/lib/libgcc_s.so.1" },
  "libstdc++": { version: { "3.20": "13.2.1_git20240309-r1", "3.21": "14.2.0-r4", "3.22": "14.2.0-r6" }, kib: 2700, depends: ["libgcc"], payload: "/usr/lib/libstdc++.so.6" },
  "simdjson": { version: { "3.20": "3.9.4-r0", "3.21": "3.10.1-r0", "3.22": "3.12.3-r0" }, kib: 1000, payload: "/usr/lib/libsimdjson.so.24" },
  nodejs: { version: { "3.20": "20.15.1-r0", "3.21": "22.15.1-r0", "3.22": "22.16.0-r2" }, kib: 48_000, depends: ["ca-certificates", "libstdc++", "simdjson", "c-ares", "nghttp2-libs"], executables: { "/usr/bin/node": "node" } },
  npm: { version: { "3.20": "10.8.0-r0", "3.21": "10.9.1-r0", "3.22": "11.3.0-r1" }, repo: "community", kib: 8_900, depends: ["nodejs"], executables: { "/usr/lib/node_modules/npm/bin/npm-cli.js": "npm" }, symlinks: { "/usr/bin/npm": "../lib/node_modules/npm/bin/npm-cli.js" } },
  binutils: { version: { "3.20": "2.42-r1", "3.21": "2.43.1-r3", "3.22": "2.44-r3" }, kib: 7_800, executables: { "/usr/bin/ld": null, "/usr/bin/as": null } },
  gcc: { version: { "3.20": "13.2.1_git20240309-r1", "3.21": "14.2.0-r4", "3.22": "14.2.0-r6" }, kib: 98_000, depends: ["binutils", "libgcc", "libstdc++"], executables: { "/usr/bin/gcc": "gcc", "/usr/bin/cc": "gcc" }, payload: "/usr/libexec/gcc/x86_64-alpine-linux-musl/cc1" },
  "g++": { version: { "3.20": "13.2.1_git20240309-r1", "3.21": "14.2.0-r4", "3.22": "14.2.0-r6" }, kib: 31_000, depends: ["gcc", "musl-dev"], executables: { "/usr/bin/g++": "gcc" } },
  make: { version: { "3.20": "4.4.1-r2", "3.21": "4.4.1-r2", "3.22": "4.4.1-r3" }, kib: 270, executables: { "/usr/bin/make": "make" } },
  "musl-dev": { version: { "3.20": "1.2.5-r1", "3.21": "1.2.5-r9", "3.22": "1.2.5-r10" }, kib: 4_300, payload: "/usr/include" },
  "libc-dev": { version: "0.7.2-r6", kib: 4, depends: ["musl-dev"] },
  "fortify-headers": { version: "1.1-r5", kib: 100 },
  patch: { version: "2.7.6-r10", kib: 120, executables: { "/usr/bin/patch": null } },
  "build-base": { version: "0.5-r3", kib: 4, depends: ["binutils", "gcc", "g++", "make", "libc-dev", "fortify-headers", "patch"] },
  vim: { version: { "3.20": "9.1.0414-r1", "3.21": "9.1.1105-r0", "3.22": "9.1.1566-r0" }, kib: 3_700, depends: ["ncurses"], executables: { "/usr/bin/vim": "vim" }, payload: "/usr/share/vim" },
  nano: { version: { "3.20": "8.0-r0", "3.21": "8.2-r0", "3.22": "8.4-r0" }, kib: 640, depends: ["ncurses"], executables: { "/usr/bin/nano": "nano" } },
  openssl: { version: { "3.20": "3.3.5-r0", "3.21": "3.3.5-r0", "3.22": "3.5.4-r0" }, kib: 900, executables: { "/usr/bin/openssl": null } },
  tzdata: { version: "2025b-r0", kib: 1_500, payload: "/usr/share/zoneinfo" },
  jq: { version: { "3.20": "1.7.1-r0", "3.21": "1.7.1-r0", "3.22": "1.8.0-r0" }, kib: 400, executables: { "/usr/bin/jq": null } },
  wget: { version: { "3.20": "1.24.5-r0", "3.21": "1.25.0-r0", "3.22": "1.25.0-r1" }, kib: 520, depends: ["libidn2", "pcre2"], executables: { "/usr/bin/wget": null } },
  nginx: { version: { "3.20": "1.26.3-r0", "3.21": "1.26.3-r0", "3.22": "1.28.0-r3" }, kib: 1_400, depends: ["pcre2"], executables: { "/usr/sbin/nginx": null }, files: { "/etc/nginx/nginx.conf": "user nginx;\nworker_processes auto;\n" } },
  "iputils-ping": { version: "20240905-r0", kib: 90, executables: { "/usr/bin/ping": null } },
  procps: { version: { "3.20": "4.0.4-r0", "3.21": "4.0.4-r2", "3.22": "4.0.4-r3" }, kib: 600, executables: { "/usr/bin/top": null, "/usr/bin/free": null } },
  "libffi-dev": { version: { "3.20": "3.4.6-r0", "3.21": "3.4.7-r0", "3.22": "3.4.8-r0" }, kib: 90, depends: ["libffi"] },
  "python3-dev": { version: { "3.20": "3.12.11-r0", "3.21": "3.12.12-r0", "3.22": "3.12.12-r0" }, kib: 5_600, depends: ["python3"], payload: "/usr/include/python3.12" },
};

export const branchOf = (release: string): AlpineBranch | undefined => {
  const minor = release.split(".").slice(0, 2).join(".");
  return minor === "3.20" || minor === "3.21" || minor === "3.22" ? minor : undefined;
};

export function apkVersion(pkg: ApkPackage, branch: AlpineBranch): string {
  return typeof pkg.version === "string" ? pkg.version : (pkg.version[branch] ?? Object.values(pkg.version)[0]!);
}

/** apk's package count for the index (`OK: 26326 distinct packages available`). */
export const DISTINCT: Record<AlpineBranch, number> = { "3.20": 24_166, "3.21": 25_397, "3.22": 26_326 };
