/**
 * The shell in the browser runs just-bash's per-command build with browser stand-ins for Node's
 * built-ins (astro.config.mjs, src/shims/). Each line here runs on the page's simulator and on the
 * same simulator in Node, and must print the same: a command that reaches a missing built-in in the
 * browser shows up as a difference.
 */
import { expect, test } from "@playwright/test";
import { createSimulator } from "../../simulator/index.ts";
import { terminalOn, waitForPrompt } from "./terminal.ts";

const lines = [
  "printf 'b\\na\\nb\\n' | sort | uniq -c | awk '{print $2\"=\"$1}'",
  "echo hello world | sed 's/world/there/' | cut -d' ' -f2 | rev | tr a-z A-Z",
  "seq 5 | xargs echo | wc -w",
  "echo '{\"a\":[1,2,3]}' | jq -c '.a | map(. * 2)'",
  "echo abc | md5sum; echo abc | sha1sum; echo abc | sha256sum",
  "echo dockyard | base64 | base64 -d",
  "echo squeezed | gzip | gunzip; echo zipped | gzip > z.gz && zcat z.gz",
  "mkdir -p t/u && echo x > t/u/f && find t -type f && ls t && grep -c x t/u/f && stat -c %s t/u/f",
  "tar czf t.tgz t && tar tzf t.tgz && tar xzOf t.tgz t/u/f",
  "printf 'a\\n' > f1; printf 'b\\n' > f2; diff f1 f2; echo rc=$?",
  "echo hi | od -c | head -1; echo hi | tee copy.txt > /dev/null; cat copy.txt",
  "printf 'x,1\\ny,2\\n' | paste -sd ';'; printf '3\\n1\\n2\\n' | sort -n | head -2 | tail -1",
  "for i in 1 2 3; do echo \"n$i\"; done | nl | expand | tr -s ' '",
  "basename /a/b/c.txt .txt; dirname /a/b/c.txt; printf '%05.1f|%s\\n' 3.14159 ok",
  "echo 'name: web' > c.yaml; cat c.yaml | wc -l; which ls; whoami; hostname; pwd",
  "docker pull -q busybox",
  "docker run --rm busybox sh -c 'echo inside | gzip | gunzip; echo aW4= | base64 -d; echo'",
];

test("the browser's shell prints what the same simulator prints in Node", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/en/playground/");
  await waitForPrompt(terminalOn(page));
  await page.waitForFunction(() => (document.querySelector("dockyard-terminal") as unknown as { simulator?: unknown }).simulator !== undefined, undefined, { timeout: 45_000 });
  const browser = await page.evaluate(async (all) => {
    const sim = (document.querySelector("dockyard-terminal") as unknown as { simulator: { exec(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> } }).simulator;
    const results = [];
    for (const line of all) results.push(await sim.exec(line));
    return results;
  }, lines);
  const node = createSimulator();
  for (const [i, line] of lines.entries()) {
    const expected = await node.exec(line);
    expect({ line, ...browser[i] }, line).toEqual({ line, ...expected });
  }
});
