import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ComposeError } from "./errors.ts";
import { findComposeFiles, loadProject, memoryHost, normalizeProjectName } from "./load.ts";
import { formatWarning } from "./model.ts";
import { projectToYaml } from "./serialize.ts";
import { SEED_WORDPRESS } from "../../tests/unit/compose-fixtures.ts";

const SEED = new URL("../../../shared/seed/what-is-docker.ko.md", import.meta.url).pathname;

/** The seed's compose example, as printed (with its broken indentation). */
function seedCompose(): string {
  const md = readFileSync(SEED, "utf8");
  const start = md.indexOf("```yaml", md.indexOf("## Docker compose"));
  return md.slice(md.indexOf("\n", start) + 1, md.indexOf("```", start + 7));
}


/** The same application as Docker's own quickstart writes it (volume db_data). */
const DOCS_WORDPRESS = `services:
  db:
    image: mysql:8.0
    volumes:
      - db_data:/var/lib/mysql
    restart: always
    environment:
      MYSQL_ROOT_PASSWORD: somewordpress
      MYSQL_DATABASE: wordpress
      MYSQL_USER: wordpress
      MYSQL_PASSWORD: wordpress
  wordpress:
    depends_on:
      - db
    image: wordpress:latest
    ports:
      - "8000:80"
    restart: always
    environment:
      WORDPRESS_DB_HOST: db:3306
      WORDPRESS_DB_USER: wordpress
      WORDPRESS_DB_PASSWORD: wordpress
volumes:
  db_data: {}
`;

const DIR = "/home/learner/my-blog";
const load = (files: Record<string, string>, env: Record<string, string> = {}, opts = {}, cwd = DIR) =>
  loadProject(memoryHost(files, cwd, env), opts);

async function loadError(p: Promise<unknown>): Promise<ComposeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ComposeError);
    return e as ComposeError;
  }
  throw new Error("expected a ComposeError");
}

describe("the seed's wordpress + mysql example", () => {
  it.skipIf(!existsSync(SEED))("as printed (broken indentation) fails with a YAML error naming the line", async () => {
    const text = seedCompose();
    expect(text).toContain("        depends_on:\n       - db");
    const err = await loadError(load({ [`${DIR}/compose.yaml`]: text }));
    expect(err.kind).toBe("yaml");
    expect(err.message).toBe("yaml: line 5: did not find expected key");
    expect(err.line).toBe(5); // "       - db": dedented under "depends_on:"
    expect(err.column).toBe(8);
    expect(err.file).toBe(`${DIR}/compose.yaml`);
  });

  it("corrected, loads: both services, <project>_default, volumes as <project>_<name>, version warning", async () => {
    const p = await load({ [`${DIR}/docker-compose.yml`]: SEED_WORDPRESS });
    expect(p.name).toBe("my-blog");
    expect(Object.keys(p.services)).toEqual(["db", "wordpress"]);
    expect(p.warnings.map(formatWarning)).toEqual([
      `WARN[0000] ${DIR}/docker-compose.yml: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
    ]);
    expect(projectToYaml(p)).toBe(`name: my-blog
services:
  db:
    environment:
      MYSQL_DATABASE: exampledb
      MYSQL_PASSWORD: examplepass
      MYSQL_RANDOM_ROOT_PASSWORD: "1"
      MYSQL_USER: exampleuser
    image: mysql:5.7
    networks:
      default: null
    restart: always
    volumes:
      - type: volume
        source: db
        target: /var/lib/mysql
        volume: {}
  wordpress:
    depends_on:
      db:
        condition: service_started
        required: true
    environment:
      WORDPRESS_DB_HOST: db
      WORDPRESS_DB_NAME: exampledb
      WORDPRESS_DB_PASSWORD: examplepass
      WORDPRESS_DB_USER: exampleuser
    image: wordpress
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: "80"
        protocol: tcp
    restart: always
    volumes:
      - type: volume
        source: wordpress
        target: /var/www/html
        volume: {}
networks:
  default:
    name: my-blog_default
volumes:
  db:
    name: my-blog_db
  wordpress:
    name: my-blog_wordpress
`);
  });

  it("Docker's quickstart version: db_data becomes <project>_db_data", async () => {
    const p = await load({ [`${DIR}/compose.yaml`]: DOCS_WORDPRESS }, {}, { projectName: "blog" });
    const out = projectToYaml(p);
    expect(out).toContain("networks:\n  default:\n    name: blog_default\n");
    expect(out).toContain("volumes:\n  db_data:\n    name: blog_db_data\n");
    expect(out).toContain('        published: "8000"');
    expect(out).toContain("      WORDPRESS_DB_HOST: db:3306");
    expect(p.warnings).toEqual([]);
  });
});

describe("finding the compose file", () => {
  it("uses compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml in that order, warning on several", async () => {
    const warns: string[] = [];
    const all = { [`${DIR}/docker-compose.yaml`]: "", [`${DIR}/docker-compose.yml`]: "", [`${DIR}/compose.yml`]: "" };
    expect(await findComposeFiles(memoryHost(all, DIR), {}, (w) => warns.push(w))).toEqual([`${DIR}/compose.yml`]);
    expect(warns[1]).toBe(`Using ${DIR}/compose.yml`);
    expect(await findComposeFiles(memoryHost({ [`${DIR}/docker-compose.yaml`]: "" }, DIR))).toEqual([`${DIR}/docker-compose.yaml`]);
  });
  it("walks up from the working directory and adds the override file", async () => {
    const host = memoryHost({ [`${DIR}/compose.yaml`]: "", [`${DIR}/compose.override.yaml`]: "", [`${DIR}/src/app.js`]: "" }, `${DIR}/src`);
    expect(await findComposeFiles(host)).toEqual([`${DIR}/compose.yaml`, `${DIR}/compose.override.yaml`]);
  });
  it("fails like compose when there is none", async () => {
    const err = await loadError(load({ [`${DIR}/readme.md`]: "" }));
    expect(err.message).toBe("no configuration file provided: not found");
    const err2 = await loadError(load({ [`${DIR}/compose.yaml`]: "" }, {}, { files: ["other.yaml"] }));
    expect(err2.message).toBe(`open ${DIR}/other.yaml: no such file or directory`);
  });
  it("merges -f files in order", async () => {
    const p = await load(
      {
        [`${DIR}/compose.yaml`]: "services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n    environment: [A=1, B=2]\n    command: echo one\n",
        [`${DIR}/prod.yaml`]: "services:\n  web:\n    image: nginx:1.27\n    ports: ['8443:443']\n    environment:\n      B: three\n    command: [echo, two]\n  cache:\n    image: redis\n",
      },
      {},
      { files: ["compose.yaml", "prod.yaml"] },
    );
    expect(p.composeFiles).toEqual([`${DIR}/compose.yaml`, `${DIR}/prod.yaml`]);
    const web = p.services["web"]!;
    expect(web.image).toBe("nginx:1.27");
    expect(web.ports?.map((x) => x.published)).toEqual(["8080", "8443"]);
    expect(web.environment).toEqual({ A: "1", B: "three" });
    expect(web.command).toEqual(["echo", "two"]);
    expect(Object.keys(p.services)).toEqual(["cache", "web"]);
  });
});

describe("project name", () => {
  const file = { [`${DIR}/compose.yaml`]: "name: From_File\nservices:\n  web:\n    image: nginx\n" };
  const noName = { [`/home/learner/My Blog.v2/compose.yaml`]: "services:\n  web:\n    image: nginx\n" };
  it("normalises like compose", () => {
    expect(normalizeProjectName("My Blog.v2")).toBe("myblogv2");
    expect(normalizeProjectName("__Hello-World")).toBe("hello-world");
    expect(normalizeProjectName("ÄÖ")).toBe("");
  });
  it("-p wins, and must already be valid", async () => {
    expect((await load(file, { COMPOSE_PROJECT_NAME: "fromenv" }, { projectName: "cli" })).name).toBe("cli");
    const err = await loadError(load(file, {}, { projectName: "Bad Name" }));
    expect(err.message).toBe(
      'invalid project name "Bad Name": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number',
    );
  });
  it("then COMPOSE_PROJECT_NAME (OS environment or .env), then name:, then the folder", async () => {
    expect((await load(file, { COMPOSE_PROJECT_NAME: "fromenv" })).name).toBe("fromenv");
    expect((await load({ ...file, [`${DIR}/.env`]: "COMPOSE_PROJECT_NAME=dotenv\n" })).name).toBe("dotenv");
    expect((await load(file)).name).toBe("from_file");
    expect((await load(noName, {}, {}, "/home/learner/My Blog.v2")).name).toBe("myblogv2");
  });
  it("name: is interpolated, and ${COMPOSE_PROJECT_NAME} is available to the file", async () => {
    const p = await load({
      [`${DIR}/compose.yaml`]: "name: ${APP:-demo}\nservices:\n  web:\n    image: nginx\n    container_name: ${COMPOSE_PROJECT_NAME}-web\n",
    });
    expect(p.name).toBe("demo");
    expect(p.services["web"]!.container_name).toBe("demo-web");
  });
  it("an empty name is an error", async () => {
    const err = await loadError(load({ "/ÄÖ/compose.yaml": "services:\n  web:\n    image: nginx\n" }, {}, {}, "/ÄÖ"));
    expect(err.message).toBe("project name must not be empty");
  });
});

describe(".env and interpolation", () => {
  const compose = `services:
  web:
    image: "nginx:\${TAG:-latest}"
    ports:
      - "\${PORT}:80"
    environment:
      GREETING: \${GREETING}
      LITERAL: "$$HOME"
      FROM_SHELL:
`;
  it("reads .env from the project folder; the OS environment wins", async () => {
    const p = await load(
      { [`${DIR}/compose.yaml`]: compose, [`${DIR}/.env`]: "TAG=1.27\nPORT=8080\nGREETING='hi there'\n" },
      { PORT: "9090", FROM_SHELL: "yes" },
    );
    const web = p.services["web"]!;
    expect(web.image).toBe("nginx:1.27");
    expect(web.ports?.[0]?.published).toBe("9090");
    expect(web.environment).toEqual({ FROM_SHELL: "yes", GREETING: "hi there", LITERAL: "$HOME" });
    expect(p.warnings).toEqual([]);
  });
  it("warns for unset variables in compose's words", async () => {
    const p = await load({ [`${DIR}/compose.yaml`]: compose }, { PORT: "80" });
    expect(p.warnings.map(formatWarning)).toEqual([
      'WARN[0000] The "GREETING" variable is not set. Defaulting to a blank string.',
    ]);
    expect(p.services["web"]!.environment).toEqual({ FROM_SHELL: null, GREETING: "", LITERAL: "$HOME" });
  });
  it("required variables fail with compose's error", async () => {
    const err = await loadError(load({ [`${DIR}/compose.yaml`]: "services:\n  db:\n    image: mysql\n    environment:\n      MYSQL_ROOT_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n" }));
    expect(err.kind).toBe("interpolation");
    expect(err.message).toBe(
      "error while interpolating services.db.environment.MYSQL_ROOT_PASSWORD: required variable DB_PASSWORD is missing a value: set DB_PASSWORD in .env",
    );
  });
  it("--env-file replaces .env", async () => {
    const p = await load(
      { [`${DIR}/compose.yaml`]: "services:\n  web:\n    image: nginx:${TAG}\n", [`${DIR}/.env`]: "TAG=a\n", [`${DIR}/prod.env`]: "TAG=b\n" },
      {},
      { envFiles: ["prod.env"] },
    );
    expect(p.services["web"]!.image).toBe("nginx:b");
  });
  it("env_file is loaded into environment (environment wins), relative to the project", async () => {
    const p = await load({
      [`${DIR}/compose.yaml`]: "services:\n  web:\n    image: nginx\n    env_file: [web.env, {path: missing.env, required: false}]\n    environment:\n      B: override\n",
      [`${DIR}/web.env`]: "A=1\nB=2\n",
    });
    expect(p.services["web"]!.environment).toEqual({ A: "1", B: "override" });
    expect(p.services["web"]!["env_file"]).toBeUndefined();
    const err = await loadError(load({ [`${DIR}/compose.yaml`]: "services:\n  web:\n    image: nginx\n    env_file: nope.env\n" }));
    expect(err.message).toBe(`env file ${DIR}/nope.env not found: stat ${DIR}/nope.env: no such file or directory`);
  });
});

describe("normalised model (docker compose config)", () => {
  it("fills defaults and long syntaxes", async () => {
    const p = await load(
      {
        [`${DIR}/compose.yaml`]: `services:
  app:
    build: ./app
    command: sh -c 'npm start'
    entrypoint: ["/init"]
    expose: [3000, "3001"]
    ports:
      - "127.0.0.1:8080:80/udp"
      - "9000-9001:9000-9001"
      - 5000
      - target: 443
        published: 8443
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - data:/data
      - /cache
      - ~/.npmrc:/root/.npmrc
    healthcheck:
      test: curl -f http://localhost
      interval: 90s
      timeout: 1500ms
      retries: 3
    deploy:
      replicas: 2
    depends_on:
      db:
        condition: service_healthy
    restart: unless-stopped
    networks: [front]
  db:
    image: postgres
    networks:
      back:
        aliases: [database]
networks:
  front:
  back:
    driver: bridge
  outside:
    external: true
volumes:
  data:
    external: true
`,
      },
      { HOME: "/home/learner" },
    );
    const app = p.services["app"]!;
    expect(app.build).toEqual({ context: `${DIR}/app`, dockerfile: "Dockerfile" });
    expect(app.command).toEqual(["sh", "-c", "npm start"]);
    expect(app.entrypoint).toEqual(["/init"]);
    expect(app.expose).toEqual(["3000", "3001"]);
    expect(app.ports).toEqual([
      { mode: "ingress", host_ip: "127.0.0.1", target: 80, published: "8080", protocol: "udp" },
      { mode: "ingress", target: 9000, published: "9000", protocol: "tcp" },
      { mode: "ingress", target: 9001, published: "9001", protocol: "tcp" },
      { mode: "ingress", target: 5000, protocol: "tcp" },
      { mode: "ingress", target: 443, published: "8443", protocol: "tcp" },
    ]);
    expect(app.volumes).toEqual([
      { type: "bind", source: `${DIR}/html`, target: "/usr/share/nginx/html", read_only: true, bind: { create_host_path: true } },
      { type: "volume", source: "data", target: "/data", volume: {} },
      { type: "volume", target: "/cache", volume: {} },
      { type: "bind", source: "/home/learner/.npmrc", target: "/root/.npmrc", bind: { create_host_path: true } },
    ]);
    expect(app.healthcheck).toEqual({ test: ["CMD-SHELL", "curl -f http://localhost"], timeout: "1.5s", interval: "1m30s", retries: 3 });
    expect(app.deploy).toEqual({ replicas: 2 });
    expect(app.depends_on).toEqual({ db: { condition: "service_healthy", required: true } });
    expect(app.networks).toEqual({ front: null });
    expect(p.services["db"]!.networks).toEqual({ back: { aliases: ["database"] } });
    expect(p.networks).toEqual({
      back: { name: "my-blog_back", driver: "bridge" },
      front: { name: "my-blog_front" },
      outside: { name: "outside", external: true },
    });
    expect(p.volumes).toEqual({ data: { name: "data", external: true } });
    const yaml = projectToYaml(p);
    expect(yaml).toContain("    healthcheck:\n      test:\n        - CMD-SHELL\n        - curl -f http://localhost\n      timeout: 1.5s\n      interval: 1m30s\n      retries: 3\n");
    expect(yaml.indexOf("services:")).toBeLessThan(yaml.indexOf("\nnetworks:"));
    expect(yaml.indexOf("\nnetworks:")).toBeLessThan(yaml.indexOf("\nvolumes:"));
  });

  it("consistency errors use compose's text", async () => {
    const one = (body: string) => load({ [`${DIR}/compose.yaml`]: body });
    expect((await loadError(one("services:\n  web:\n    image: a\n    depends_on: [db]\n"))).message).toBe(
      'service "web" depends on undefined service "db": invalid compose project',
    );
    expect((await loadError(one("services:\n  web:\n    image: a\n    volumes: ['data:/data']\n"))).message).toBe(
      'service "web" refers to undefined volume data: invalid compose project',
    );
    expect((await loadError(one("services:\n  web:\n    image: a\n    networks: [front]\n"))).message).toBe(
      'service "web" refers to undefined network front: invalid compose project',
    );
    expect(
      (await loadError(one("services:\n  a:\n    image: a\n    depends_on: [b]\n  b:\n    image: b\n    depends_on: [a]\n"))).message,
    ).toBe("dependency cycle detected: a -> b -> a");
  });

  it("common mistakes give compose's schema errors", async () => {
    const one = (body: string) => load({ [`${DIR}/compose.yaml`]: body });
    const f = `${DIR}/compose.yaml`;
    expect((await loadError(one("services:\n  web:\n    imagee: nginx\n"))).message).toBe(
      `validating ${f}: services.web additional properties 'imagee' not allowed`,
    );
    expect((await loadError(one("services:\n  web:\n    image: nginx\n    ports: 80:80\n"))).message).toBe(
      `validating ${f}: services.web.ports must be a array`,
    );
    expect((await loadError(one("services:\n  web:\n    image: nginx\n    restart: 3\n"))).message).toBe(
      `validating ${f}: services.web.restart must be a string`,
    );
    expect((await loadError(one("services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: started\n  db:\n    image: a\n"))).message).toBe(
      `validating ${f}: services.web.depends_on.db.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'`,
    );
    expect((await loadError(one("service:\n  web:\n    image: nginx\n"))).message).toBe(
      `validating ${f}:  additional properties 'service' not allowed`,
    );
    expect((await loadError(one(""))).message).toBe("empty compose file");
    expect((await loadError(one("- a\n- b\n"))).message).toBe("top-level object must be a mapping");
  });

  it("extends within a file and from another file", async () => {
    const p = await load({
      [`${DIR}/compose.yaml`]: "services:\n  base:\n    image: node\n    environment: [A=1]\n  web:\n    extends: base\n    environment: [B=2]\n  api:\n    extends:\n      file: common/base.yaml\n      service: svc\n",
      [`${DIR}/common/base.yaml`]: "services:\n  svc:\n    build: .\n    command: node server.js\n",
    });
    expect(p.services["web"]!.environment).toEqual({ A: "1", B: "2" });
    expect(p.services["web"]!.image).toBe("node");
    expect(p.services["api"]!.build).toEqual({ context: `${DIR}/common`, dockerfile: "Dockerfile" });
  });
});
