/** Databases: redis, mysql and postgres. */
import type { CatalogImage } from "../types.ts";
import { bookwormSlim, config, group, layer, oracleLinux, passwd, PATH, ports, run, trixieSlim } from "./common.ts";

const entrypointHead = (shell: string) => `#!/usr/bin/env ${shell}\nset -Eeo pipefail\n# The official image's entrypoint; what it does is modelled in simulator/catalog/programs.\n`;
const gosu = (key: string, version: string) =>
  layer(`${key}-gosu-${version}`, 2_289_664, 983_072, run(`set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true`), { executables: ["/usr/local/bin/gosu"] });

// ---- redis ----

const REDIS = { description: "Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.", stars: 13288, official: true };

function redisImage(version: string, tags: string[], created: string, build: [number, number]): CatalogImage {
  const v8 = version.startsWith("8");
  return {
    repository: "redis",
    tags,
    ...REDIS,
    created,
    layers: [
      bookwormSlim,
      layer(`redis-${version}-user`, 4_390, 1_104, run("set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis"), { files: { "/etc/passwd": passwd("/bin/bash", "redis:x:999:999::/home/redis:/bin/sh"), "/etc/group": group("redis:x:999:") } }),
      gosu(`redis-${version}`, "1.17"),
      layer(`redis-${version}-build`, build[0], build[1], run(`set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t${v8 ? "\t\tgit \t\tcmake \t\tpython3 \t\tpython3-pip \t\tclang \t\tautomake \t\tautoconf \t\tlibtool \t" : ""}; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\texport BUILD_TLS=yes${v8 ? " BUILD_WITH_MODULES=yes INSTALL_RUST_TOOLCHAIN=yes DISABLE_WERRORS=yes" : ""}; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\tserverMd5="$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5="$(md5sum "$1" | cut -d" " -f1)"; \t\t\ttest "$md5" = "$serverMd5"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version`), {
        executables: ["/usr/local/bin/redis-server", "/usr/local/bin/redis-cli", "/usr/local/bin/redis-benchmark"],
        symlinks: { "/usr/local/bin/redis-sentinel": "redis-server", "/usr/local/bin/redis-check-aof": "redis-server", "/usr/local/bin/redis-check-rdb": "redis-server" },
        ...(v8 ? { dirs: ["/usr/local/lib/redis/modules"] } : {}),
      }),
      layer(`redis-${version}-data`, 1, 97, run("mkdir /data && chown redis:redis /data"), { dirs: ["/data"] }),
      layer("redis-docker-entrypoint.sh", 661, 568, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/docker-entrypoint.sh": entrypointHead("sh") }, executables: ["/usr/local/bin/docker-entrypoint.sh"] }),
    ],
    config: config(["redis-server"], {
      Entrypoint: ["docker-entrypoint.sh"],
      Env: [PATH, "GOSU_VERSION=1.17", ...(v8 ? [] : [`REDIS_VERSION=${version}`]), v8 ? `REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/${version}.tar.gz` : `REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${version}.tar.gz`],
      WorkingDir: "/data",
      ExposedPorts: ports("6379/tcp"),
      Volumes: { "/data": {} },
    }),
    programs: { "/usr/local/bin/docker-entrypoint.sh": "redis-entrypoint", "/usr/local/bin/redis-server": "redis-server", "/usr/local/bin/redis-cli": "redis-cli" },
  };
}

// ---- mysql ----

const MYSQL = { description: "MySQL is a widely used, open-source relational database management system (RDBMS).", stars: 15873, official: true };
const myCnf = (major: string) => `# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/${major}/en/server-configuration-defaults.html

[mysqld]
#
# Remove leading # and set to the amount of RAM for the most important data
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.
# innodb_buffer_pool_size = 128M
#
# Remove leading # to turn on a very important data integrity option: logging
# changes to the binary log between backups.
# log_bin
#
# Remove leading # to set options mainly useful for reporting servers.
# The server defaults are faster for transactions and fast SELECTs.
# Adjust sizes as needed, experiment to find the optimal values.
# join_buffer_size = 128M
# sort_buffer_size = 2M
# read_rnd_buffer_size = 2M
${major === "8.0" || major === "5.7" ? "skip-host-cache" : "host-cache-size=0"}
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;

interface MysqlBuild {
  version: string;
  tags: string[];
  created: string;
  /** [server, shell] layer sizes: [size, compressed] each. */
  sizes: [[number, number], [number, number]];
}

function mysqlImage({ version, tags, created, sizes }: MysqlBuild): CatalogImage {
  const legacy = version.startsWith("5.");
  const major = version.split(".").slice(0, 2).join(".");
  const el = legacy ? "el7" : "el9";
  const pkg = `${version}-1.${el}`;
  const shell = legacy ? "8.0.35-1.el7" : pkg;
  const dnf = legacy ? "yum" : "microdnf";
  const base = legacy ? oracleLinux("7", "7.9", 132_898_816, 49_614_283) : oracleLinux("9", "9.6", 120_045_568, 48_892_117);
  return {
    repository: "mysql",
    tags,
    ...MYSQL,
    created,
    layers: [
      base,
      layer(`mysql-${version}-user`, 2_867, 880, run("set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql"), { files: { "/etc/passwd": passwd("/bin/bash", "mysql:x:999:999::/var/lib/mysql:/bin/bash"), "/etc/group": group("mysql:x:999:") } }),
      layer(`mysql-${version}-gosu`, 2_293_760, 983_147, run(`set -eux; \tarch="$(uname -m)"; \tcase "$arch" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 "error: unsupported architecture: '$arch'"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc"; \tcurl -fL -o /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true`), { executables: ["/usr/local/bin/gosu"] }),
      layer(`mysql-${version}-tools`, legacy ? 15_859_712 : 26_693_632, legacy ? 5_201_776 : 6_728_410, run(`set -eux; \t${dnf} install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \t${dnf} clean all`), { executables: ["/usr/bin/openssl", "/usr/bin/xz", "/usr/bin/bzip2", "/usr/bin/zstd", "/usr/bin/find"] }),
      layer(`mysql-${version}-gpg`, 4_628, 2_612, run("set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\"")),
      layer(`mysql-${version}-server`, sizes[0][0], sizes[0][1], run(`set -eux; \t. /etc/os-release; \t{ \t\techo '[mysql${major.replace(".", "")}-server-minimal]'; \t\techo 'name=MySQL ${major} Server Minimal'; \t\techo 'enabled=1'; \t\techo "baseurl=https://repo.mysql.com/yum/mysql-${major}-community/docker/el/\${VERSION_ID%%[.-]*}/\\$basearch/"; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo; \t\t${dnf} install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \t${dnf} clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /var/lib/mysql-files; \tchown mysql:mysql /var/lib/mysql-files; \t\tmysqld --version; \tmysql --version`), {
        files: { "/etc/my.cnf": myCnf(major) },
        dirs: ["/etc/mysql/conf.d", "/var/lib/mysql", "/var/run/mysqld", "/var/lib/mysql-files"],
        executables: ["/usr/sbin/mysqld", "/usr/bin/mysql", "/usr/bin/mysqladmin", "/usr/bin/mysqldump", "/usr/bin/mysql_tzinfo_to_sql"],
      }),
      layer(`mysql-${version}-shell`, sizes[1][0], sizes[1][1], run(`set -eux; \t. /etc/os-release; \techo '[mysql-tools-community]' | tee /etc/yum.repos.d/mysql-community-tools.repo; \t${dnf} install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \t${dnf} clean all; \t\tmysqlsh --version`), { executables: ["/usr/bin/mysqlsh"] }),
      layer(`mysql-${version}-initdb.d`, 1, 116, run("mkdir /docker-entrypoint-initdb.d"), { dirs: ["/docker-entrypoint-initdb.d"] }),
      layer(`mysql-${legacy ? "5.7" : "8"}-docker-entrypoint.sh`, legacy ? 7_638 : 7_867, legacy ? 3_222 : 3_287, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/docker-entrypoint.sh": entrypointHead("bash") }, executables: ["/usr/local/bin/docker-entrypoint.sh"] }),
    ],
    config: config(["mysqld"], {
      Entrypoint: ["docker-entrypoint.sh"],
      Env: [PATH, `GOSU_VERSION=${legacy ? "1.16" : "1.19"}`, `MYSQL_MAJOR=${major === "9.5" ? "innovation" : major}`, `MYSQL_VERSION=${pkg}`, `MYSQL_SHELL_VERSION=${shell}`],
      ExposedPorts: ports("3306/tcp", "33060/tcp"),
      Volumes: { "/var/lib/mysql": {} },
    }),
    programs: { "/usr/local/bin/docker-entrypoint.sh": "mysql-entrypoint", "/usr/sbin/mysqld": "mysqld", "/usr/bin/mysql": "mysql" },
  };
}

// ---- postgres ----

const POSTGRES = { description: "The PostgreSQL object-relational database system provides reliability and data integrity.", stars: 14544, official: true };

function postgresImage(major: string, pgVersion: string, tags: string[], created: string, server: [number, number]): CatalogImage {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const pgdata = Number(major) >= 18 ? `/var/lib/postgresql/${major}/docker` : "/var/lib/postgresql/data";
  const volume = Number(major) >= 18 ? "/var/lib/postgresql" : pgdata;
  return {
    repository: "postgres",
    tags,
    ...POSTGRES,
    created,
    layers: [
      trixieSlim,
      layer(`postgres-${major}-user`, 4_437, 1_107, run("set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql"), { files: { "/etc/passwd": passwd("/bin/bash", "postgres:x:999:999::/var/lib/postgresql:/bin/bash"), "/etc/group": group("postgres:x:999:") }, dirs: ["/var/lib/postgresql"] }),
      gosu(`postgres-${major}`, "1.19"),
      layer(`postgres-${major}-locale`, 3_210_240, 1_123_452, run("set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'")),
      layer(`postgres-${major}-nss-wrapper`, 1_531_904, 512_331, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*")),
      layer(`postgres-${major}-initdb.d`, 1, 116, run("mkdir /docker-entrypoint-initdb.d"), { dirs: ["/docker-entrypoint-initdb.d"] }),
      layer(`postgres-${major}-server`, server[0], server[1], run(`set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt trixie-pgdg main $PG_MAJOR"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el) \t\t\techo "deb $aptRepo" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tpostgres --version`), {
        executables: [`${bin}/postgres`, `${bin}/initdb`, `${bin}/pg_ctl`, `${bin}/psql`, `${bin}/pg_dump`, `${bin}/pg_restore`, `${bin}/pg_isready`, `${bin}/createdb`, "/usr/share/postgresql-common/pg_wrapper"],
        symlinks: { "/usr/bin/psql": "../share/postgresql-common/pg_wrapper", "/usr/bin/pg_dump": "../share/postgresql-common/pg_wrapper" },
        files: { [`/usr/share/postgresql/${major}/postgresql.conf.sample`]: "# -----------------------------\n# PostgreSQL configuration file\n# -----------------------------\n\nlisten_addresses = '*'\n#port = 5432\nmax_connections = 100\nshared_buffers = 128MB\n" },
      }),
      layer(`postgres-${major}-sample-conf`, 61_440, 9_872, run("set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample")),
      layer(`postgres-${major}-run-dir`, 1, 118, run("install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql"), { dirs: ["/var/run/postgresql"] }),
      layer(`postgres-${major}-pgdata`, 1, 121, run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'), { dirs: [pgdata] }),
      layer("postgres-docker-entrypoint.sh", 12_345, 3_451, "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/docker-entrypoint.sh": entrypointHead("bash"), "/usr/local/bin/docker-ensure-initdb.sh": entrypointHead("bash") }, executables: ["/usr/local/bin/docker-entrypoint.sh", "/usr/local/bin/docker-ensure-initdb.sh"] }),
      layer(`postgres-${major}-enforce-initdb`, 24, 126, run("ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh"), { symlinks: { "/usr/local/bin/docker-enforce-initdb.sh": "docker-ensure-initdb.sh" } }),
    ],
    config: config(["postgres"], {
      Entrypoint: ["docker-entrypoint.sh"],
      Env: [`${PATH}:${bin}`, "GOSU_VERSION=1.19", "LANG=en_US.utf8", `PG_MAJOR=${major}`, `PG_VERSION=${pgVersion}`, `PGDATA=${pgdata}`],
      ExposedPorts: ports("5432/tcp"),
      Volumes: { [volume]: {} },
      StopSignal: "SIGINT",
    }),
    programs: { "/usr/local/bin/docker-entrypoint.sh": "postgres-entrypoint", [`${bin}/postgres`]: "postgres", [`${bin}/psql`]: "psql", "/usr/share/postgresql-common/pg_wrapper": "psql" },
  };
}

const mysqlTags = (version: string, names: string[], os: string) => {
  const all = [...names, version];
  return [...all, ...all.map((t) => `${t}-${os}`), ...all.map((t) => `${t}-oracle`)];
};

export const databaseImages: CatalogImage[] = [
  redisImage("8.2.3", ["latest", "8", "8.2", "8.2.3", "bookworm", "8-bookworm", "8.2-bookworm", "8.2.3-bookworm"], "2025-11-18T03:37:14Z", [118_587_392, 40_187_529]),
  redisImage("7.4.7", ["7", "7.4", "7.4.7", "7-bookworm", "7.4-bookworm", "7.4.7-bookworm"], "2025-11-18T03:29:50Z", [37_711_872, 12_405_880]),
  mysqlImage({ version: "9.5.0", tags: mysqlTags("9.5.0", ["latest", "9", "9.5", "innovation"], "oraclelinux9").filter((t) => t !== "latest-oraclelinux9" && t !== "latest-oracle").concat(["oraclelinux9", "oracle"]), created: "2025-11-04T22:18:45Z", sizes: [[339_607_552, 72_614_801], [461_860_864, 104_885_315]] }),
  mysqlImage({ version: "8.4.7", tags: mysqlTags("8.4.7", ["8", "8.4", "lts"], "oraclelinux9"), created: "2025-11-04T22:14:02Z", sizes: [[258_473_984, 56_102_927], [380_579_840, 88_604_217]] }),
  mysqlImage({ version: "8.0.44", tags: mysqlTags("8.0.44", ["8.0"], "oraclelinux9"), created: "2025-11-04T22:10:37Z", sizes: [[252_825_600, 54_893_440], [380_579_840, 88_604_218]] }),
  mysqlImage({ version: "5.7.44", tags: mysqlTags("5.7.44", ["5", "5.7"], "oraclelinux7"), created: "2023-10-25T18:49:44Z", sizes: [[222_347_264, 49_923_156], [127_000_576, 33_470_103]] }),
  postgresImage("18", "18.1-1.pgdg13+1", ["latest", "18", "18.1", "trixie", "18-trixie", "18.1-trixie"], "2025-11-18T04:05:27Z", [370_438_144, 111_726_405]),
  postgresImage("17", "17.7-1.pgdg13+1", ["17", "17.7", "17-trixie", "17.7-trixie"], "2025-11-18T04:01:59Z", [350_879_744, 105_337_871]),
  postgresImage("16", "16.11-1.pgdg13+1", ["16", "16.11", "16-trixie", "16.11-trixie"], "2025-11-18T03:58:12Z", [343_982_080, 103_006_218]),
];

