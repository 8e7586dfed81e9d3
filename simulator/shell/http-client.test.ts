import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

/** Every byte value once, 0x00 to 0xff: not UTF-8, so any text round trip shows. */
const ALL_BYTES_BASE64 = btoa(String.fromCharCode(...Uint8Array.from({ length: 256 }, (_, i) => i)));
const ALL_BYTES_MD5 = "e2c865db4162bed963bfaa9ef6ac18f0";

/** nginx on host port 8080 serving bytes.bin (all 256 byte values) and a UTF-8 page. */
async function binarySite() {
  const { sim } = testSimulator();
  await sim.exec("docker run -d --name web -p 8080:80 nginx:alpine");
  await sim.exec(`echo ${ALL_BYTES_BASE64} | base64 -d > bytes.bin && echo 'héllo ✓' > page.html`);
  expect((await sim.exec("docker cp bytes.bin web:/usr/share/nginx/html/ && docker cp page.html web:/usr/share/nginx/html/")).exitCode).toBe(0);
  return sim;
}

describe("curl and wget on the host save binary responses byte for byte", () => {
  it("curl -o writes the bytes nginx sends, and -I shows their length", async () => {
    const sim = await binarySite();
    expect(await sim.exec("curl -s -o got.bin localhost:8080/bytes.bin")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
    expect((await sim.exec("md5sum got.bin; wc -c got.bin")).stdout).toBe(`${ALL_BYTES_MD5}  got.bin\n256 got.bin\n`);
    const head = (await sim.exec("curl -sI localhost:8080/bytes.bin")).stdout;
    expect(head).toContain("Content-Length: 256\r\n");
    expect(head).toContain("Content-Type: application/octet-stream\r\n");
    expect((await sim.exec("docker logs web")).stdout).toMatch(/"GET \/bytes\.bin HTTP\/1\.1" 200 256 /);
  });

  it("curl -i -o puts the headers before the bytes", async () => {
    const sim = await binarySite();
    await sim.exec("curl -s -i -o full.bin localhost:8080/bytes.bin");
    expect((await sim.exec("head -n 1 full.bin")).stdout).toBe("HTTP/1.1 200 OK\r\n");
    expect((await sim.exec("tail -c 256 full.bin | md5sum")).stdout).toBe(`${ALL_BYTES_MD5}  -\n`);
  });

  it("wget saves the bytes and reports their count", async () => {
    const sim = await binarySite();
    const r = await sim.exec("wget localhost:8080/bytes.bin");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("Length: 256 [application/octet-stream]\nSaving to: ‘bytes.bin.1’\n");
    expect(r.stderr).toMatch(/‘bytes\.bin\.1’ saved \[256\/256\]\n/);
    expect((await sim.exec("md5sum bytes.bin.1")).stdout).toBe(`${ALL_BYTES_MD5}  bytes.bin.1\n`);
    expect((await sim.exec("wget -q -O copy.bin localhost:8080/bytes.bin && md5sum copy.bin")).stdout).toBe(`${ALL_BYTES_MD5}  copy.bin\n`);
  });

  it("keeps UTF-8 text as text and counts it in bytes", async () => {
    const sim = await binarySite();
    expect((await sim.exec("curl -s localhost:8080/page.html")).stdout).toBe("héllo ✓\n");
    const r = await sim.exec("wget -O page.out localhost:8080/page.html");
    expect(r.stderr).toContain("Length: 11 [text/html]\n");
    expect((await sim.exec("cat page.out")).stdout).toBe("héllo ✓\n");
  });
});
