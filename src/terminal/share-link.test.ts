import { describe, expect, it } from "vitest";
import { decodeSetup, encodeSetup, MAX_LINK_CHARS, ShareLinkError } from "./share-link.ts";

describe("share links", () => {
  it("round-trips commands and files through the fragment", async () => {
    const setup = { commands: ["docker build -t web .", "docker run -d -p 8080:80 web"], files: { Dockerfile: "FROM nginx\nCOPY index.html /usr/share/nginx/html/\n", "index.html": "<h1>안녕</h1>" } };
    const fragment = await encodeSetup(setup);
    expect(fragment).toMatch(/^setup=[A-Za-z0-9_-]+$/);
    expect(await decodeSetup(`#${fragment}`)).toEqual(setup);
  });

  it("has nothing to open without a setup", async () => {
    expect(await decodeSetup("")).toBeUndefined();
    expect(await decodeSetup("#top")).toBeUndefined();
  });

  it("says clearly what is wrong with a broken link", async () => {
    const fragment = await encodeSetup({ commands: ["docker ps"], files: {} });
    await expect(decodeSetup(`#${fragment.slice(0, -6)}`)).rejects.toThrow(/cut or changed/);
    await expect(decodeSetup("#setup=!!!")).rejects.toThrow(ShareLinkError);
    await expect(decodeSetup("#setup=")).rejects.toThrow(/no setup/);
    await expect(decodeSetup("#setup=AAAA")).rejects.toThrow(ShareLinkError);
  });

  it("refuses files outside the home folder and foreign formats", async () => {
    const bad = await encodeSetup({ commands: [], files: { "../../etc/passwd": "x" } });
    await expect(decodeSetup(bad)).rejects.toThrow(/leaves the home folder/);
  });

  it("refuses a setup too big for a link", async () => {
    // Random text does not compress: past the limit whatever the deflate does.
    const noise = Array.from(crypto.getRandomValues(new Uint8Array(MAX_LINK_CHARS)), (b) => String.fromCharCode(33 + (b % 94))).join("");
    await expect(encodeSetup({ commands: [], files: { big: noise } })).rejects.toThrow(/too big/);
  });
});
