/**
 * The Debian and Ubuntu archives as apt sees them: a small catalog of the packages lessons and
 * ordinary Dockerfiles install, with each release's version, sizes, dependencies and files.
 */

export type DebRelease = "xenial" | "bionic" | "focal" | "jammy" | "noble" | "bookworm" | "trixie";
export const UBUNTU_RELEASES: readonly DebRelease[] = ["xenial", "bionic", "focal", "jammy", "noble"];

export interface DebPackage {
  /** The version in each release that ships the package. */
  versions: Partial<Record<DebRelease, string>>;
  /** Ubuntu's archive component (Debian's is always main). */
  component?: "main" | "universe";
  /** `all` for architecture-independent packages. */
  arch?: "all";
  /** Download size and installed size, in kB. */
  kb: [download: number, installed: number];
  depends?: string[];
  recommends?: string[];
  suggests?: string[];
  /** Executables: path -> program model (null: a plain binary, or a command the shell already knows). */
  executables?: Record<string, string | null>;
  symlinks?: Record<string, string>;
  files?: Record<string, string>;
  /** Where the package's bulk goes (its libraries or data). */
  payload?: string;
  /** In releases that dropped it: the package that replaces it. */
  replacedBy?: Partial<Record<DebRelease, string>>;
}

const v = (xenial: string | undefined, bionic: string | undefined, focal: string | undefined, jammy: string | undefined, noble: string | undefined, bookworm: string | undefined, trixie: string | undefined) => {
  const out: Partial<Record<DebRelease, string>> = {};
  const all = { xenial, bionic, focal, jammy, noble, bookworm, trixie };
  for (const [k, val] of Object.entries(all)) if (val) out[k as DebRelease] = val;
  return out;
};

/** The system Python 3 of each release: (version, minor) as the package installs it. */
export const PYTHON3: Record<DebRelease, string> = { xenial: "3.5.2", bionic: "3.6.9", focal: "3.8.10", jammy: "3.10.12", noble: "3.12.3", bookworm: "3.11.2", trixie: "3.13.5" };
/** The pip that python3-pip (and python-pip) ships. */
export const DISTRO_PIP: Record<DebRelease, string> = { xenial: "8.1.1", bionic: "9.0.1", focal: "20.0.2", jammy: "22.0.2", noble: "24.0", bookworm: "23.0.1", trixie: "25.1.1" };
/** Releases whose system Python refuses pip installs (PEP 668). */
export const EXTERNALLY_MANAGED: ReadonlySet<DebRelease> = new Set(["noble", "bookworm", "trixie"]);

const minorOf = (version: string) => version.split(".").slice(0, 2).join(".");

export const EXTERNALLY_MANAGED_TEXT = (minor: string) => `[externally-managed]
Error=To install Python packages system-wide, try apt install
 python3-xyz, where xyz is the package you are trying to
 install.
 
 If you wish to install a non-Debian-packaged Python package,
 create a virtual environment using python3 -m venv path/to/venv.
 Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
 sure you have python3-full installed.
 
 If you wish to install a non-Debian packaged Python application,
 it may be easiest to use pipx install xyz, which will manage a
 virtual environment for you. Make sure you have pipx installed.
 
 See /usr/share/doc/python${minor}/README.venv for more information.
`;

/** python3.X for a release: the interpreter, its standard library and (where it applies) the PEP 668 marker. */
function python3For(release: DebRelease): Pick<DebPackage, "executables" | "symlinks" | "files"> {
  const minor = minorOf(PYTHON3[release]);
  return {
    executables: { [`/usr/bin/python${minor}`]: `python-${PYTHON3[release]}` },
    files: {
      [`/usr/lib/python${minor}/os.py`]: `r"""OS routines for NT or Posix depending on what system we're on."""\n`,
      ...(EXTERNALLY_MANAGED.has(release) ? { [`/usr/lib/python${minor}/EXTERNALLY-MANAGED`]: EXTERNALLY_MANAGED_TEXT(minor) } : {}),
    },
  };
}

const releases: DebRelease[] = ["xenial", "bionic", "focal", "jammy", "noble", "bookworm", "trixie"];

/** Packages that differ by release only in which python3.X they bring. */
const python3Minor = Object.fromEntries(releases.map((r) => [r, minorOf(PYTHON3[r])])) as Record<DebRelease, string>;

export const DEB_PACKAGES: Record<string, DebPackage> = {
  // ---- Python 2 (Ubuntu up to 20.04) ----
  python: { versions: v("2.7.12-1~16.04", "2.7.15~rc1-1", undefined, undefined, undefined, undefined, undefined), kb: [137, 648], depends: ["python2.7", "libpython-stdlib", "python-minimal"], symlinks: { "/usr/bin/python": "python2.7", "/usr/bin/python2": "python2.7" } },
  "python-minimal": { versions: v("2.7.12-1~16.04", "2.7.15~rc1-1", undefined, undefined, undefined, undefined, undefined), kb: [28, 144], depends: ["python2.7-minimal"] },
  "python2.7": { versions: v("2.7.12-1ubuntu0~16.04.18", "2.7.17-1~18.04ubuntu1.13", undefined, undefined, undefined, undefined, undefined), kb: [224, 375], depends: ["python2.7-minimal", "libpython2.7-stdlib"], executables: { "/usr/bin/python2.7": "python-2.7.12" }, files: { "/usr/lib/python2.7/os.py": `r"""OS routines for NT or Posix depending on what system we're on."""\n` } },
  "python2.7-minimal": { versions: v("2.7.12-1ubuntu0~16.04.18", "2.7.17-1~18.04ubuntu1.13", undefined, undefined, undefined, undefined, undefined), kb: [1261, 3733], payload: "/usr/lib/python2.7" },
  "libpython2.7-stdlib": { versions: v("2.7.12-1ubuntu0~16.04.18", "2.7.17-1~18.04ubuntu1.13", undefined, undefined, undefined, undefined, undefined), kb: [1884, 8308], payload: "/usr/lib/python2.7/lib-dynload" },
  "libpython-stdlib": { versions: v("2.7.12-1~16.04", "2.7.15~rc1-1", undefined, undefined, undefined, undefined, undefined), kb: [7, 34] },
  "python-pip": {
    versions: v("8.1.1-2ubuntu0.6", "9.0.1-2.3~ubuntu1.18.04.8", undefined, undefined, undefined, undefined, undefined),
    component: "universe",
    arch: "all",
    kb: [144, 629],
    depends: ["python", "python-pip-whl", "ca-certificates"],
    recommends: ["build-essential", "python-dev", "python-setuptools", "python-wheel"],
    executables: { "/usr/bin/pip": "pip-8.1.1-2.7.12", "/usr/bin/pip2": "pip-8.1.1-2.7.12" },
    replacedBy: { focal: "python3-pip", jammy: "python3-pip", noble: "python3-pip", bookworm: "python3-pip", trixie: "python3-pip" },
  },
  "python-pip-whl": { versions: v("8.1.1-2ubuntu0.6", "9.0.1-2.3~ubuntu1.18.04.8", undefined, undefined, undefined, undefined, undefined), component: "universe", arch: "all", kb: [1110, 1172], payload: "/usr/share/python-wheels" },
  "python-setuptools": { versions: v("20.7.0-1", "39.0.1-2ubuntu0.1", undefined, undefined, undefined, undefined, undefined), arch: "all", kb: [169, 880], payload: "/usr/lib/python2.7/dist-packages/setuptools" },
  "python-wheel": { versions: v("0.29.0-1", "0.30.0-0.2ubuntu0.1", undefined, undefined, undefined, undefined, undefined), component: "universe", arch: "all", kb: [54, 193] },
  "python-dev": { versions: v("2.7.12-1~16.04", "2.7.15~rc1-1", undefined, undefined, undefined, undefined, undefined), kb: [1, 45], depends: ["python", "python2.7-dev", "libpython-dev"], replacedBy: { focal: "python-dev-is-python3", jammy: "python-dev-is-python3", noble: "python-dev-is-python3", bookworm: "python-dev-is-python3", trixie: "python-dev-is-python3" } },
  "python2.7-dev": { versions: v("2.7.12-1ubuntu0~16.04.18", "2.7.17-1~18.04ubuntu1.13", undefined, undefined, undefined, undefined, undefined), kb: [276, 1106], depends: ["libpython2.7-dev"], executables: { "/usr/bin/python2.7-config": null } },
  "libpython-dev": { versions: v("2.7.12-1~16.04", "2.7.15~rc1-1", undefined, undefined, undefined, undefined, undefined), kb: [7, 34], depends: ["libpython2.7-dev"] },
  "libpython2.7-dev": { versions: v("2.7.12-1ubuntu0~16.04.18", "2.7.17-1~18.04ubuntu1.13", undefined, undefined, undefined, undefined, undefined), kb: [28155, 46700], payload: "/usr/lib/x86_64-linux-gnu/libpython2.7.a" },
  "python-dev-is-python3": { versions: v(undefined, undefined, "3.8.2-4", "3.9.2-2", "3.11.4-1", "3.11.1-3", "3.13.3-1"), arch: "all", kb: [1, 5], depends: ["python3-dev"], symlinks: { "/usr/bin/python-config": "python3-config" } },
  "python-is-python3": { versions: v(undefined, undefined, "3.8.2-4", "3.9.2-2", "3.11.4-1", "3.11.1-3", "3.13.3-1"), arch: "all", kb: [3, 17], depends: ["python3"], symlinks: { "/usr/bin/python": "python3" } },

  // ---- Python 3 ----
  python3: { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), kb: [9, 110], depends: ["python3-minimal", "libpython3-stdlib", "python3.x"], symlinks: { "/usr/bin/python3": "python3.x" } },
  "python3-minimal": { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), kb: [23, 147], depends: ["python3.x-minimal"] },
  "python3.x": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), kb: [652, 829], depends: ["libpython3.x-stdlib"] },
  "python3.x-minimal": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), kb: [2277, 5913], payload: "/usr/lib/python3.x" },
  "libpython3-stdlib": { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), kb: [7, 38] },
  "libpython3.x-stdlib": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), kb: [2061, 8127], payload: "/usr/lib/python3.x/lib-dynload" },
  "python3-pip": {
    versions: v("8.1.1-2ubuntu0.6", "9.0.1-2.3~ubuntu1.18.04.8", "20.0.2-5ubuntu1.11", "22.0.2+dfsg-1ubuntu0.7", "24.0+dfsg-1ubuntu1.3", "23.0.1+dfsg-1", "25.1.1+dfsg-1"),
    component: "universe",
    arch: "all",
    kb: [1306, 7113],
    depends: ["python3", "python3-setuptools", "python3-wheel", "ca-certificates"],
    recommends: ["build-essential", "python3-dev"],
    executables: { "/usr/bin/pip3": "pip-3" },
    payload: "/usr/lib/python3/dist-packages/pip",
  },
  "python3-setuptools": { versions: v("20.7.0-1", "39.0.1-2ubuntu0.1", "45.2.0-1ubuntu0.3", "59.6.0-1.2ubuntu0.22.04.3", "68.1.2-2ubuntu1.2", "66.1.1-1+deb12u2", "78.1.1-0.1"), arch: "all", kb: [340, 1810], payload: "/usr/lib/python3/dist-packages/setuptools" },
  "python3-wheel": { versions: v("0.29.0-1", "0.30.0-0.2ubuntu0.1", "0.34.2-1ubuntu0.1", "0.37.1-2ubuntu0.22.04.1", "0.42.0-2", "0.38.4-2", "0.46.1-2"), component: "universe", arch: "all", kb: [32, 138] },
  "python3-venv": { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), component: "universe", kb: [1, 6], depends: ["python3.x-venv"] },
  "python3.x-venv": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), component: "universe", kb: [5716, 6045], payload: "/usr/lib/python3.x/ensurepip/_bundled" },
  "python3-dev": { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), kb: [26, 140], depends: ["python3", "python3.x-dev", "libpython3-dev"], symlinks: { "/usr/bin/python3-config": "python3.x-config" } },
  "python3.x-dev": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), kb: [500, 1803], depends: ["libpython3.x-dev"], executables: { "/usr/bin/python3.x-config": null } },
  "libpython3-dev": { versions: v("3.5.1-3", "3.6.7-1~18.04", "3.8.2-0ubuntu2", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "3.11.2-1+b1", "3.13.5-1"), kb: [7, 38], depends: ["libpython3.x-dev"] },
  "libpython3.x-dev": { versions: v("3.5.2-2ubuntu0~16.04.13", "3.6.9-1~18.04ubuntu1.13", "3.8.10-0ubuntu1~20.04.18", "3.10.12-1~22.04.11", "3.12.3-1ubuntu0.8", "3.11.2-6+deb12u6", "3.13.5-2"), kb: [4900, 24000], payload: "/usr/lib/x86_64-linux-gnu/libpython3.x.a" },

  // ---- Everyday tools ----
  "ca-certificates": { versions: v("20210119~16.04.1", "20230311ubuntu0.18.04.1", "20240203~20.04.1", "20240203~22.04.1", "20240203", "20230311+deb12u1", "20250419"), arch: "all", kb: [148, 405], depends: ["openssl"], files: { "/etc/ssl/certs/ca-certificates.crt": "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n" }, payload: "/usr/share/ca-certificates/mozilla" },
  openssl: { versions: v("1.0.2g-1ubuntu4.20", "1.1.1-1ubuntu2.1~18.04.23", "1.1.1f-1ubuntu2.24", "3.0.2-0ubuntu1.20", "3.0.13-0ubuntu3.6", "3.0.17-1~deb12u3", "3.5.4-1~deb13u1"), kb: [492, 1390], executables: { "/usr/bin/openssl": null } },
  curl: { versions: v("7.47.0-1ubuntu2.19", "7.58.0-2ubuntu3.24", "7.68.0-1ubuntu2.25", "7.81.0-1ubuntu1.21", "8.5.0-2ubuntu10.6", "7.88.1-10+deb12u14", "8.14.1-2"), kb: [139, 411], depends: ["libcurl4"], recommends: ["ca-certificates"], executables: { "/usr/bin/curl": null } },
  libcurl4: { versions: v("7.47.0-1ubuntu2.19", "7.58.0-2ubuntu3.24", "7.68.0-1ubuntu2.25", "7.81.0-1ubuntu1.21", "8.5.0-2ubuntu10.6", "7.88.1-10+deb12u14", "8.14.1-2"), kb: [187, 498], depends: ["libnghttp2", "libssh"], payload: "/usr/lib/x86_64-linux-gnu/libcurl.so.4" },
  libnghttp2: { versions: v("1.7.1-1", "1.30.0-1ubuntu1", "1.40.0-1ubuntu0.3", "1.43.0-1ubuntu0.2", "1.59.0-1ubuntu0.2", "1.52.0-1+deb12u2", "1.64.0-1.1"), kb: [67, 203], payload: "/usr/lib/x86_64-linux-gnu/libnghttp2.so.14" },
  libssh: { versions: v(undefined, undefined, "0.9.3-2ubuntu2.5", "0.9.6-2ubuntu0.22.04.4", "0.10.6-2build2", "0.10.6-0+deb12u1", "0.11.2-1"), kb: [184, 460], payload: "/usr/lib/x86_64-linux-gnu/libssh.so.4" },
  wget: { versions: v("1.17.1-1ubuntu1.5", "1.19.4-1ubuntu2.2", "1.20.3-1ubuntu2.1", "1.21.2-2ubuntu1.1", "1.21.4-1ubuntu4.1", "1.21.3-1+deb12u1", "1.25.0-2"), kb: [299, 926], recommends: ["ca-certificates"], executables: { "/usr/bin/wget": null }, files: { "/etc/wgetrc": "###\n### Sample Wget initialization file .wgetrc\n###\n" } },
  git: { versions: v("1:2.7.4-0ubuntu1.10", "1:2.17.1-1ubuntu0.18", "1:2.25.1-1ubuntu3.14", "1:2.34.1-1ubuntu1.15", "1:2.43.0-1ubuntu7.3", "1:2.39.5-0+deb12u2", "1:2.47.3-0+deb13u1"), kb: [3176, 21900], depends: ["git-man", "libcurl3-gnutls", "liberror-perl"], recommends: ["ca-certificates", "less", "openssh-client", "patch"], executables: { "/usr/bin/git": "git" }, payload: "/usr/lib/git-core" },
  "git-man": { versions: v("1:2.7.4-0ubuntu1.10", "1:2.17.1-1ubuntu0.18", "1:2.25.1-1ubuntu3.14", "1:2.34.1-1ubuntu1.15", "1:2.43.0-1ubuntu7.3", "1:2.39.5-0+deb12u2", "1:2.47.3-0+deb13u1"), arch: "all", kb: [736, 2060], payload: "/usr/share/man/man1" },
  "libcurl3-gnutls": { versions: v("7.47.0-1ubuntu2.19", "7.58.0-2ubuntu3.24", "7.68.0-1ubuntu2.25", "7.81.0-1ubuntu1.21", "8.5.0-2ubuntu10.6", "7.88.1-10+deb12u14", "8.14.1-2"), kb: [184, 474], payload: "/usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4" },
  "liberror-perl": { versions: v("0.17-1.2", "0.17025-1", "0.17029-1", "0.17029-1", "0.17029-2", "0.17029-2", "0.17030-1"), arch: "all", kb: [19, 64] },
  less: { versions: v("481-2.1ubuntu0.2", "487-0.1", "551-1ubuntu0.3", "590-1ubuntu0.22.04.3", "590-2ubuntu2.1", "590-2.1~deb12u2", "668-1"), kb: [110, 307], executables: { "/usr/bin/less": null } },
  patch: { versions: v("2.7.5-1ubuntu0.16.04.2", "2.7.6-2ubuntu1.1", "2.7.6-6", "2.7.6-7build2", "2.7.6-7build3", "2.7.6-7", "2.8-2"), kb: [90, 253], executables: { "/usr/bin/patch": null } },
  "openssh-client": { versions: v("1:7.2p2-4ubuntu2.10", "1:7.6p1-4ubuntu0.7", "1:8.2p1-4ubuntu0.13", "1:8.9p1-3ubuntu0.13", "1:9.6p1-3ubuntu13.14", "1:9.2p1-2+deb12u7", "1:10.0p1-7"), kb: [589, 4140], executables: { "/usr/bin/ssh": null, "/usr/bin/scp": null, "/usr/bin/ssh-keygen": null } },
  vim: { versions: v("2:7.4.1689-3ubuntu1.5", "2:8.0.1453-1ubuntu1.13", "2:8.1.2269-1ubuntu5.32", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.9", "2:9.0.1378-2+deb12u2", "2:9.1.1230-2"), kb: [1036, 3137], depends: ["vim-common", "vim-runtime"], executables: { "/usr/bin/vim.basic": "vim" }, symlinks: { "/usr/bin/vim": "vim.basic", "/usr/bin/vi": "vim.basic" } },
  "vim-common": { versions: v("2:7.4.1689-3ubuntu1.5", "2:8.0.1453-1ubuntu1.13", "2:8.1.2269-1ubuntu5.32", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.9", "2:9.0.1378-2+deb12u2", "2:9.1.1230-2"), arch: "all", kb: [103, 376], executables: { "/usr/bin/xxd": null } },
  "vim-runtime": { versions: v("2:7.4.1689-3ubuntu1.5", "2:8.0.1453-1ubuntu1.13", "2:8.1.2269-1ubuntu5.32", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.9", "2:9.0.1378-2+deb12u2", "2:9.1.1230-2"), arch: "all", kb: [5406, 32700], payload: "/usr/share/vim" },
  nano: { versions: v("2.5.3-2ubuntu2", "2.9.3-2", "4.8-1ubuntu1", "6.2-1ubuntu0.1", "7.2-2ubuntu0.1", "7.2-1+deb12u1", "8.4-1"), kb: [192, 881], executables: { "/bin/nano": "nano" } },
  "build-essential": { versions: v("12.1ubuntu2", "12.4ubuntu1", "12.8ubuntu1.1", "12.9ubuntu3", "12.10ubuntu1", "12.9", "12.12"), kb: [5, 20], depends: ["gcc", "g++", "make", "dpkg-dev", "libc6-dev"] },
  gcc: { versions: v("4:5.3.1-1ubuntu1", "4:7.4.0-1ubuntu2.3", "4:9.3.0-1ubuntu2", "4:11.2.0-1ubuntu1", "4:13.2.0-7ubuntu1", "4:12.2.0-3", "4:14.2.0-1"), kb: [5, 51], depends: ["cpp"], executables: { "/usr/bin/gcc": "gcc", "/usr/bin/cc": "gcc" } },
  "g++": { versions: v("4:5.3.1-1ubuntu1", "4:7.4.0-1ubuntu2.3", "4:9.3.0-1ubuntu2", "4:11.2.0-1ubuntu1", "4:13.2.0-7ubuntu1", "4:12.2.0-3", "4:14.2.0-1"), kb: [2, 16], executables: { "/usr/bin/g++": "gcc" } },
  cpp: { versions: v("4:5.3.1-1ubuntu1", "4:7.4.0-1ubuntu2.3", "4:9.3.0-1ubuntu2", "4:11.2.0-1ubuntu1", "4:13.2.0-7ubuntu1", "4:12.2.0-3", "4:14.2.0-1"), kb: [27800, 96200], payload: "/usr/lib/gcc/x86_64-linux-gnu/cc1" },
  make: { versions: v("4.1-6", "4.1-9.1ubuntu1", "4.2.1-1.2", "4.3-4.1build1", "4.3-4.1build2", "4.3-4.1", "4.4.1-2"), kb: [151, 410], executables: { "/usr/bin/make": "make" } },
  "dpkg-dev": { versions: v("1.18.4ubuntu1.7", "1.19.0.5ubuntu2.4", "1.19.7ubuntu3.2", "1.21.1ubuntu2.6", "1.22.6ubuntu6.5", "1.21.22", "1.22.21"), arch: "all", kb: [1136, 3270] },
  "libc6-dev": { versions: v("2.23-0ubuntu11.3", "2.27-3ubuntu1.6", "2.31-0ubuntu9.18", "2.35-0ubuntu3.11", "2.39-0ubuntu8.6", "2.36-9+deb12u13", "2.41-12"), kb: [2085, 12600], payload: "/usr/include" },
  nginx: { versions: v("1.10.3-0ubuntu0.16.04.5", "1.14.0-0ubuntu1.11", "1.18.0-0ubuntu1.7", "1.18.0-6ubuntu14.7", "1.24.0-2ubuntu7.5", "1.22.1-9+deb12u3", "1.26.3-3+deb13u1"), kb: [637, 1560], depends: ["nginx-common"], executables: { "/usr/sbin/nginx": null } },
  "nginx-common": { versions: v("1.10.3-0ubuntu0.16.04.5", "1.14.0-0ubuntu1.11", "1.18.0-0ubuntu1.7", "1.18.0-6ubuntu14.7", "1.24.0-2ubuntu7.5", "1.22.1-9+deb12u3", "1.26.3-3+deb13u1"), arch: "all", kb: [43, 194], files: { "/var/www/html/index.nginx-debian.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n", "/etc/nginx/nginx.conf": "user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n" } },
  "iputils-ping": { versions: v("3:20121221-5ubuntu2", "3:20161105-1ubuntu3", "3:20190709-3ubuntu1", "3:20211215-1ubuntu0.1", "3:20240117-1ubuntu0.1", "3:20221126-1+deb12u1", "3:20240905-3"), kb: [54, 164], executables: { "/bin/ping": null } },
  "net-tools": { versions: v("1.60-26ubuntu1", "1.60+git20161116.90da8a0-1ubuntu1", "1.60+git20180626.aebd88e-1ubuntu1", "1.60+git20181103.0eebece-1ubuntu5.4", "2.10-0.1ubuntu4.4", "2.10-0.1+deb12u2", "2.10-1.3"), kb: [175, 821], executables: { "/bin/netstat": null, "/sbin/ifconfig": null, "/sbin/route": null } },
  procps: { versions: v("2:3.3.10-4ubuntu2.5", "2:3.3.12-3ubuntu1.2", "2:3.3.16-1ubuntu2.4", "2:3.3.17-1ubuntu3.1", "2:4.0.4-4ubuntu3.2", "2:4.0.2-3", "2:4.0.4-9"), kb: [226, 1310], executables: { "/bin/ps": null, "/usr/bin/top": null, "/usr/bin/free": null, "/usr/bin/watch": null } },
  "iproute2": { versions: v("4.3.0-1ubuntu3.16.04.5", "4.15.0-2ubuntu1.3", "5.5.0-1ubuntu1", "5.15.0-1ubuntu2", "6.1.0-1ubuntu6.2", "6.1.0-3", "6.15.0-1"), kb: [1040, 3360], executables: { "/bin/ip": null } },
  unzip: { versions: v("6.0-20ubuntu1.1", "6.0-21ubuntu1.2", "6.0-25ubuntu1.2", "6.0-26ubuntu3.2", "6.0-28ubuntu4.1", "6.0-28", "6.0-29"), kb: [158, 530], executables: { "/usr/bin/unzip": null } },
  gnupg: { versions: v("1.4.20-1ubuntu3.3", "2.2.4-1ubuntu1.6", "2.2.19-3ubuntu2.2", "2.2.27-3ubuntu2.4", "2.4.4-2ubuntu17.3", "2.2.40-1.1", "2.4.7-21"), arch: "all", kb: [320, 1050], executables: { "/usr/bin/gpg": null } },
  "software-properties-common": { versions: v("0.96.20.10", "0.96.24.32.22", "0.99.9.12", "0.99.22.9", "0.99.49.3", undefined, undefined), arch: "all", kb: [12, 190], executables: { "/usr/bin/add-apt-repository": null } },
  tzdata: { versions: v("2021a-0ubuntu0.16.04", "2022g-0ubuntu0.18.04", "2025b-0ubuntu0.20.04.1", "2025b-0ubuntu0.22.04.1", "2025b-0ubuntu0.24.04.1", "2025b-0+deb12u2", "2025b-4+deb13u1"), arch: "all", kb: [167, 3140], payload: "/usr/share/zoneinfo" },
  "default-jre-headless": { versions: v("2:1.8-56ubuntu2", "2:1.11-68ubuntu1~18.04.1", "2:1.11-72", "2:1.11-72build2", "2:1.21-75+exp1", "2:1.17-74", "2:1.21-76"), kb: [4, 8], depends: ["openjdk-jre-headless"] },
  "openjdk-jre-headless": { versions: v("8u292-b10-0ubuntu1~16.04.1", "11.0.19+7~us1-0ubuntu1~18.04.1", "11.0.28+6-1ubuntu1~20.04.1", "11.0.28+6-1ubuntu1~22.04.1", "21.0.8+9~us1-0ubuntu1~24.04.1", "17.0.16+8-1~deb12u1", "21.0.8+9-1"), kb: [42000, 190000], executables: { "/usr/bin/java": null }, payload: "/usr/lib/jvm/lib/modules" },
};

/** More everyday packages, in one line each: versions (xenial .. trixie), kB (download, installed), executables. */
const simple = (versions: (string | undefined)[], kb: [number, number], executables: string[] = [], extra: Partial<DebPackage> = {}): DebPackage => ({
  versions: v(...(versions as [string, string, string, string, string, string, string])),
  kb,
  ...(executables.length ? { executables: Object.fromEntries(executables.map((e) => [e, null])) } : {}),
  ...extra,
});

Object.assign(DEB_PACKAGES, {
  jq: simple(["1.5+dfsg-1ubuntu0.1", "1.5+dfsg-2", "1.6-1ubuntu0.20.04.1", "1.6-2.1ubuntu3.1", "1.7.1-3ubuntu0.24.04.1", "1.6-2.1+deb12u1", "1.7.1-6+deb13u1"], [45, 102], ["/usr/bin/jq"], { component: "universe" }),
  sudo: simple(["1.8.16-0ubuntu1.10", "1.8.21p2-3ubuntu1.6", "1.8.31-1ubuntu1.5", "1.9.9-1ubuntu2.5", "1.9.15p5-3ubuntu5.24.04.1", "1.9.13p3-1+deb12u2", "1.9.16p2-3"], [390, 2504], ["/usr/bin/sudo"]),
  zip: simple(["3.0-11", "3.0-11build1", "3.0-11build1", "3.0-12build2", "3.0-13ubuntu0.2", "3.0-13", "3.0-15"], [167, 638], ["/usr/bin/zip"]),
  "xz-utils": simple(["5.1.1alpha+20120614-2ubuntu2", "5.2.2-1.3ubuntu0.1", "5.2.4-1ubuntu1.1", "5.2.5-2ubuntu1", "5.6.1+really5.4.5-1ubuntu0.2", "5.4.1-1", "5.8.1-1"], [78, 290], ["/usr/bin/xz"]),
  htop: simple(["2.0.1-1ubuntu1", "2.1.0-3", "2.2.0-2build1", "3.0.5-7build2", "3.3.0-4build1", "3.2.2-2", "3.4.1-5"], [76, 245], ["/usr/bin/htop"], { component: "universe" }),
  "lsb-release": simple(["9.20160110ubuntu0.2", "9.20170808ubuntu1", "11.1.0ubuntu2", "11.1.0ubuntu4", "12.0-2", "12.0-1", "12.1-1"], [11, 45], ["/usr/bin/lsb_release"], { arch: "all" }),
  locales: simple(["2.23-0ubuntu11.3", "2.27-3ubuntu1.6", "2.31-0ubuntu9.18", "2.35-0ubuntu3.11", "2.39-0ubuntu8.6", "2.36-9+deb12u13", "2.41-12"], [3218, 16800], ["/usr/sbin/locale-gen"], { arch: "all", payload: "/usr/share/i18n/locales" }),
  sqlite3: simple(["3.11.0-1ubuntu1.5", "3.22.0-1ubuntu0.7", "3.31.1-4ubuntu0.7", "3.37.2-2ubuntu0.5", "3.45.1-1ubuntu2.5", "3.40.1-2+deb12u2", "3.46.1-7"], [505, 1640], ["/usr/bin/sqlite3"]),
  "postgresql-client": simple(["9.5+173ubuntu0.3", "10+190ubuntu0.1", "12+214ubuntu0.1", "14+238", "16+257build1.1", "15+248", "17+278"], [55, 1430], ["/usr/bin/psql", "/usr/bin/pg_dump"], { arch: "all" }),
  "default-mysql-client": simple([undefined, undefined, undefined, undefined, undefined, "1.1.0", "1.1.1"], [4, 10], ["/usr/bin/mysql", "/usr/bin/mysqldump"], { arch: "all" }),
  "mysql-client": simple(["5.7.33-0ubuntu0.16.04.1", "5.7.42-0ubuntu0.18.04.1", "8.0.42-0ubuntu0.20.04.1", "8.0.44-0ubuntu0.22.04.1", "8.0.44-0ubuntu0.24.04.1", undefined, undefined], [9, 108], ["/usr/bin/mysql", "/usr/bin/mysqldump"], { arch: "all" }),
  "redis-tools": simple(["2:3.0.6-1ubuntu0.4", "5:4.0.9-1ubuntu0.2", "5:5.0.7-2ubuntu0.1", "5:6.0.16-1ubuntu1", "5:7.0.15-1ubuntu0.24.04.2", "5:7.0.15-1~deb12u5", "5:8.0.2-3"], [516, 2960], ["/usr/bin/redis-cli"], { component: "universe" }),
  dnsutils: simple(["1:9.10.3.dfsg.P4-8ubuntu1.19", "1:9.11.3+dfsg-1ubuntu1.19", "1:9.18.30-0ubuntu0.20.04.2", "1:9.18.30-0ubuntu0.22.04.2", "1:9.18.30-0ubuntu0.24.04.2", "1:9.18.33-1~deb12u2", "1:9.20.15-1~deb13u1"], [89, 300], ["/usr/bin/dig", "/usr/bin/nslookup"]),
  "netcat-openbsd": simple(["1.105-7ubuntu1", "1.187-1ubuntu0.1", "1.206-1ubuntu1", "1.218-4ubuntu1", "1.226-1ubuntu2", "1.219-1", "1.229-1"], [45, 109], ["/bin/nc.openbsd"], { symlinks: { "/bin/nc": "nc.openbsd" } }),
  telnet: simple(["0.17-40", "0.17-41", "0.17-41.2build1", "0.17-44build1", "0.17+2.5-3ubuntu4", "0.17+2.4-2", "0.17+2.6-3"], [63, 181], ["/usr/bin/telnet"]),
  tini: simple([undefined, "0.16.1-1", "0.18.0-1", "0.19.0-1", "0.19.0-1build3", "0.19.0-1", "0.19.0-3"], [256, 768], ["/usr/bin/tini"], { component: "universe" }),
  gosu: simple(["1.7-1", "1.10-1", "1.10-1ubuntu0.20.04.2", "1.14-1ubuntu0.1", "1.17-1ubuntu0.24.04.3", "1.14-1+b10", "1.17-3"], [820, 2500], ["/usr/sbin/gosu"], { component: "universe" }),
  "openssh-server": simple(["1:7.2p2-4ubuntu2.10", "1:7.6p1-4ubuntu0.7", "1:8.2p1-4ubuntu0.13", "1:8.9p1-3ubuntu0.13", "1:9.6p1-3ubuntu13.14", "1:9.2p1-2+deb12u7", "1:10.0p1-7"], [335, 1500], ["/usr/sbin/sshd"], { depends: ["openssh-client"] }),
  supervisor: simple(["3.2.0-2ubuntu0.2", "3.3.1-1.1", "4.1.0-1ubuntu1", "4.2.1-1ubuntu1", "4.2.5-1", "4.2.5-1", "4.2.5-3"], [253, 1560], ["/usr/bin/supervisord", "/usr/bin/supervisorctl"], { arch: "all", component: "universe" }),
  "pkg-config": simple(["0.29.1-0ubuntu1", "0.29.1-0ubuntu2", "0.29.1-0ubuntu4", "0.29.2-1ubuntu3", "1.8.1-2build1", "1.8.1-1", "1.8.1-4"], [45, 200], ["/usr/bin/pkg-config"]),
  "libpq-dev": simple(["9.5.25-0ubuntu0.16.04.1", "10.23-0ubuntu0.18.04.2", "12.22-0ubuntu0.20.04.4", "14.19-0ubuntu0.22.04.1", "16.10-0ubuntu0.24.04.1", "15.14-0+deb12u1", "17.6-0+deb13u1"], [140, 600], [], { payload: "/usr/include/postgresql" }),
  "libssl-dev": simple(["1.0.2g-1ubuntu4.20", "1.1.1-1ubuntu2.1~18.04.23", "1.1.1f-1ubuntu2.24", "3.0.2-0ubuntu1.20", "3.0.13-0ubuntu3.6", "3.0.17-1~deb12u3", "3.5.4-1~deb13u1"], [1580, 12400], [], { payload: "/usr/include/openssl" }),
  "libffi-dev": simple(["3.2.1-4", "3.2.1-8", "3.3-4", "3.4.2-4", "3.4.6-1build1", "3.4.4-1", "3.4.8-2"], [161, 400], [], { payload: "/usr/include/ffi" }),
  apache2: simple(["2.4.18-2ubuntu3.17", "2.4.29-1ubuntu4.27", "2.4.41-4ubuntu3.23", "2.4.52-1ubuntu4.16", "2.4.58-1ubuntu8.8", "2.4.65-1~deb12u1", "2.4.65-2"], [91, 546], ["/usr/sbin/apache2", "/usr/sbin/apache2ctl"], { payload: "/usr/lib/apache2/modules" }),
  nodejs: simple(["4.2.6~dfsg-1ubuntu4.2", "8.10.0~dfsg-2ubuntu0.4", "10.19.0~dfsg-3ubuntu1.6", "12.22.9~dfsg-1ubuntu3.6", "18.19.1+dfsg-6ubuntu5", "18.20.4+dfsg-1~deb12u1", "20.19.2+dfsg-1"], [10_000, 40_000], ["/usr/bin/node"], { component: "universe", payload: "/usr/lib/x86_64-linux-gnu/libnode.so" }),
});

/** Packages the base images already have: `apt-get install bash` finds them installed. */
export const BASE_PACKAGES: Record<string, (string | undefined)[]> = {
  bash: ["4.3-14ubuntu1.4", "4.4.18-2ubuntu1.3", "5.0-6ubuntu1.2", "5.1-6ubuntu1.1", "5.2.21-2ubuntu4", "5.2.15-2+b9", "5.2.37-2+b5"],
  coreutils: ["8.25-2ubuntu3~16.04", "8.28-1ubuntu1", "8.30-3ubuntu2", "8.32-4.1ubuntu1.2", "9.4-3ubuntu6.1", "9.1-1", "9.7-3"],
  apt: ["1.2.35", "1.6.17", "2.0.11", "2.4.14", "2.8.3", "2.6.1", "3.0.3"],
  dpkg: ["1.18.4ubuntu1.7", "1.19.0.5ubuntu2.4", "1.19.7ubuntu3.2", "1.21.1ubuntu2.6", "1.22.6ubuntu6.5", "1.21.22", "1.22.21"],
  grep: ["2.25-1~16.04.1", "3.1-2build1", "3.4-1", "3.7-1build1", "3.11-4build1", "3.8-5", "3.11-4"],
  sed: ["4.2.2-7", "4.4-2", "4.7-1", "4.8-1ubuntu2", "4.9-2build1", "4.9-1", "4.9-2"],
  tar: ["1.28-2.1ubuntu0.2", "1.29b-2ubuntu0.4", "1.30+dfsg-7ubuntu0.20.04.4", "1.34+dfsg-1ubuntu0.1.22.04.2", "1.35+dfsg-3build1", "1.34+dfsg-1.2+deb12u1", "1.35+dfsg-3.1"],
  gzip: ["1.6-4ubuntu1", "1.6-5ubuntu1.2", "1.10-0ubuntu4.1", "1.10-4ubuntu4.1", "1.12-1ubuntu3.1", "1.12-1", "1.13-1"],
  findutils: ["4.6.0+git+20160126-2", "4.6.0+git+20170828-2", "4.7.0-1ubuntu1", "4.8.0-1ubuntu3", "4.9.0-5build1", "4.9.0-4", "4.10.0-3"],
  debianutils: ["4.7", "4.8.4", "4.9.1", "5.5-1ubuntu2", "5.17build1", "5.7-0.5~deb12u1", "5.23.2"],
  "util-linux": ["2.27.1-6ubuntu3.10", "2.31.1-0.4ubuntu3.7", "2.34-0.1ubuntu9.6", "2.37.2-4ubuntu3.4", "2.39.3-9ubuntu6.3", "2.38.1-5+deb12u3", "2.41-5"],
  "libc6": ["2.23-0ubuntu11.3", "2.27-3ubuntu1.6", "2.31-0ubuntu9.18", "2.35-0ubuntu3.11", "2.39-0ubuntu8.6", "2.36-9+deb12u13", "2.41-12"],
};

/** The names a package has in a release (`python3.x` is `python3.10` in jammy). */
export function releaseName(name: string, release: DebRelease): string {
  return name.replace(/python3\.x/g, `python${python3Minor[release]}`).replace(/^openjdk-jre-headless$/, `openjdk-${({ xenial: "8", bionic: "11", focal: "11", jammy: "11", noble: "21", bookworm: "17", trixie: "21" } as Record<DebRelease, string>)[release]}-jre-headless`).replace(/^libcurl4$/, release === "xenial" ? "libcurl3" : release === "noble" || release === "trixie" ? "libcurl4t64" : "libcurl4");
}

/** A package as a release has it: its real name, version and files. */
export interface ReleasePackage extends Omit<DebPackage, "versions" | "replacedBy"> {
  name: string;
  /** The catalog's key (release-independent). */
  key: string;
  version: string;
}

/** Every package of a release, by its real name there. */
export function releasePackages(release: DebRelease): Map<string, ReleasePackage> {
  const out = new Map<string, ReleasePackage>();
  for (const [key, pkg] of Object.entries(DEB_PACKAGES)) {
    const version = pkg.versions[release];
    if (!version) continue;
    const name = releaseName(key, release);
    const rename = (text: string) => text.replace(/python3\.x/g, `python${python3Minor[release]}`);
    const renameMap = <T>(map: Record<string, T> | undefined) => (map ? Object.fromEntries(Object.entries(map).map(([k, val]) => [rename(k), typeof val === "string" ? (rename(val) as T) : val])) : undefined);
    const isPython3 = key === "python3.x";
    const { versions: _versions, replacedBy: _replaced, ...rest } = pkg;
    const base: ReleasePackage = { ...rest, key, name, version, ...(rest.payload ? { payload: rename(rest.payload) } : {}) };
    const executables = renameMap(pkg.executables);
    const symlinks = renameMap(pkg.symlinks);
    if (executables) base.executables = executables;
    if (symlinks) base.symlinks = symlinks;
    if (isPython3) Object.assign(base, python3For(release));
    // Since Debian 11 / Ubuntu 22.04, python3-pip also ships the unversioned `pip`.
    if (key === "python3-pip") base.executables = Object.fromEntries((["xenial", "bionic", "focal"].includes(release) ? ["/usr/bin/pip3"] : ["/usr/bin/pip3", "/usr/bin/pip"]).map((p) => [p, `pip-${DISTRO_PIP[release]}-${PYTHON3[release]}`]));
    if (key === "python-pip") base.executables = { "/usr/bin/pip": `pip-${DISTRO_PIP[release]}-2.7.${release === "xenial" ? "12" : "17"}`, "/usr/bin/pip2": `pip-${DISTRO_PIP[release]}-2.7.${release === "xenial" ? "12" : "17"}` };
    if (key === "python2.7") base.executables = { "/usr/bin/python2.7": `python-2.7.${release === "xenial" ? "12" : "17"}` };
    base.depends = pkg.depends?.map((d) => releaseName(d, release));
    base.recommends = pkg.recommends?.map((d) => releaseName(d, release));
    out.set(name, base);
  }
  return out;
}

/** What replaces a package a release no longer ships (`python-pip` -> `python3-pip` in jammy). */
export function replacement(name: string, release: DebRelease): string | undefined {
  return DEB_PACKAGES[name]?.replacedBy?.[release];
}
