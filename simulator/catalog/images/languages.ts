/** Language runtimes: python and node, full (buildpack-deps), slim and alpine variants. */
import type { CatalogImage, CatalogLayer } from "../types.ts";
import { alpine322, buildpackDeps, config, group, layer, passwd, PATH, run, trixie, trixieSlim } from "./common.ts";

// ---- python ----

const PYTHON = { description: "Python is an interpreted, interactive, object-oriented, open-source programming language.", stars: 10142, official: true };
const PY_PATH = "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/** Release managers' keys; 3.14 dropped PGP signatures (PEP 761), so its image has no GPG_KEY. */
const GPG_KEY: Record<string, string> = { "3.12": "7169605F62C751356D054A26A821E680E5FA6305", "3.13": "7169605F62C751356D054A26A821E680E5FA6305" };

function pythonInstall(version: string, variant: "full" | "slim", size: number, compressed: number): CatalogLayer {
  const minor = version.split(".").slice(0, 2).join(".");
  const lib = `/usr/local/lib/python${minor}`;
  return layer(`python-${version}-${variant}`, size, compressed, run(`set -eux; \t\t${variant === "slim" ? 'savedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\t' : ""}wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version`), {
    executables: [`/usr/local/bin/python${minor}`, "/usr/local/bin/pip3", `/usr/local/bin/pip${minor}`, "/usr/local/bin/idle3", "/usr/local/bin/pydoc3", "/usr/local/bin/python3-config"],
    symlinks: { "/usr/local/bin/python3": `python${minor}` },
    dirs: [`${lib}/site-packages/pip`, `${lib}/lib-dynload`, `${lib}/json`, `${lib}/http`],
    files: { [`${lib}/os.py`]: '"""OS routines for NT or Posix depending on what system we\'re on."""\n', [`${lib}/this.py`]: 's = """Gur Mra bs Clguba, ol Gvz Crgref"""\n' },
  });
}

/** `RUN for src in idle3 pip3 pydoc3 python3 python3-config; do ln -svT "$src" "/usr/local/bin/$dst"` */
const pythonLinks = (key: string) => layer(`python-${key}-unversioned-links`, 36, 249, run('set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone'), {
  symlinks: { "/usr/local/bin/python": "python3", "/usr/local/bin/pip": "pip3", "/usr/local/bin/idle": "idle3", "/usr/local/bin/pydoc": "pydoc3", "/usr/local/bin/python-config": "python3-config" },
});

function pythonImage(version: string, variant: "full" | "slim", tags: string[], created: string, install: [number, number]): CatalogImage {
  const minor = version.split(".").slice(0, 2).join(".");
  const deps = variant === "full"
    ? layer(`python-${version}-tk-deps`, 19_582_976, 6_092_301, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \tapt-get dist-clean"))
    : layer(`python-${version}-slim-runtime-deps`, 4_014_080, 1_293_270, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \tapt-get dist-clean"));
  return {
    repository: "python",
    tags,
    ...PYTHON,
    created,
    layers: [...(variant === "full" ? [trixie, ...buildpackDeps] : [trixieSlim]), deps, pythonInstall(version, variant, ...install), pythonLinks(`${version}-${variant}`)],
    config: config(["python3"], { Env: [PY_PATH, ...(GPG_KEY[minor] ? [`GPG_KEY=${GPG_KEY[minor]}`] : []), `PYTHON_VERSION=${version}`] }),
    programs: { [`/usr/local/bin/python${minor}`]: "python", "/usr/local/bin/pip3": "pip", [`/usr/local/bin/pip${minor}`]: "pip" },
  };
}

const pyTags = (version: string, latest: boolean, slim: boolean) => {
  const minor = version.split(".").slice(0, 2).join(".");
  const names = latest ? ["", "3", minor, version] : [minor, version];
  const suffixes = slim ? ["slim", "slim-trixie"] : ["", "trixie"];
  return suffixes.flatMap((s) => names.map((n) => [n, s].filter(Boolean).join("-"))).map((t) => t || "latest");
};

// ---- node ----

const NODE = { description: "Node.js is a JavaScript-based platform for server-side and networking applications.", stars: 13985, official: true };
const nodeEntrypoint = `#!/bin/sh\nset -e\n\n# Run command with node if the first argument contains a "-" or is not a system command. The last\n# part inside the "{}" is a workaround for the following bug in ash/dash:\n# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264\nif [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then\n  set -- node "$@"\nfi\n\nexec "$@"\n`;

const nodeLayers = (version: string, variant: "full" | "slim" | "alpine", install: [number, number]): CatalogLayer[] => [
  layer(`node-${version}-${variant}`, install[0], install[1], variant === "alpine"
    ? run(`addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && ARCH= OPENSSL_ARCH='linux*' && alpineArch="$(apk --print-arch)"       && case "\${alpineArch##*-}" in         x86_64) ARCH='x64' CHECKSUM="$(cat /tmp/node-checksum)" OPENSSL_ARCH=linux-x86_64;;         *) ;;       esac   && if [ -n "\${CHECKSUM}" ]; then     set -eu;     curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz";     tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   fi   && node --version   && npm --version`)
    : run(`ARCH= OPENSSL_ARCH= && dpkgArch="$(dpkg --print-architecture)"     && case "\${dpkgArch##*-}" in       amd64) ARCH='x64' OPENSSL_ARCH='linux-x86_64';;       *) echo "unsupported architecture"; exit 1 ;;     esac     && set -ex     ${variant === "slim" ? "&& apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends     && rm -rf /var/lib/apt/lists/*     " : ""}&& for key in $(curl -sL https://raw.githubusercontent.com/nodejs/docker-node/HEAD/keys/node.keys); do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;     done     && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"     && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -     && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner     && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt     && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name "$OPENSSL_ARCH" -exec rm -rf {} \\;     && ln -s /usr/local/bin/node /usr/local/bin/nodejs     && node --version     && npm --version     && rm -rf /tmp/*`), {
    executables: ["/usr/local/bin/node", "/usr/local/lib/node_modules/npm/bin/npm-cli.js", "/usr/local/lib/node_modules/npm/bin/npx-cli.js", "/usr/local/lib/node_modules/corepack/dist/corepack.js"],
    symlinks: { "/usr/local/bin/npm": "../lib/node_modules/npm/bin/npm-cli.js", "/usr/local/bin/npx": "../lib/node_modules/npm/bin/npx-cli.js", "/usr/local/bin/corepack": "../lib/node_modules/corepack/dist/corepack.js", "/usr/local/bin/nodejs": "/usr/local/bin/node" },
    files: { "/etc/passwd": passwd(variant === "alpine" ? "/bin/sh" : "/bin/bash", "node:x:1000:1000::/home/node:/bin/" + (variant === "alpine" ? "sh" : "bash")), "/etc/group": group("node:x:1000:") },
    dirs: ["/home/node"],
  }),
  layer(`node-${version}-${variant}-yarn-1.22.22`, 5_349_376, 1_257_311, variant === "alpine"
    ? run(`apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*`)
    : run(`set -ex   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/*`), {
    executables: ["/opt/yarn-v1.22.22/bin/yarn"],
    symlinks: { "/usr/local/bin/yarn": "/opt/yarn-v1.22.22/bin/yarn", "/usr/local/bin/yarnpkg": "/opt/yarn-v1.22.22/bin/yarn" },
  }),
  layer("node-docker-entrypoint.sh", 388, 450, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/docker-entrypoint.sh": nodeEntrypoint }, executables: ["/usr/local/bin/docker-entrypoint.sh"] }),
];

function nodeImage(version: string, variant: "full" | "slim" | "alpine", tags: string[], created: string, install: [number, number]): CatalogImage {
  const base = variant === "full" ? [trixie, ...buildpackDeps] : variant === "slim" ? [trixieSlim] : [alpine322];
  return {
    repository: "node",
    tags,
    ...NODE,
    created,
    layers: [...base, ...nodeLayers(version, variant, install)],
    config: config(["node"], { Entrypoint: ["docker-entrypoint.sh"], Env: [PATH, `NODE_VERSION=${version}`, "YARN_VERSION=1.22.22"] }),
    programs: {
      "/usr/local/bin/docker-entrypoint.sh": "node-entrypoint",
      "/usr/local/bin/node": "node",
      "/usr/local/lib/node_modules/npm/bin/npm-cli.js": "npm",
      "/usr/local/lib/node_modules/npm/bin/npx-cli.js": "npx",
      "/opt/yarn-v1.22.22/bin/yarn": "yarn",
    },
  };
}

const nodeTags = (version: string, names: string[], variant: "" | "slim" | "alpine") => {
  const [major, minor] = version.split(".");
  const all = [major!, `${major}.${minor}`, version, ...names];
  if (variant === "") return [...all, ...all.map((t) => `${t}-trixie`)];
  if (variant === "slim") return [...all.map((t) => `${t}-slim`), ...all.map((t) => `${t}-trixie-slim`)];
  return [...all.map((t) => `${t}-alpine`), ...all.map((t) => `${t}-alpine3.22`)];
};

export const languageImages: CatalogImage[] = [
  pythonImage("3.14.0", "full", pyTags("3.14.0", true, false), "2025-11-18T02:12:33Z", [110_186_496, 28_471_893]),
  pythonImage("3.14.0", "slim", pyTags("3.14.0", true, true), "2025-11-18T01:48:10Z", [44_032_000, 12_560_714]),
  pythonImage("3.13.9", "full", pyTags("3.13.9", false, false), "2025-11-18T02:09:05Z", [104_644_608, 27_663_475]),
  pythonImage("3.13.9", "slim", pyTags("3.13.9", false, true), "2025-11-18T01:45:52Z", [42_803_200, 11_887_174]),
  pythonImage("3.12.12", "full", pyTags("3.12.12", false, false), "2025-11-18T02:05:41Z", [101_634_048, 26_902_130]),
  pythonImage("3.12.12", "slim", pyTags("3.12.12", false, true), "2025-11-18T01:43:19Z", [41_713_664, 11_632_095]),
  nodeImage("25.2.1", "full", ["latest", "current", "trixie", "current-trixie", ...nodeTags("25.2.1", [], "")].filter((t, i, a) => a.indexOf(t) === i), "2025-11-18T05:02:44Z", [196_980_736, 58_610_223]),
  nodeImage("24.11.1", "full", nodeTags("24.11.1", ["lts", "krypton"], ""), "2025-11-18T04:58:09Z", [193_732_608, 57_633_741]),
  nodeImage("22.21.1", "full", nodeTags("22.21.1", ["jod"], ""), "2025-11-18T04:55:31Z", [183_308_288, 52_718_930]),
  nodeImage("24.11.1", "slim", nodeTags("24.11.1", ["lts", "krypton"], "slim"), "2025-11-18T04:49:16Z", [193_732_608, 57_633_741]),
  nodeImage("25.2.1", "alpine", ["alpine", "current-alpine", "alpine3.22", ...nodeTags("25.2.1", [], "alpine")], "2025-11-18T04:40:27Z", [151_240_704, 51_930_188]),
  nodeImage("24.11.1", "alpine", nodeTags("24.11.1", ["lts", "krypton"], "alpine"), "2025-11-18T04:37:55Z", [148_008_960, 50_902_417]),
];
