/** Base images: hello-world, busybox, alpine, ubuntu and debian. */
import type { CatalogImage, CatalogLayer } from "../types.ts";
import { busyboxApplets, commandsIn } from "../filesystems.ts";
import { alpine320, alpine321, alpine322, bookworm, bookwormSlim, config, debianFamily, layer, trixie, trixieSlim } from "./common.ts";

/** Docker Hub's busybox: its own /etc/passwd and /etc/group, and /lib, /lib64, /var/www for the applets. */
const busyboxPasswd = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;
const busyboxGroup = ["root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:", "mail:x:8:", "kmem:x:9:", "wheel:x:10:root", "cdrom:x:11:", "dialout:x:18:", "floppy:x:19:", "video:x:28:", "audio:x:29:", "tape:x:32:", "www-data:x:33:", "operator:x:37:", "utmp:x:43:", "plugdev:x:46:", "staff:x:50:", "lock:x:54:", "netdev:x:82:", "users:x:100:", "nogroup:x:65534:"].join("\n") + "\n";

const busyboxLayer: CatalogLayer = {
  key: "busybox-1.37.0-glibc",
  size: 4_426_752,
  compressed: 2_219_478,
  createdBy: "BusyBox 1.37.0 (glibc), Debian 12",
  dirs: ["/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/proc", "/root", "/sys", "/tmp", "/usr/sbin", "/var/spool/mail", "/var/www"],
  executables: commandsIn("/bin", ["busybox", ...busyboxApplets]),
  files: { "/etc/passwd": busyboxPasswd, "/etc/group": busyboxGroup },
};

const ubuntuRelease = (version: string, codename: string, lts = true) => ({
  PRETTY_NAME: `Ubuntu ${version}${lts ? " LTS" : ""}`,
  NAME: "Ubuntu",
  VERSION_ID: version.split(".").slice(0, 2).join("."),
  VERSION: `${version}${lts ? " LTS" : ""} (${codename[0]!.toUpperCase()}${codename.slice(1)} ${({ xenial: "Xerus", bionic: "Beaver", focal: "Fossa", jammy: "Jellyfish", noble: "Numbat" } as Record<string, string>)[codename] ?? ""})`.replace(" )", ")"),
  ID: "ubuntu",
  ID_LIKE: "debian",
  HOME_URL: "https://www.ubuntu.com/",
  SUPPORT_URL: "https://help.ubuntu.com/",
  BUG_REPORT_URL: "https://bugs.launchpad.net/ubuntu/",
  VERSION_CODENAME: codename,
  UBUNTU_CODENAME: codename,
});

/** An Ubuntu root filesystem; 16.04 to 20.04 predate the merged /usr. */
function ubuntu(version: string, codename: string, size: number, compressed: number, mergedUsr: boolean): CatalogLayer {
  const short = version.split(".").slice(0, 2).join(".");
  return debianFamily(`ubuntu-${version}`, `/bin/sh -c #(nop) ADD file:ubuntu-${codename}-oci-amd64-root.tar.gz in / `, size, compressed, ubuntuRelease(version, codename), {
    "/etc/lsb-release": `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${short}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="Ubuntu ${version} LTS"\n`,
    "/etc/debian_version": ({ xenial: "stretch/sid", bionic: "buster/sid", focal: "bullseye/sid", jammy: "bookworm/sid", noble: "trixie/sid" } as Record<string, string>)[codename] + "\n",
  }, mergedUsr);
}

const ubuntuLabels = (version: string) => ({ "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": version });
const UBUNTU = "Ubuntu is a Debian-based Linux operating system based on free software.";
const DEBIAN = "Debian is a Linux distribution that's composed entirely of free and open-source software.";
const ALPINE = "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!";

export const osImages: CatalogImage[] = [
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
    programs: { "/bin/httpd": "busybox-httpd" },
    config: config(["sh"]),
  },
  { repository: "alpine", tags: ["latest", "3.22", "3.22.2", "3"], description: ALPINE, stars: 11432, official: true, created: "2025-10-08T11:04:56Z", layers: [alpine322], config: config(["/bin/sh"]) },
  { repository: "alpine", tags: ["3.21", "3.21.5"], description: ALPINE, stars: 11432, official: true, created: "2025-10-08T11:05:12Z", layers: [alpine321], config: config(["/bin/sh"]) },
  { repository: "alpine", tags: ["3.20", "3.20.8"], description: ALPINE, stars: 11432, official: true, created: "2025-10-08T11:05:31Z", layers: [alpine320], config: config(["/bin/sh"]) },
  {
    repository: "ubuntu",
    tags: ["latest", "24.04", "noble", "noble-20251013"],
    description: UBUNTU,
    stars: 17805,
    official: true,
    created: "2025-10-13T03:44:25Z",
    layers: [ubuntu("24.04.3", "noble", 78_118_912, 29_723_147, true)],
    config: config(["/bin/bash"], { Labels: ubuntuLabels("24.04") }),
  },
  {
    repository: "ubuntu",
    tags: ["22.04", "jammy", "jammy-20251013"],
    description: UBUNTU,
    stars: 17805,
    official: true,
    created: "2025-10-13T03:47:12Z",
    layers: [ubuntu("22.04.5", "jammy", 77_872_640, 29_536_112, true)],
    config: config(["/bin/bash"], { Labels: ubuntuLabels("22.04") }),
  },
  {
    repository: "ubuntu",
    tags: ["20.04", "focal", "focal-20250404"],
    description: UBUNTU,
    stars: 17805,
    official: true,
    created: "2025-04-08T10:37:15Z",
    layers: [ubuntu("20.04.6", "focal", 72_811_520, 27_514_591, false)],
    config: config(["/bin/bash"], { Labels: ubuntuLabels("20.04") }),
  },
  {
    repository: "ubuntu",
    tags: ["18.04", "bionic", "bionic-20230530"],
    description: UBUNTU,
    stars: 17805,
    official: true,
    created: "2023-05-30T09:32:09Z",
    layers: [ubuntu("18.04.6", "bionic", 63_146_040, 25_691_153, false)],
    config: config(["/bin/bash"]),
  },
  {
    repository: "ubuntu",
    tags: ["16.04", "xenial", "xenial-20210804"],
    description: UBUNTU,
    stars: 17805,
    official: true,
    created: "2021-08-31T01:21:30.672229355Z",
    layers: [
      ubuntu("16.04.7", "xenial", 134_807_552, 46_499_103, false),
      layer("ubuntu-16.04-policy-rc", 745, 857, "/bin/sh -c set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl", { executables: ["/usr/sbin/policy-rc.d"] }),
      layer("ubuntu-16.04-systemd-container", 7, 162, "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container", { files: { "/run/systemd/container": "docker\n" } }),
    ],
    config: config(["/bin/bash"]),
  },
  { repository: "debian", tags: ["latest", "13", "13.2", "trixie", "trixie-20251117"], description: DEBIAN, stars: 5321, official: true, created: "2025-11-17T00:00:00Z", layers: [trixie], config: config(["bash"]) },
  { repository: "debian", tags: ["13-slim", "13.2-slim", "trixie-slim", "trixie-20251117-slim", "stable-slim"], description: DEBIAN, stars: 5321, official: true, created: "2025-11-17T00:00:01Z", layers: [trixieSlim], config: config(["bash"]) },
  { repository: "debian", tags: ["12", "12.12", "bookworm", "bookworm-20251117", "oldstable"], description: DEBIAN, stars: 5321, official: true, created: "2025-11-17T00:00:02Z", layers: [bookworm], config: config(["bash"]) },
  { repository: "debian", tags: ["12-slim", "12.12-slim", "bookworm-slim", "bookworm-20251117-slim", "oldstable-slim"], description: DEBIAN, stars: 5321, official: true, created: "2025-11-17T00:00:03Z", layers: [bookwormSlim], config: config(["bash"]) },
];
