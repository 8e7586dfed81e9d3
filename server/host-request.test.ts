import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError } from "../simulator/backend/errors.ts";
import type { ContainerSummary } from "../simulator/backend/api-types.ts";
import { checkHostRequest, hostRequest, publishedAddress, sendHostRequest } from "./host-request.ts";
import { decodeExtractEntries, readTar, tarArchive } from "./tar.ts";

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const unix = { host: "unix:///var/run/docker.sock", socketPath: "/var/run/docker.sock" };
const running = (ports: ContainerSummary["Ports"]) => [{ Ports: ports } as ContainerSummary];

describe("requests from the page for the host's curl", () => {
  const reason = (port: unknown, request: unknown) => {
    try {
      checkHostRequest(port, request);
      return "accepted";
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as Error).message;
    }
  };

  it("accepts what curl sends and drops headers the gateway owns", () => {
    const { request } = checkHostRequest(8080, { method: "post", path: "/a?b=1", headers: { Host: "localhost:8080", Connection: "upgrade", Upgrade: "websocket", "X-Test": "1" }, body: "x=1" });
    expect(request).toEqual({ method: "POST", path: "/a?b=1", headers: { Host: "localhost:8080", "X-Test": "1" }, body: "x=1" });
  });

  it("refuses bad ports, paths, methods and headers with a clear error", () => {
    expect(reason(0, {})).toBe("invalid host request: the port must be a whole number from 1 to 65535");
    expect(reason("8080", {})).toBe("invalid host request: the port must be a whole number from 1 to 65535");
    expect(reason(65536, {})).toBe("invalid host request: the port must be a whole number from 1 to 65535");
    expect(reason(80, "GET /")).toBe("invalid host request: expected a request object");
    expect(reason(80, { path: "/ HTTP/1.1\r\nHost: evil" })).toBe("invalid host request: the path must start with / and hold printable ASCII without spaces");
    expect(reason(80, { path: "http://169.254.169.254/" })).toBe("invalid host request: the path must start with / and hold printable ASCII without spaces");
    expect(reason(80, { method: "GET /x" })).toBe("invalid host request: the method is not an HTTP method name");
    expect(reason(80, { headers: { "X-A": "1\r\nX-B: 2" } })).toBe("invalid host request: the value of the header X-A is not valid");
    expect(reason(80, { headers: { "Bad Name": "1" } })).toBe('invalid host request: the header name "Bad Name" is not valid');
    expect(reason(80, { headers: ["a"] })).toBe("invalid host request: the headers are not a map");
    expect(reason(80, { body: 42 })).toBe("invalid host request: the body is not text");
    expect(reason(80, { body: "x".repeat(1024 * 1024 + 1) })).toBe("invalid host request: the body is larger than 1 MiB");
  });
});

describe("which ports a session may reach", () => {
  it("allows ports its running containers publish where localhost reaches them", () => {
    expect(publishedAddress(running([{ IP: "127.0.0.1", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }]), 8080, unix)).toBe("127.0.0.1");
    expect(publishedAddress(running([{ IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }, { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }]), 8080, unix)).toBe("127.0.0.1");
    expect(publishedAddress(running([{ IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }]), 8080, unix)).toBe("::1");
  });

  it("refuses other ports, UDP, unpublished and non-loopback bindings", () => {
    const ports = running([{ IP: "127.0.0.1", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }, { IP: "127.0.0.1", PrivatePort: 53, PublicPort: 5353, Type: "udp" }, { PrivatePort: 9000, Type: "tcp" }, { IP: "192.0.2.7", PrivatePort: 81, PublicPort: 8081, Type: "tcp" }]);
    expect(publishedAddress(ports, 8081, unix)).toBeUndefined();
    expect(publishedAddress(ports, 5353, unix)).toBeUndefined();
    expect(publishedAddress(ports, 9000, unix)).toBeUndefined();
    expect(publishedAddress(ports, 2376, unix)).toBeUndefined();
    expect(publishedAddress([], 8080, unix)).toBeUndefined();
  });

  it("reaches a dockerd over tcp:// on its own machine, only through bindings on every interface", () => {
    const tcp = { host: "tcp://docker.example:2375", hostname: "docker.example", port: 2375 };
    expect(publishedAddress(running([{ IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }]), 8080, tcp)).toBe("docker.example");
    expect(publishedAddress(running([{ IP: "127.0.0.1", PrivatePort: 80, PublicPort: 8080, Type: "tcp" }]), 8080, tcp)).toBeUndefined();
  });

  it("answers refused without connecting when the session does not publish the port", async () => {
    let asked = 0;
    const result = await hostRequest(async () => (asked++, []), unix, 8080, { method: "GET", path: "/", headers: {}, body: "" });
    expect(result).toBe("refused");
    expect(asked).toBe(1);
  });
});

describe("sending a request", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/binary") {
        res.writeHead(200, { "Content-Type": "application/octet-stream" });
        res.end(Buffer.from(allBytes));
      } else if (req.url === "/big") res.end(Buffer.alloc(4096, 97));
      else if (req.url === "/hang") req.on("data", () => {});
      else if (req.url === "/drop") req.socket.destroy();
      else {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          res.writeHead(201, [["X-Echo-Method", req.method ?? ""], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]);
          res.end(`${req.headers["host"]} ${body}`);
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, limits?: { timeoutMs: number; maxBytes: number }) => sendHostRequest("127.0.0.1", port, { method: "GET", path, headers: { Host: `localhost:${port}` }, body: "" }, undefined, limits);

  it("returns status, headers as the server spelled them, and the body as base64", async () => {
    const r = await sendHostRequest("127.0.0.1", port, { method: "PUT", path: "/echo", headers: { Host: `localhost:${port}` }, body: "héllo" });
    expect(r).toMatchObject({ status: 201, headers: { "X-Echo-Method": "PUT", "Set-Cookie": "a=1, b=2" } });
    expect(Buffer.from((r as { bodyBase64: string }).bodyBase64, "base64").toString("utf8")).toBe(`localhost:${port} héllo`);
  });

  it("keeps every byte of a binary body", async () => {
    const r = await get("/binary");
    expect([...Buffer.from((r as { bodyBase64: string }).bodyBase64, "base64")]).toEqual([...allBytes]);
  });

  it("answers refused for a closed port and reset for a dropped connection", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await sendHostRequest("127.0.0.1", free, { method: "GET", path: "/", headers: {}, body: "" })).toBe("refused");
    expect(await get("/drop")).toBe("reset");
  });

  it("drops the answer when the port stopped being the session's while the request ran", async () => {
    const published = running([{ IP: "127.0.0.1", PrivatePort: 80, PublicPort: port, Type: "tcp" }]);
    const request = { method: "GET", path: "/binary", headers: {}, body: "" };
    expect(await hostRequest(async () => published, unix, port, request)).toMatchObject({ status: 200 });
    let calls = 0;
    expect(await hostRequest(async () => (calls++ === 0 ? published : []), unix, port, request)).toBe("reset");
  });

  it("stops at the size and time limits with the gateway's reason", async () => {
    await expect(get("/big", { timeoutMs: 5000, maxBytes: 1024 })).rejects.toThrow(`the answer from localhost:${port} is larger than`);
    await expect(get("/hang", { timeoutMs: 200, maxBytes: 1024 })).rejects.toThrow(`localhost:${port} did not answer within 0.2 seconds (the Dockyard gateway's limit)`);
  });
});

describe("docker cp archives", () => {
  it("reads a binary file back as bytes and a text file as text", () => {
    const entries = readTar(tarArchive([{ path: "d", type: "dir" }, { path: "d/blob.bin", type: "file", bytes: allBytes }, { path: "d/a.txt", type: "file", content: "héllo\n" }]));
    expect(entries.map((e) => e.path)).toEqual(["d", "d/blob.bin", "d/a.txt"]);
    expect([...(entries[1]!.bytes ?? [])]).toEqual([...allBytes]);
    expect(entries[1]!.content).toBeUndefined();
    expect(entries[2]!.content).toBe("héllo\n");
  });

  it("checks what the page sends to copy in, decoding base64", () => {
    const files = decodeExtractEntries([{ path: "blob.bin", type: "file", bytesBase64: Buffer.from(allBytes).toString("base64"), mode: 0o4755 }, { path: "l", type: "symlink", linkTarget: "blob.bin" }]);
    expect([...(files[0]!.bytes ?? [])]).toEqual([...allBytes]);
    expect(files[0]!.mode).toBe(0o755);
    expect(files[1]).toEqual({ path: "l", type: "symlink", linkTarget: "blob.bin" });
    expect(() => decodeExtractEntries("x")).toThrow("invalid copy: expected a list of files");
    expect(() => decodeExtractEntries([{ path: "a", type: "file", bytesBase64: "%%" }])).toThrow('invalid copy: the bytes of "a" are not valid base64');
    expect(() => decodeExtractEntries([{ path: "a", type: "file", bytes: { buffer: 1 } }])).not.toThrow();
    expect(() => decodeExtractEntries([{ path: "a", type: "fifo" }])).toThrow('invalid copy: "a" is not a file, a folder or a link');
  });
});
