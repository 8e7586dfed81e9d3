/** The archives apt fetches from in each release: its index files (`apt-get update`) and where packages come from. */
import type { DebRelease } from "./debian.ts";

export interface Archive {
  distro: "ubuntu" | "debian";
  release: DebRelease;
  /** Packages the release's image could upgrade after an update (`N not upgraded`). */
  upgradable: number;
  /** Files in dpkg's database on the fresh image (`Reading database ... N files`). */
  databaseFiles: number;
  libcBin: string;
}

export const ARCHIVES: Record<DebRelease, Archive> = {
  xenial: { distro: "ubuntu", release: "xenial", upgradable: 2, databaseFiles: 4768, libcBin: "2.23-0ubuntu11.3" },
  bionic: { distro: "ubuntu", release: "bionic", upgradable: 4, databaseFiles: 4046, libcBin: "2.27-3ubuntu1.6" },
  focal: { distro: "ubuntu", release: "focal", upgradable: 3, databaseFiles: 4124, libcBin: "2.31-0ubuntu9.18" },
  jammy: { distro: "ubuntu", release: "jammy", upgradable: 2, databaseFiles: 4389, libcBin: "2.35-0ubuntu3.11" },
  noble: { distro: "ubuntu", release: "noble", upgradable: 1, databaseFiles: 4381, libcBin: "2.39-0ubuntu8.6" },
  bookworm: { distro: "debian", release: "bookworm", upgradable: 0, databaseFiles: 6090, libcBin: "2.36-9+deb12u13" },
  trixie: { distro: "debian", release: "trixie", upgradable: 0, databaseFiles: 5645, libcBin: "2.41-12" },
};

export interface IndexFile {
  /** `http://archive.ubuntu.com/ubuntu jammy InRelease`, as the Get: line names it. */
  shown: string;
  /** Its name under /var/lib/apt/lists. */
  file: string;
  bytes: number;
  /** Which component's Packages list this is (undefined for InRelease). */
  component?: string;
}

const UBUNTU_SIZES: Record<string, number[]> = {
  // InRelease (release, security, updates, backports), then Packages for main, restricted, universe, multiverse of each suite
  xenial: [247_000, 99_800, 99_800, 97_400, 1_558_000, 14_100, 9_827_000, 176_000, 2_051_000, 15_900, 984_000, 8_820, 2_560_000, 16_400, 1_544_000, 26_200],
  bionic: [242_000, 88_700, 88_700, 83_300, 1_344_000, 13_500, 11_300_000, 186_000, 3_373_000, 1_622_000, 1_635_000, 23_900, 3_786_000, 1_651_000, 2_411_000, 34_400],
  focal: [265_000, 114_000, 114_000, 108_000, 1_275_000, 33_400, 11_300_000, 177_000, 4_444_000, 4_801_000, 1_296_000, 33_100, 4_920_000, 4_998_000, 1_597_000, 36_800],
  jammy: [270_000, 129_000, 128_000, 127_000, 1_792_000, 164_000, 17_500_000, 266_000, 3_261_000, 5_126_000, 1_273_000, 60_900, 3_589_000, 5_306_000, 1_577_000, 69_200],
  noble: [256_000, 126_000, 126_000, 126_000, 1_808_000, 117_000, 19_300_000, 331_000, 1_590_000, 2_404_000, 1_129_000, 29_300, 1_959_000, 2_541_000, 1_498_000, 35_100],
};

/** What `apt-get update` fetches, in the order it reports it. */
export function indexFiles(archive: Archive): IndexFile[] {
  const r = archive.release;
  if (archive.distro === "debian") {
    const main = r === "bookworm" ? [151_000, 55_400, 48_000, 8_793_000, 6_924, 283_000] : [140_000, 47_300, 43_400, 9_669_000, 5_412, 82_700];
    return [
      { shown: `http://deb.debian.org/debian ${r} InRelease`, file: `deb.debian.org_debian_dists_${r}_InRelease`, bytes: main[0]! },
      { shown: `http://deb.debian.org/debian ${r}-updates InRelease`, file: `deb.debian.org_debian_dists_${r}-updates_InRelease`, bytes: main[1]! },
      { shown: `http://deb.debian.org/debian-security ${r}-security InRelease`, file: `deb.debian.org_debian-security_dists_${r}-security_InRelease`, bytes: main[2]! },
      { shown: `http://deb.debian.org/debian ${r}/main amd64 Packages`, file: `deb.debian.org_debian_dists_${r}_main_binary-amd64_Packages.lz4`, bytes: main[3]!, component: "main" },
      { shown: `http://deb.debian.org/debian ${r}-updates/main amd64 Packages`, file: `deb.debian.org_debian_dists_${r}-updates_main_binary-amd64_Packages.lz4`, bytes: main[4]! },
      { shown: `http://deb.debian.org/debian-security ${r}-security/main amd64 Packages`, file: `deb.debian.org_debian-security_dists_${r}-security_main_binary-amd64_Packages.lz4`, bytes: main[5]! },
    ];
  }
  const sizes = UBUNTU_SIZES[r]!;
  const archiveUrl = "http://archive.ubuntu.com/ubuntu";
  const securityUrl = "http://security.ubuntu.com/ubuntu";
  const host = (url: string) => url.replace("http://", "").replace(/\//g, "_");
  const release = (url: string, suite: string, bytes: number): IndexFile => ({ shown: `${url} ${suite} InRelease`, file: `${host(url)}_dists_${suite}_InRelease`, bytes });
  const packages = (url: string, suite: string, component: string, bytes: number): IndexFile => ({
    shown: `${url} ${suite}/${component} amd64 Packages`,
    file: `${host(url)}_dists_${suite}_${component}_binary-amd64_Packages.lz4`,
    bytes,
    ...(suite === r ? { component } : {}),
  });
  const components = ["main", "restricted", "universe", "multiverse"];
  return [
    release(archiveUrl, r, sizes[0]!),
    release(securityUrl, `${r}-security`, sizes[1]!),
    release(archiveUrl, `${r}-updates`, sizes[2]!),
    release(archiveUrl, `${r}-backports`, sizes[3]!),
    ...components.map((c, i) => packages(archiveUrl, r, c, sizes[4 + i]!)),
    ...components.map((c, i) => packages(securityUrl, `${r}-security`, c, sizes[8 + i]!)),
    ...components.map((c, i) => packages(archiveUrl, `${r}-updates`, c, sizes[12 + i]!)),
  ];
}

/** Where a package version is downloaded from: `http://archive.ubuntu.com/ubuntu jammy-updates/main`. */
export function poolOf(archive: Archive, version: string, component: string): string {
  if (archive.distro === "debian") return `http://deb.debian.org/debian ${archive.release}/main`;
  const short = ({ xenial: "16.04", bionic: "18.04", focal: "20.04", jammy: "22.04", noble: "24.04" } as Record<string, string>)[archive.release]!;
  const updated = version.includes(`~${short}`) || /ubuntu0\.|ubuntu\d+\.\d+/.test(version) || version.includes(`${short}.`);
  return `http://archive.ubuntu.com/ubuntu ${archive.release}${updated ? "-updates" : ""}/${component}`;
}

/** apt's sizes: `247 kB`, `1,558 kB`, `16.3 MB`, `8,820 B`. */
export function aptSize(bytes: number): string {
  const group = (n: number) => Math.round(n).toLocaleString("en-US");
  if (bytes < 10_000) return `${group(bytes)} B`;
  if (bytes < 10_000_000) return bytes < 100_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${group(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
