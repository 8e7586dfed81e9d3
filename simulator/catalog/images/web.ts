/** Web servers and apps: nginx, httpd, wordpress, and the registry. */
import type { CatalogImage, CatalogLayer } from "../types.ts";
import { alpine321, alpine322, bookwormSlim, config, group, layer, passwd, PATH, ports, run, trixieSlim } from "./common.ts";
import { apache2Foreground, htdocsIndex, httpdConf, httpdForeground, nginx50x, nginxConf, nginxDefaultConf, nginxEntrypointScript, nginxIndex, nginxMimeTypes, registryConfig, wordpressSources } from "./files.ts";

// ---- nginx ----

const NGINX = { description: "Official build of Nginx.", stars: 21068, official: true };
const NGINX_LABELS = { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" };
const nginxPrograms = { "/docker-entrypoint.sh": "nginx-entrypoint", "/usr/sbin/nginx": "nginx", "/usr/sbin/nginx-debug": "nginx" };

/** What the package install leaves: configuration, pages, the nginx user, log links to the container's output. */
const nginxFiles = (shell: string): Pick<CatalogLayer, "files" | "dirs" | "symlinks"> => ({
  files: {
    "/etc/nginx/nginx.conf": nginxConf,
    "/etc/nginx/conf.d/default.conf": nginxDefaultConf,
    "/etc/nginx/mime.types": nginxMimeTypes,
    "/etc/nginx/fastcgi_params": "fastcgi_param  QUERY_STRING       $query_string;\nfastcgi_param  REQUEST_METHOD     $request_method;\nfastcgi_param  CONTENT_TYPE       $content_type;\nfastcgi_param  CONTENT_LENGTH     $content_length;\n",
    "/usr/share/nginx/html/index.html": nginxIndex,
    "/usr/share/nginx/html/50x.html": nginx50x,
    "/etc/passwd": passwd(shell, "nginx:x:101:101:nginx user:/nonexistent:/bin/false"),
    "/etc/group": group("nginx:x:101:"),
  },
  dirs: ["/var/cache/nginx", "/var/log/nginx", "/docker-entrypoint.d", "/usr/lib/nginx/modules", "/etc/nginx/templates"],
  symlinks: { "/var/log/nginx/access.log": "/dev/stdout", "/var/log/nginx/error.log": "/dev/stderr", "/etc/nginx/modules": "../../usr/lib/nginx/modules" },
});

const script = (head: string) => `#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\n${head}\n`;
/** The entrypoint and its /docker-entrypoint.d scripts: the same files in every nginx image. */
const nginxEntrypointLayers: CatalogLayer[] = [
  layer("nginx-docker-entrypoint.sh", 1_620, 626, "COPY docker-entrypoint.sh / # buildkit", { files: { "/docker-entrypoint.sh": nginxEntrypointScript }, executables: ["/docker-entrypoint.sh"] }),
  layer("nginx-10-listen-on-ipv6", 2_120, 955, "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit", { files: { "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh": script('ME=$(basename "$0")\nDEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"') }, executables: ["/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"] }),
  layer("nginx-15-local-resolvers", 389, 403, "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit", { files: { "/docker-entrypoint.d/15-local-resolvers.envsh": script('[ "${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0') }, executables: ["/docker-entrypoint.d/15-local-resolvers.envsh"] }),
  layer("nginx-20-envsubst-on-templates", 3_018, 1_210, "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit", { files: { "/docker-entrypoint.d/20-envsubst-on-templates.sh": script('ME=$(basename "$0")\n\nauto_envsubst() {\n  local template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"') }, executables: ["/docker-entrypoint.d/20-envsubst-on-templates.sh"] }),
  layer("nginx-30-tune-worker-processes", 4_620, 1_397, "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit", { files: { "/docker-entrypoint.d/30-tune-worker-processes.sh": script('ME=$(basename "$0")\n\n[ "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0') }, executables: ["/docker-entrypoint.d/30-tune-worker-processes.sh"] }),
];

const nginxDebianInstall = (release: string) =>
  run(`set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --batch --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --batch --export $NGINX_GPGKEYS > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=\${NGINX_VERSION}-\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}+\${NJS_VERSION}-\${NJS_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/${release === "trixie" ? "mainline" : ""}/debian/ ${release} nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`.replace("packages//debian", "packages/debian"));

const nginxAlpineInstall = run(`set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && case "$apkArch" in         x86_64|aarch64)             set -x             && KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then                 echo "key verification succeeded!";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo "key verification failed!";                 exit 1;             fi             && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d`);

function nginxDebian(version: string, release: "trixie" | "bookworm", tags: string[], created: string, install: [number, number]): CatalogImage {
  return {
    repository: "nginx",
    tags,
    ...NGINX,
    created,
    layers: [
      release === "trixie" ? trixieSlim : bookwormSlim,
      layer(`nginx-${version}-${release}`, install[0], install[1], nginxDebianInstall(release), { ...nginxFiles("/bin/bash"), executables: ["/usr/sbin/nginx", "/usr/sbin/nginx-debug", "/usr/bin/envsubst", "/usr/bin/curl"] }),
      ...nginxEntrypointLayers,
    ],
    config: config(["nginx", "-g", "daemon off;"], {
      Entrypoint: ["/docker-entrypoint.sh"],
      Env: [PATH, `NGINX_VERSION=${version}`, "NJS_VERSION=0.9.4", `NJS_RELEASE=1~${release}`, `PKG_RELEASE=1~${release}`, `DYNPKG_RELEASE=1~${release}`],
      ExposedPorts: ports("80/tcp"),
      Labels: NGINX_LABELS,
      StopSignal: "SIGQUIT",
    }),
    programs: nginxPrograms,
  };
}

function nginxAlpine(version: string, base: CatalogLayer, tags: string[], created: string): CatalogImage {
  return {
    repository: "nginx",
    tags,
    ...NGINX,
    created,
    layers: [
      base,
      layer(`nginx-${version}-alpine-slim`, 5_234_688, 1_793_361, nginxAlpineInstall, { ...nginxFiles("/bin/sh"), executables: ["/usr/sbin/nginx", "/usr/sbin/nginx-debug"] }),
      ...nginxEntrypointLayers,
      layer(`nginx-${version}-alpine-modules`, 39_102_464, 15_932_024, run(`set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=\${NGINX_VERSION}-r\${PKG_RELEASE}         nginx-module-xslt=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-geoip=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-image-filter=\${NGINX_VERSION}-r\${DYNPKG_RELEASE}         nginx-module-njs=\${NGINX_VERSION}.\${NJS_VERSION}-r\${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && apk add --no-cache curl ca-certificates`), { executables: ["/usr/bin/curl", "/usr/bin/envsubst"] }),
    ],
    config: config(["nginx", "-g", "daemon off;"], {
      Entrypoint: ["/docker-entrypoint.sh"],
      Env: [PATH, `NGINX_VERSION=${version}`, "PKG_RELEASE=1", "DYNPKG_RELEASE=1", "NJS_VERSION=0.9.4", "NJS_RELEASE=1"],
      ExposedPorts: ports("80/tcp"),
      Labels: NGINX_LABELS,
      StopSignal: "SIGQUIT",
    }),
    programs: nginxPrograms,
  };
}

// ---- httpd ----

const httpdImage: CatalogImage = {
  repository: "httpd",
  tags: ["latest", "2", "2.4", "2.4.65", "trixie", "2-trixie", "2.4-trixie", "2.4.65-trixie"],
  description: "The Apache HTTP Server Project",
  stars: 4912,
  official: true,
  created: "2025-11-18T03:12:40Z",
  layers: [
    trixieSlim,
    layer("httpd-prefix", 4_096, 147, run('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'), { dirs: ["/usr/local/apache2"] }),
    layer("httpd-runtime-deps-trixie", 4_964_352, 1_637_810, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \tapt-get dist-clean")),
    layer("httpd-2.4.65-trixie", 32_913_408, 11_523_407, run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\t\'https://www.apache.org/dyn/closer.cgi?action=download&filename=\' \t\t\thttps://downloads.apache.org/ \t\t\thttps://www-us.apache.org/dist/ \t\t\thttps://www.apache.org/dist/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist \'httpd.tar.bz2\' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual'), {
      files: { "/usr/local/apache2/htdocs/index.html": htdocsIndex, "/usr/local/apache2/conf/httpd.conf": httpdConf, "/usr/local/apache2/conf/mime.types": "text/html\t\t\t\t\thtml htm\ntext/css\t\t\t\t\tcss\napplication/javascript\t\t\t\tjs\n" },
      dirs: ["/usr/local/apache2/logs", "/usr/local/apache2/modules", "/usr/local/apache2/cgi-bin", "/usr/local/apache2/conf/extra", "/usr/local/apache2/icons", "/usr/local/apache2/error"],
      executables: ["/usr/local/apache2/bin/httpd", "/usr/local/apache2/bin/apachectl", "/usr/local/apache2/bin/ab", "/usr/local/apache2/bin/htpasswd", "/usr/local/apache2/bin/rotatelogs"],
    }),
    layer("httpd-foreground", 138, 486, "COPY httpd-foreground /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/httpd-foreground": httpdForeground }, executables: ["/usr/local/bin/httpd-foreground"] }),
  ],
  config: config(["httpd-foreground"], {
    Env: ["PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.65", "HTTPD_PATCHES="],
    WorkingDir: "/usr/local/apache2",
    ExposedPorts: ports("80/tcp"),
    StopSignal: "SIGWINCH",
  }),
  programs: { "/usr/local/bin/httpd-foreground": "httpd-foreground", "/usr/local/apache2/bin/httpd": "httpd" },
};

// ---- wordpress (on php:8.3-apache) ----

const PHPIZE_DEPS = "autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c";
const phpApacheLayers: CatalogLayer[] = [
  trixieSlim,
  layer("php-8.3-apache-phpize-deps", 239_861_760, 80_412_233, run(`set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t$PHPIZE_DEPS \t\tca-certificates \t\tcurl \t\txz-utils \t; \tapt-get dist-clean`), { executables: ["/usr/bin/curl", "/usr/bin/gcc", "/usr/bin/make", "/usr/bin/xz"] }),
  layer("php-8.3-apache-www", 4_096, 225, run('set -eux; \tmkdir -p "$PHP_INI_DIR/conf.d"; \t[ ! -d /var/www/html ]; \tmkdir -p /var/www/html; \tchown www-data:www-data /var/www/html; \tchmod 1777 /var/www/html'), { dirs: ["/usr/local/etc/php/conf.d", "/var/www/html"] }),
  layer("php-8.3-apache-apache2", 20_971_520, 4_523_120, run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends apache2; \tapt-get dist-clean; \t\tsed -ri \'s/^export ([^=]+)=(.*)$/: ${\\1:=\\2}\\nexport \\1/\' "$APACHE_ENVVARS"; \t\t. "$APACHE_ENVVARS"; \tfor dir in \t\t"$APACHE_LOCK_DIR" \t\t"$APACHE_RUN_DIR" \t\t"$APACHE_LOG_DIR" \t\t/var/www/html \t; do \t\trm -rvf "$dir"; \t\tmkdir -p "$dir"; \t\tchown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir"; \t\tchmod 1777 "$dir"; \tdone; \t\trm -rvf /var/www/html/*; \t\tln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"; \tln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"; \tchown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR"'), {
    executables: ["/usr/sbin/apache2", "/usr/sbin/apache2ctl", "/usr/sbin/a2enmod", "/usr/sbin/a2dismod", "/usr/sbin/a2enconf"],
    dirs: ["/etc/apache2/sites-enabled", "/etc/apache2/conf-enabled", "/etc/apache2/mods-enabled", "/var/log/apache2", "/var/run/apache2", "/var/lock/apache2"],
    files: { "/etc/apache2/apache2.conf": "# This is the main Apache server configuration file.\nServerRoot \"/etc/apache2\"\nDefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nUser ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\nErrorLog ${APACHE_LOG_DIR}/error.log\nIncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\nInclude ports.conf\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n", "/etc/apache2/ports.conf": "Listen 80\n" },
    symlinks: { "/var/log/apache2/error.log": "/dev/stderr", "/var/log/apache2/access.log": "/dev/stdout" },
  }),
  layer("php-8.3-apache-prefork", 1_187, 482, run("a2dismod mpm_event && a2enmod mpm_prefork")),
  layer("php-8.3-apache-docker-php-conf", 1_468, 583, run(`{ \t\techo '<FilesMatch \\.php$>'; \t\techo '\\tSetHandler application/x-httpd-php'; \t\techo '</FilesMatch>'; \t\techo; \t\techo 'DirectoryIndex disabled'; \t\techo 'DirectoryIndex index.php index.html'; \t\techo; \t\techo '<Directory /var/www/>'; \t\techo '\\tOptions -Indexes'; \t\techo '\\tAllowOverride All'; \t\techo '</Directory>'; \t} | tee "$APACHE_CONFDIR/conf-available/docker-php.conf" \t&& a2enconf docker-php`)),
  layer("php-8.3.27-source", 13_697_024, 13_700_312, run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends gnupg; \tapt-get dist-clean; \t\tmkdir -p /usr/src; \tcd /usr/src; \t\tcurl -fsSL -o php.tar.xz "$PHP_URL"; \t\tif [ -n "$PHP_SHA256" ]; then \t\techo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -; \tfi; \t\tcurl -fsSL -o php.tar.xz.asc "$PHP_ASC_URL"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify php.tar.xz.asc php.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME"; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false')),
  layer("php-docker-php-source", 1_121, 580, "COPY docker-php-source /usr/local/bin/ # buildkit", { executables: ["/usr/local/bin/docker-php-source"] }),
  layer("php-8.3.27-apache-build", 101_928_960, 25_139_866, run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tapache2-dev \t\tlibargon2-dev \t\tlibcurl4-openssl-dev \t\tlibonig-dev \t\tlibreadline-dev \t\tlibsodium-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tzlib1g-dev \t; \t\texport \t\tCFLAGS="$PHP_CFLAGS" \t\tCPPFLAGS="$PHP_CPPFLAGS" \t\tLDFLAGS="$PHP_LDFLAGS" \t\tPHP_BUILD_PROVIDER=\'https://github.com/docker-library/php\' \t\tPHP_UNAME=\'Linux - Docker\' \t; \tdocker-php-source extract; \tcd /usr/src/php; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--with-config-file-path="$PHP_INI_DIR" \t\t--with-config-file-scan-dir="$PHP_INI_DIR/conf.d" \t\t--enable-option-checking=fatal \t\t--with-mhash \t\t--with-pic \t\t--enable-mbstring \t\t--enable-mysqlnd \t\t--with-password-argon2 \t\t--with-sodium=shared \t\t--with-pdo-sqlite=/usr \t\t--with-sqlite3=/usr \t\t--with-curl \t\t--with-iconv \t\t--with-openssl \t\t--with-readline \t\t--with-zlib \t\t--disable-phpdbg \t\t--with-pear \t\t--with-libdir="lib/$debMultiarch" \t\t--disable-cgi \t\t--with-apxs2 \t; \tmake -j "$(nproc)"; \tmake install; \tdocker-php-source delete'), {
    executables: ["/usr/local/bin/php", "/usr/local/bin/phpize", "/usr/local/bin/php-config", "/usr/local/bin/pecl", "/usr/local/bin/pear"],
    files: { "/usr/local/etc/php/php.ini-production": "[PHP]\nengine = On\nshort_open_tag = Off\nprecision = 14\nmemory_limit = 128M\nerror_reporting = E_ALL & ~E_DEPRECATED & ~E_STRICT\ndisplay_errors = Off\nlog_errors = On\nupload_max_filesize = 2M\n", "/usr/local/etc/php/php.ini-development": "[PHP]\nengine = On\nshort_open_tag = Off\nprecision = 14\nmemory_limit = 128M\nerror_reporting = E_ALL\ndisplay_errors = On\nlog_errors = On\nupload_max_filesize = 2M\n" },
  }),
  layer("php-docker-php-ext", 11_374, 2_306, "COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit", { executables: ["/usr/local/bin/docker-php-entrypoint", "/usr/local/bin/docker-php-ext-configure", "/usr/local/bin/docker-php-ext-enable", "/usr/local/bin/docker-php-ext-install"] }),
  layer("php-8.3.27-apache-opcache", 2_183, 248, run("docker-php-ext-enable opcache")),
  layer("php-8.3.27-apache-sodium", 18_776, 8_902, run("docker-php-ext-enable sodium")),
  layer("php-apache2-foreground", 1_346, 896, "COPY apache2-foreground /usr/local/bin/ # buildkit", { files: { "/usr/local/bin/apache2-foreground": apache2Foreground }, executables: ["/usr/local/bin/apache2-foreground"] }),
];

const wordpressImage: CatalogImage = {
  repository: "wordpress",
  tags: ["latest", "6", "6.8", "6.8.3", "apache", "6-apache", "6.8-apache", "6.8.3-apache", "php8.3", "php8.3-apache", "6-php8.3", "6.8-php8.3", "6.8.3-php8.3", "6.8.3-php8.3-apache"],
  description: "The WordPress rich content management system can utilize plugins, widgets, and themes.",
  stars: 5847,
  official: true,
  created: "2025-11-18T06:41:52Z",
  layers: [
    ...phpApacheLayers,
    layer("wordpress-ghostscript", 57_344_000, 17_120_418, run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tghostscript \t; \trm -rf /var/lib/apt/lists/*"), { executables: ["/usr/bin/gs"] }),
    layer("wordpress-php8.3-extensions", 130_654_208, 33_261_744, run('set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibavif-dev \t\tlibfreetype6-dev \t\tlibicu-dev \t\tlibjpeg-dev \t\tlibmagickwand-dev \t\tlibpng-dev \t\tlibwebp-dev \t\tlibzip-dev \t; \t\tdocker-php-ext-configure gd \t\t--with-avif \t\t--with-freetype \t\t--with-jpeg \t\t--with-webp \t; \tdocker-php-ext-install -j "$(nproc)" \t\tbcmath \t\texif \t\tgd \t\tintl \t\tmysqli \t\tzip \t; \tpecl install imagick-3.8.0; \tdocker-php-ext-enable imagick; \trm -r /tmp/pear')),
    layer("wordpress-opcache-ini", 4_181, 374, run("set -eux; \tdocker-php-ext-enable opcache; \t{ \t\techo 'opcache.memory_consumption=128'; \t\techo 'opcache.interned_strings_buffer=8'; \t\techo 'opcache.max_accelerated_files=4000'; \t\techo 'opcache.revalidate_freq=2'; \t} > /usr/local/etc/php/conf.d/opcache-recommended.ini")),
    layer("wordpress-error-logging-ini", 1_210, 326, run("{ \t\techo 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR'; \t\techo 'display_errors = Off'; \t\techo 'display_startup_errors = Off'; \t\techo 'log_errors = On'; \t\techo 'error_log = /dev/stderr'; \t\techo 'log_errors_max_len = 1024'; \t\techo 'ignore_repeated_errors = On'; \t\techo 'ignore_repeated_source = Off'; \t\techo 'html_errors = Off'; \t} > /usr/local/etc/php/conf.d/error-logging.ini")),
    layer("wordpress-apache-modules", 3_174, 1_198, run("set -eux; \ta2enmod rewrite expires; \t\ta2enmod remoteip; \t{ \t\techo 'RemoteIPHeader X-Forwarded-For'; \t\techo 'RemoteIPInternalProxy 10.0.0.0/8'; \t\techo 'RemoteIPInternalProxy 172.16.0.0/12'; \t\techo 'RemoteIPInternalProxy 192.168.0.0/16'; \t} > /etc/apache2/conf-available/remoteip.conf; \ta2enconf remoteip; \tfind /etc/apache2 -type f -name '*.conf' -exec sed -ri 's/([[:space:]]*LogFormat[[:space:]]+\"[^\"]*)%h([^\"]*\")/\\1%a\\2/g' '{}' +")),
    layer("wordpress-6.8.3", 89_571_328, 25_064_720, run('set -eux; \tversion=\'6.8.3\'; \t\tcurl -o wordpress.tar.gz -fL "https://wordpress.org/wordpress-$version.tar.gz"; \t\ttar -xzf wordpress.tar.gz -C /usr/src/; \trm wordpress.tar.gz; \t\t[ ! -e /usr/src/wordpress/.htaccess ]; \t{ \t\techo \'# BEGIN WordPress\'; \t\techo \'\'; \t\techo \'RewriteEngine On\'; \t\techo \'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\'; \t\techo \'RewriteBase /\'; \t\techo \'RewriteRule ^index\\.php$ - [L]\'; \t\techo \'RewriteCond %{REQUEST_FILENAME} !-f\'; \t\techo \'RewriteCond %{REQUEST_FILENAME} !-d\'; \t\techo \'RewriteRule . /index.php [L]\'; \t\techo \'\'; \t\techo \'# END WordPress\'; \t} > /usr/src/wordpress/.htaccess; \t\tchown -R www-data:www-data /usr/src/wordpress; \tmkdir wp-content; \tfor dir in /usr/src/wordpress/wp-content/*/ cache; do \t\tdir="$(basename "${dir%/}")"; \t\tmkdir "wp-content/$dir"; \tdone; \tchown -R www-data:www-data wp-content; \tchmod -R 1777 wp-content'), {
      files: wordpressSources("6.8.3"),
      dirs: ["/usr/src/wordpress/wp-content/plugins", "/usr/src/wordpress/wp-content/themes", "/usr/src/wordpress/wp-admin", "/var/www/html/wp-content/plugins", "/var/www/html/wp-content/themes", "/var/www/html/wp-content/cache"],
    }),
    layer("wordpress-docker-entrypoint.sh", 2_342, 1_153, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", { executables: ["/usr/local/bin/docker-entrypoint.sh"] }),
    layer("wordpress-docker-ensure-installed", 34, 129, run("ln -svfT docker-entrypoint.sh /usr/local/bin/docker-ensure-installed.sh"), { symlinks: { "/usr/local/bin/docker-ensure-installed.sh": "docker-entrypoint.sh" } }),
  ],
  config: config(["apache2-foreground"], {
    Entrypoint: ["docker-entrypoint.sh"],
    Env: [PATH, `PHPIZE_DEPS=${PHPIZE_DEPS}`, "PHP_INI_DIR=/usr/local/etc/php", "APACHE_CONFDIR=/etc/apache2", "APACHE_ENVVARS=/etc/apache2/envvars", "PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64", "PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64", "PHP_LDFLAGS=-Wl,-O1 -pie", "GPG_KEYS=1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4 AFD8691FDAEDF03BDF6E460563F15A9B715376CA", "PHP_VERSION=8.3.27", "PHP_URL=https://www.php.net/distributions/php-8.3.27.tar.xz", "PHP_ASC_URL=https://www.php.net/distributions/php-8.3.27.tar.xz.asc"],
    WorkingDir: "/var/www/html",
    ExposedPorts: ports("80/tcp"),
    Volumes: { "/var/www/html": {} },
    StopSignal: "SIGWINCH",
  }),
  programs: { "/usr/local/bin/docker-entrypoint.sh": "wordpress-entrypoint", "/usr/local/bin/apache2-foreground": "apache2-foreground", "/usr/sbin/apache2": "apache2", "/usr/local/bin/php": "php" },
};

// ---- registry ----

const REGISTRY = { description: "Distribution implementation for storing and distributing of container images and artifacts", stars: 4321, official: true };
const registryEntrypointScript = `#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n`;

function registryImage(version: string, tags: string[], created: string, configPath: string, binary: [number, number], base: CatalogLayer): CatalogImage {
  const v3 = version.startsWith("3");
  return {
    repository: "registry",
    tags,
    ...REGISTRY,
    created,
    layers: [
      base,
      layer(`registry-${version}-ca-certificates`, 716_800, 294_612, run("set -eux; \tapk add --no-cache ca-certificates")),
      layer(`registry-${version}-binary`, binary[0], binary[1], run(`set -eux; \tversion='${version}'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64)  arch='amd64' ;; \t\t*) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;;\tesac; \twget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v\${version}/registry_\${version}_linux_\${arch}.tar.gz"; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version`), { executables: ["/bin/registry"] }),
      layer(`registry-${version}-config`, 295, 310, `COPY ./config-example.yml ${configPath} # buildkit`, { files: { [configPath]: registryConfig("/var/lib/registry") }, dirs: ["/var/lib/registry"] }),
      layer("registry-entrypoint.sh", 155, 281, "COPY docker-entrypoint.sh /entrypoint.sh # buildkit", { files: { "/entrypoint.sh": registryEntrypointScript }, executables: ["/entrypoint.sh"] }),
    ],
    config: config([configPath], {
      Entrypoint: ["/entrypoint.sh"],
      Env: v3 ? [PATH, "OTEL_TRACES_EXPORTER=none"] : [PATH],
      ExposedPorts: ports("5000/tcp"),
      Volumes: { "/var/lib/registry": {} },
    }),
    programs: { "/entrypoint.sh": "registry-entrypoint", "/bin/registry": "registry" },
  };
}

export const webImages: CatalogImage[] = [
  nginxDebian("1.29.3", "trixie", ["latest", "mainline", "1", "1.29", "1.29.3", "trixie", "mainline-trixie", "1-trixie", "1.29-trixie", "1.29.3-trixie"], "2025-11-18T04:24:11Z", [73_207_808, 29_963_972]),
  nginxDebian("1.28.0", "bookworm", ["stable", "1.28", "1.28.0", "stable-bookworm", "1.28-bookworm", "1.28.0-bookworm"], "2025-11-18T04:31:27Z", [69_550_080, 28_411_286]),
  nginxAlpine("1.29.3", alpine322, ["alpine", "mainline-alpine", "1-alpine", "1.29-alpine", "1.29.3-alpine", "alpine3.22", "1.29.3-alpine3.22"], "2025-10-29T15:01:57Z"),
  nginxAlpine("1.28.0", alpine321, ["stable-alpine", "1.28-alpine", "1.28.0-alpine", "stable-alpine3.21", "1.28.0-alpine3.21"], "2025-10-29T15:09:44Z"),
  httpdImage,
  wordpressImage,
  registryImage("3.0.0", ["latest", "3", "3.0", "3.0.0"], "2025-10-08T18:42:03Z", "/etc/distribution/config.yml", [26_324_992, 9_563_842], alpine322),
  registryImage("2.8.3", ["2", "2.8", "2.8.3"], "2025-10-08T18:40:51Z", "/etc/docker/registry/config.yml", [24_805_376, 8_988_233], alpine321),
];
