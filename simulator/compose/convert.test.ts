import { describe, expect, it } from "vitest";
import { containerPlan, serviceHash } from "./convert.ts";
import { loadProject, memoryHost } from "./index.ts";

async function project(yaml: string) {
  return loadProject(memoryHost({ "/p/shop/compose.yaml": yaml }, "/p/shop"), {});
}

describe("containerPlan", () => {
  it("turns a service into the create body compose sends", async () => {
    const p = await project(`services:
  web:
    image: nginx
    command: ["nginx", "-g", "daemon off;"]
    restart: on-failure:3
    ports: ["127.0.0.1:8080:80", "443"]
    expose: ["9000-9001/udp"]
    environment: { A: "1", UNSET: null }
    volumes: ["data:/data:ro", "./html:/usr/share/nginx/html", "/scratch"]
    healthcheck:
      test: curl -f localhost
      interval: 1m30s
      retries: 5
    stop_signal: SIGQUIT
    networks:
      front: { aliases: [www], priority: 10 }
      default:
    depends_on:
      db: { condition: service_healthy, restart: true }
  db:
    image: redis
networks: { front: {} }
volumes: { data: {} }
`);
    const plan = containerPlan(p, "web", 2, { imageId: "sha256:abc" });
    expect(plan.name).toBe("shop-web-2");
    expect(plan.config).toMatchObject({
      Image: "nginx",
      Cmd: ["nginx", "-g", "daemon off;"],
      Env: ["A=1"],
      ExposedPorts: { "80/tcp": {}, "443/tcp": {}, "9000/udp": {}, "9001/udp": {} },
      Healthcheck: { Test: ["CMD-SHELL", "curl -f localhost"], Interval: 90e9, Retries: 5 },
      StopSignal: "SIGQUIT",
      NetworkingConfig: { Aliases: ["shop-web-2", "web", "www"] },
      HostConfig: {
        RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 },
        PortBindings: { "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }], "443/tcp": [{ HostIp: "", HostPort: "" }] },
        Binds: ["/p/shop/html:/usr/share/nginx/html"],
        Mounts: [{ Type: "volume", Source: "shop_data", Target: "/data", ReadOnly: true }, { Type: "volume", Target: "/scratch" }],
        NetworkMode: "shop_front",
      },
    });
    expect(plan.config.Labels).toMatchObject({ "com.docker.compose.depends_on": "db:service_healthy:true", "com.docker.compose.container-number": "2", "com.docker.compose.image": "sha256:abc" });
    expect(plan.connect).toEqual([{ network: "shop_default", aliases: ["shop-web-2", "web"] }]);
  });

  it("names one-off containers <project>-<service>-run-<id> without the service's aliases or ports", async () => {
    const p = await project("services:\n  web:\n    image: nginx\n    ports: ['80:80']\n");
    const plan = containerPlan(p, "web", 1, { oneOff: { slug: "0123456789abcdef" }, command: ["sh"], autoRemove: true });
    expect(plan.name).toBe("shop-web-run-0123456789ab");
    expect(plan.config.Labels!["com.docker.compose.oneoff"]).toBe("True");
    expect(plan.config.HostConfig).toMatchObject({ AutoRemove: true, RestartPolicy: { Name: "no" } });
    expect(plan.config.HostConfig!.PortBindings).toBeUndefined();
    expect(plan.config.NetworkingConfig!.Aliases).toEqual(["shop-web-run-0123456789ab"]);
  });

  it("hashes what makes a container different, not the replica count or the dependencies", async () => {
    const a = await project("services:\n  web:\n    image: nginx\n");
    const b = await project("services:\n  web:\n    image: nginx\n    deploy: { replicas: 3 }\n    depends_on: [db]\n  db: { image: redis }\n");
    const c = await project("services:\n  web:\n    image: nginx\n    environment: [A=1]\n");
    expect(serviceHash(a.services["web"]!)).toBe(serviceHash(b.services["web"]!));
    expect(serviceHash(a.services["web"]!)).not.toBe(serviceHash(c.services["web"]!));
  });
});
