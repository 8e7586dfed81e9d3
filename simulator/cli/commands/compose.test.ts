import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const APP = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - cache
  cache:
    image: redis
    volumes:
      - data:/data
volumes:
  data:
`;

async function withApp(text = APP) {
  const { sim } = testSimulator();
  await sim.exec("mkdir -p shop && cd shop");
  await sim.exec(`cat > compose.yaml <<'EOF'\n${text}EOF`);
  return sim;
}

describe("docker compose", () => {
  it("prints the resolved project, named after its folder", async () => {
    const sim = await withApp();
    const r = await sim.exec("docker compose config");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("name: shop\nservices:\n  cache:\n    image: redis\n");
    expect(r.stdout).toContain("    ports:\n      - mode: ingress\n        target: 80\n        published: \"8080\"\n        protocol: tcp\n");
    expect(r.stdout).toContain("networks:\n  default:\n    name: shop_default\nvolumes:\n  data:\n    name: shop_data\n");
  });

  it("lists services in start order, volumes and images; -q only validates", async () => {
    const sim = await withApp();
    expect((await sim.exec("docker compose config --services")).stdout).toBe("cache\nweb\n");
    expect((await sim.exec("docker compose config --volumes")).stdout).toBe("data\n");
    expect((await sim.exec("docker compose config --images")).stdout).toBe("redis\nnginx\n");
    expect(await sim.exec("docker compose config -q")).toMatchObject({ stdout: "", exitCode: 0 });
    expect((await sim.exec("docker compose -p Bad! config")).stderr).toContain('invalid project name "Bad!"');
    expect((await sim.exec("docker compose -p blog config")).stdout).toContain("name: blog\n");
  });

  it("says when there is no compose file", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker compose config")).toMatchObject({ stderr: "no configuration file provided: not found\n", exitCode: 1 });
  });

  it("reports broken YAML and schema errors in Compose's words", async () => {
    let sim = await withApp("services:\n  web:\n    image: nginx\n   ports: [80]\n");
    let r = await sim.exec("docker compose config");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^yaml: line \d+: /);
    sim = await withApp("services:\n  web:\n    image: nginx\n    ports: 80\n");
    r = await sim.exec("docker compose config");
    expect(r).toMatchObject({ exitCode: 1 });
    expect(r.stderr).toContain("services.web.ports must be a array");
  });

  it("warns about the obsolete version attribute", async () => {
    const sim = await withApp(`version: "3.8"\n${APP}`);
    const r = await sim.exec("docker compose config --services");
    expect(r.stderr).toContain("WARN[0000] /home/");
    expect(r.stderr).toContain("the attribute `version` is obsolete");
    expect(r.stdout).toBe("cache\nweb\n");
  });

  it("prints its version, and is plain about what it cannot do yet", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker compose version")).stdout).toMatch(/^Docker Compose version v5\.\d+\.\d+\n$/);
    expect(await sim.exec("docker compose watch")).toMatchObject({ exitCode: 1, stderr: expect.stringContaining("not simulated yet") });
    expect(await sim.exec("docker compose frobnicate")).toMatchObject({ exitCode: 1, stderr: 'unknown docker command: "compose frobnicate"\n' });
    expect((await sim.exec("docker compose --help")).stdout).toContain("Usage:  docker compose [OPTIONS] COMMAND");
  });

  it("answers to the standalone docker-compose name too", async () => {
    const sim = await withApp();
    expect(await sim.exec("docker-compose config --services")).toMatchObject({ stdout: "cache\nweb\n", exitCode: 0 });
    expect((await sim.exec("docker-compose version")).stdout).toMatch(/^Docker Compose version v5\./);
  });
});
