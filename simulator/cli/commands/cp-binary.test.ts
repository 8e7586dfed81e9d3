import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

/** Every byte value once, 0x00 to 0xff: not UTF-8, so any text round trip shows. */
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
const ALL_BYTES_BASE64 = btoa(String.fromCharCode(...ALL_BYTES));
/** md5 of ALL_BYTES. */
const ALL_BYTES_MD5 = "e2c865db4162bed963bfaa9ef6ac18f0";

describe("docker cp of binary files (simulated engine)", () => {
  it("keeps every byte from the host into a container and back", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -d --name box busybox sleep 600");
    await sim.exec(`echo ${ALL_BYTES_BASE64} | base64 -d > bytes.bin`);
    expect((await sim.exec("md5sum bytes.bin")).stdout).toBe(`${ALL_BYTES_MD5}  bytes.bin\n`);

    expect(await sim.exec("docker cp bytes.bin box:/bytes.bin")).toMatchObject({ stderr: "Successfully copied 256B (transferred 2.05kB) to box:/bytes.bin\n", exitCode: 0 });
    expect((await sim.exec("docker exec box md5sum /bytes.bin")).stdout).toBe(`${ALL_BYTES_MD5}  /bytes.bin\n`);
    expect((await sim.exec("docker exec box wc -c /bytes.bin")).stdout).toBe("256 /bytes.bin\n");

    expect(await sim.exec("docker cp box:/bytes.bin back.bin")).toMatchObject({ stderr: "Successfully copied 256B (transferred 2.05kB) to /home/learner/back.bin\n", exitCode: 0 });
    expect((await sim.exec("md5sum back.bin")).stdout).toBe(`${ALL_BYTES_MD5}  back.bin\n`);
    expect((await sim.exec("base64 back.bin | tr -d '\\n'")).stdout).toBe(ALL_BYTES_BASE64);
  });

  it("copies out a binary file the container wrote itself", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name box busybox sleep 600");
    expect((await sim.exec(`docker exec box sh -c 'echo ${ALL_BYTES_BASE64} | base64 -d > /tmp/made.bin'`)).exitCode).toBe(0);
    expect((await sim.exec("docker cp box:/tmp/made.bin .")).exitCode).toBe(0);
    expect((await sim.exec("md5sum made.bin; wc -c made.bin")).stdout).toBe(`${ALL_BYTES_MD5}  made.bin\n256 made.bin\n`);
  });

  it("keeps binary files inside a copied folder, both ways", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -d --name box busybox sleep 600");
    await sim.exec(`mkdir -p assets/img && echo ${ALL_BYTES_BASE64} | base64 -d > assets/img/logo.bin && echo hi > assets/readme.txt`);
    // Two folders and two files: 3 bytes + 256 bytes of content, a 512-byte header each, 512 of padding each, two end blocks.
    expect((await sim.exec("docker cp assets box:/tmp")).stderr).toBe("Successfully copied 259B (transferred 4.1kB) to box:/tmp\n");
    expect((await sim.exec("docker exec box md5sum /tmp/assets/img/logo.bin")).stdout).toBe(`${ALL_BYTES_MD5}  /tmp/assets/img/logo.bin\n`);
    expect((await sim.exec("docker cp box:/tmp/assets copy")).exitCode).toBe(0);
    expect((await sim.exec("md5sum copy/img/logo.bin; cat copy/readme.txt")).stdout).toBe(`${ALL_BYTES_MD5}  copy/img/logo.bin\nhi\n`);
  });

  it("counts a UTF-8 text file's size in bytes, not characters", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker run -d --name box busybox sleep 600");
    await sim.exec("echo 'héllo wörld ✓' > note.txt");
    expect((await sim.exec("wc -c note.txt")).stdout).toBe("18 note.txt\n");
    expect((await sim.exec("docker cp note.txt box:/note.txt")).stderr).toBe("Successfully copied 18B (transferred 2.05kB) to box:/note.txt\n");
    expect((await sim.exec("docker exec box cat /note.txt")).stdout).toBe("héllo wörld ✓\n");
    expect((await sim.exec("docker cp box:/note.txt back.txt")).stderr).toBe("Successfully copied 18B (transferred 2.05kB) to /home/learner/back.txt\n");
    expect((await sim.exec("cat back.txt")).stdout).toBe("héllo wörld ✓\n");
  });
});
