import type { Program } from "../../engine/process.ts";
import { hello } from "./hello.ts";
import { busyboxHttpd } from "./busybox-httpd.ts";
import { apache2, apache2Foreground, httpd, httpdForeground, php } from "./httpd.ts";
import { mysqlClient, mysqld, mysqlEntrypoint } from "./mysql.ts";
import { nginx, nginxEntrypoint } from "./nginx.ts";
import { node, nodeEntrypoint, npm, npx, yarn } from "./node.ts";
import { postgres, postgresEntrypoint, psql } from "./postgres.ts";
import { flaskCli, pip, python, systemPythonPrograms } from "./python.ts";
import { aptCli, aptGet } from "./apt.ts";
import { apk } from "./apk.ts";
import { gcc, git, make, nano, vim } from "./tools.ts";
import { redisCli, redisEntrypoint, redisServer } from "./redis.ts";
import { registry, registryEntrypoint } from "./registry.ts";
import { wordpressEntrypoint } from "./wordpress.ts";

/**
 * Program models by name, as `CatalogImage.programs` refers to them. The entrypoint models run the
 * real script's steps and then `exec "$@"` (see execNext in service.ts).
 */
export const programs: Record<string, Program> = {
  hello,
  "busybox-httpd": busyboxHttpd,
  nginx,
  "nginx-entrypoint": nginxEntrypoint,
  httpd,
  "httpd-foreground": httpdForeground,
  apache2,
  "apache2-foreground": apache2Foreground,
  php,
  "wordpress-entrypoint": wordpressEntrypoint,
  "redis-server": redisServer,
  "redis-cli": redisCli,
  "redis-entrypoint": redisEntrypoint,
  mysqld,
  mysql: mysqlClient,
  "mysql-entrypoint": mysqlEntrypoint,
  postgres,
  psql,
  "postgres-entrypoint": postgresEntrypoint,
  registry,
  "registry-entrypoint": registryEntrypoint,
  python,
  pip,
  node,
  npm,
  npx,
  yarn,
  "node-entrypoint": nodeEntrypoint,
  "apt-get": aptGet,
  apt: aptCli,
  apk,
  git,
  vim,
  nano,
  gcc,
  make,
  "flask-cli": flaskCli,
  ...systemPythonPrograms(),
};
