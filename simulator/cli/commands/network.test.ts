import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

describe("networks", () => {
  it("lists the predefined networks", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'")).stdout).toBe("bridge bridge local\nhost host local\nnone null local\n");
  });

  it("lets containers on a user-defined network find each other by name and alias", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker network create shop")).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    await sim.exec("docker run -d --name web --network shop --network-alias store nginx");
    expect((await sim.exec("docker run --rm --network shop busybox wget -qO- http://web")).stdout).toContain("<title>Welcome to nginx!</title>");
    expect((await sim.exec("docker run --rm --network shop busybox ping -c 1 store")).stdout).toMatch(/^PING store \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0/);
    const lookup = await sim.exec("docker run --rm --network shop busybox nslookup web");
    expect(lookup.stdout).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n");
  });

  it("has no names on the default bridge, but addresses work", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker run -d --name plain nginx");
    expect((await sim.exec("docker run --rm busybox ping -c 1 plain")).stderr).toBe("ping: bad address 'plain'\n");
    const ip = (await sim.exec("docker inspect -f '{{.NetworkSettings.IPAddress}}' plain")).stdout.trim();
    expect(ip).toBe("172.17.0.2");
    expect((await sim.exec(`docker run --rm busybox wget -qO- http://${ip}`)).stdout).toContain("Welcome to nginx!");
  });

  it("gives each container an address from its network's subnet, shown inside and by inspect", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker network create --subnet 10.10.0.0/24 lab");
    await sim.exec("docker run -d --name fixed --network lab --ip 10.10.0.50 busybox sleep 600");
    expect((await sim.exec("docker exec fixed hostname -i")).stdout).toBe("10.10.0.50\n");
    expect((await sim.exec("docker exec fixed ip addr")).stdout).toContain("inet 10.10.0.50/24 brd 10.10.0.255 scope global eth0");
    expect((await sim.exec("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' lab")).stdout).toBe("10.10.0.0/24 10.10.0.1\n");
    expect((await sim.exec("docker run --rm --ip 172.17.0.9 busybox true")).stderr).toContain("user specified IP address is supported only when connecting to networks with user configured subnets");
  });

  it("connects and disconnects running containers", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker network create backend");
    await sim.exec("docker run -d --name api nginx");
    await sim.exec("docker run -d --name client --network backend busybox sleep 600");
    expect((await sim.exec("docker exec client ping -c 1 api")).exitCode).toBe(1);
    await sim.exec("docker network connect backend api");
    expect((await sim.exec("docker exec client wget -qO- http://api")).stdout).toContain("Welcome to nginx!");
    await sim.exec("docker network disconnect backend api");
    expect((await sim.exec("docker exec client nslookup api")).stderr).toBe("** server can't find api: NXDOMAIN\n\n");
  });

  it("reports Docker's errors", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker network create dup");
    expect((await sim.exec("docker network create dup")).stderr).toBe("Error response from daemon: network with name dup already exists\n");
    expect((await sim.exec("docker network rm bridge")).stderr).toBe("Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n");
    expect((await sim.exec("docker run --network nope busybox true")).stderr).toBe("docker: Error response from daemon: network nope not found\n\nRun 'docker run --help' for more information\n");
    await sim.exec("docker run -d --name member --network dup busybox sleep 600");
    expect((await sim.exec("docker network rm dup")).stderr).toBe("Error response from daemon: error while removing network: network dup has active endpoints\nexit status 1\n");
    await sim.exec("docker rm -f member");
    expect((await sim.exec("docker network rm dup")).stdout).toBe("dup\n");
  });
});

describe("services across a network", () => {
  it("redis-cli in one container talks to redis in another by name", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker network create app");
    await sim.exec("docker run -d --name cache --network app redis");
    expect((await sim.exec("docker run --rm --network app redis redis-cli -h cache set greeting hi")).stdout).toBe("OK\n");
    expect((await sim.exec("docker run --rm --network app redis redis-cli -h cache get greeting")).stdout).toBe("hi\n");
    expect((await sim.exec("docker run --rm redis redis-cli -h cache ping")).stderr).toBe("Could not connect to Redis at cache:6379: Name or service not known\n");
  });

  it("nc -z tells open ports from closed ones", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull busybox");
    await sim.exec("docker network create app");
    await sim.exec("docker run -d --name web --network app nginx");
    expect((await sim.exec("docker run --rm --network app busybox nc -zv web 80")).stderr).toBe("web (172.18.0.2:80) open\n");
    const closed = await sim.exec("docker run --rm --network app busybox nc -z web 81");
    expect(closed).toMatchObject({ exitCode: 1, stderr: "nc: web (172.18.0.2:81): Connection refused\n" });
  });
});
