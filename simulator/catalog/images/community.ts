/** Community (non-official) repositories: what `docker search` lists beside the official images. */
import type { CatalogImage } from "../types.ts";
import { alpine322, bookwormSlim, config, layer, PATH, ports } from "./common.ts";
import { nginxConf, nginxDefaultConf } from "./files.ts";

/** The configuration the nginx program model reads (these images lay it out as the official one does). */
const nginxConfig = { "/etc/nginx/nginx.conf": nginxConf, "/etc/nginx/conf.d/default.conf": nginxDefaultConf };

const community = (repository: string, description: string, stars: number, image: Omit<CatalogImage, "repository" | "description" | "stars" | "official">): CatalogImage => ({
  repository,
  description,
  stars,
  official: false,
  ...image,
});

export const communityImages: CatalogImage[] = [
  community("bitnami/nginx", "Bitnami container image for NGINX", 204, {
    tags: ["latest", "1.29", "1.29.3"],
    created: "2025-11-20T09:12:44Z",
    layers: [
      bookwormSlim,
      layer("bitnami-nginx-1.29.3", 43_401_216, 14_620_117, "COPY --chown=1001:0 prebuildfs / # buildkit", {
        executables: ["/opt/bitnami/nginx/sbin/nginx", "/opt/bitnami/scripts/nginx/entrypoint.sh"],
        files: { ...nginxConfig, "/opt/bitnami/nginx/html/index.html": "<html><body><h1>Welcome to nginx!</h1></body></html>\n" },
      }),
    ],
    config: config(["nginx", "-g", "daemon off;"], {
      Entrypoint: ["/opt/bitnami/scripts/nginx/entrypoint.sh"],
      Env: [`${PATH.replace("PATH=", "PATH=/opt/bitnami/common/bin:/opt/bitnami/nginx/sbin:")}`, "APP_VERSION=1.29.3", "BITNAMI_APP_NAME=nginx"],
      ExposedPorts: ports("8080/tcp", "8443/tcp"),
      User: "1001",
      WorkingDir: "/app",
    }),
    programs: { "/opt/bitnami/nginx/sbin/nginx": "nginx", "/opt/bitnami/scripts/nginx/entrypoint.sh": "nginx-entrypoint" },
  }),
  community("nginxinc/nginx-unprivileged", "Unprivileged NGINX Dockerfiles", 173, {
    tags: ["latest", "alpine", "1.29-alpine"],
    created: "2025-11-19T21:40:03Z",
    layers: [alpine322, layer("nginx-unprivileged-1.29.3-alpine", 44_146_688, 17_920_445, "RUN /bin/sh -c set -x && addgroup -g 101 -S nginx && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx # buildkit", { executables: ["/usr/sbin/nginx", "/docker-entrypoint.sh"], files: nginxConfig, dirs: ["/docker-entrypoint.d", "/var/cache/nginx", "/var/log/nginx"] })],
    config: config(["nginx", "-g", "daemon off;"], { Entrypoint: ["/docker-entrypoint.sh"], ExposedPorts: ports("8080/tcp"), User: "101", StopSignal: "SIGQUIT" }),
    programs: { "/usr/sbin/nginx": "nginx", "/docker-entrypoint.sh": "nginx-entrypoint" },
  }),
  community("bitnami/redis", "Bitnami container image for Redis®", 329, {
    tags: ["latest", "8.2", "8.2.3"],
    created: "2025-11-18T14:02:10Z",
    layers: [bookwormSlim, layer("bitnami-redis-8.2.3", 39_342_080, 12_902_334, "COPY --chown=1001:0 prebuildfs / # buildkit", { executables: ["/opt/bitnami/redis/bin/redis-server", "/opt/bitnami/redis/bin/redis-cli"] })],
    config: config(["redis-server"], { Env: [`${PATH.replace("PATH=", "PATH=/opt/bitnami/redis/bin:")}`, "APP_VERSION=8.2.3", "BITNAMI_APP_NAME=redis"], ExposedPorts: ports("6379/tcp"), User: "1001" }),
    programs: { "/opt/bitnami/redis/bin/redis-server": "redis-server", "/opt/bitnami/redis/bin/redis-cli": "redis-cli" },
  }),
];
