import { describe, expect, it } from "vitest";
import { commandLines, decodeHtml, stripTags } from "./text.ts";

describe("run buttons read commands from rendered code", () => {
  it("keeps the text of highlighted HTML", () => {
    const html = '<code><span class="line"><span style="color:#6F42C1">docker</span><span> run hello-world</span></span></code>';
    expect(stripTags(html)).toBe("docker run hello-world");
  });

  it("decodes the entities a highlighter emits", () => {
    expect(decodeHtml("echo &#39;hi&#39; &amp;&amp; ls &gt; out &#x2F;tmp")).toBe("echo 'hi' && ls > out /tmp");
  });

  it("drops prompts, blank lines and comments", () => {
    expect(commandLines("# list images\n$ docker images\n\n  docker ps -a  \n")).toEqual([
      "docker images",
      "docker ps -a",
    ]);
  });
});
