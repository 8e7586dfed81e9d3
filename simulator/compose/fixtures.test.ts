// Verdicts on compose-go's loader test data (read in place from ../shared/oracles).
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ComposeError } from "./errors.ts";
import { loadProject } from "./load.ts";
import { projectToYaml } from "./serialize.ts";
import { COMPOSE_GO, syncFsHost } from "./test-helpers.ts";

const hasOracles = () => fs.existsSync(COMPOSE_GO);
const fsHost = (cwd: string, env: Record<string, string> = {}) => syncFsHost(fs, cwd, env);
const TESTDATA = `${COMPOSE_GO}loader/testdata/`;

/** file (relative to testdata) -> undefined when it must load, or the error text it must fail with. */
const VERDICTS: [string, string | undefined][] = [
  ["compose-test-with-version.yaml", undefined],
  ["compose-test-extends.yaml", undefined],
  ["compose-test-extends-with-context-url.yaml", undefined],
  ["compose-include.yaml", undefined],
  ["combined/compose.yaml", undefined],
  ["extends/base.yaml", undefined],
  ["extends/depends_on.yaml", undefined],
  ["extends/interpolated.yaml", undefined],
  ["extends/nested.yaml", undefined],
  ["extends/ports.yaml", undefined],
  ["extends/reset.yaml", undefined],
  ["extends/sibling.yaml", undefined],
  ["extends/withdir/compose.yaml", undefined],
  ["include/compose.yaml", undefined],
  ["include/project-directory.yaml", undefined],
  ["subdir/compose-test-extends-imported.yaml", undefined],
  ["empty.yaml", "empty compose file"],
  ["compose-depends-on-cycle.yaml", "dependency cycle detected: service1 -> service2 -> service3 -> service1"],
  ["compose-depends-on-self.yaml", "dependency cycle detected: service1 -> service1"],
  // Same content as the cycle file: compose-go's test loads it with a service selection that
  // Dockyard's loader does not have, so here it must fail the same way.
  ["compose-depends-on-profile-no-cycle.yaml", "dependency cycle detected: service1 -> service2 -> service3 -> service1"],
  ["compose-include-cycle.yaml", "include cycle detected"],
  // remote/*: `remote:` resources need compose-go's remote loaders (git, oci), which Dockyard lacks.
];

async function verdict(rel: string): Promise<string | undefined> {
  const path = TESTDATA + rel;
  const dir = path.slice(0, path.lastIndexOf("/"));
  try {
    const p = await loadProject(fsHost(dir, { HOME: "/home/test" }), { files: [path], projectName: "test" });
    projectToYaml(p);
    return undefined;
  } catch (e) {
    if (!(e instanceof ComposeError)) throw e;
    return e.message;
  }
}

describe.skipIf(!hasOracles())("compose-go loader testdata verdicts", () => {
  it.each(VERDICTS)("%s", async (rel, expected) => {
    const got = await verdict(rel);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(expected);
  });

  it("extends across folders resolves paths relative to the extended file", async () => {
    const p = await loadProject(fsHost(TESTDATA), { files: [`${TESTDATA}compose-test-extends.yaml`] });
    const svc = p.services["importer"]!;
    // env_file ./extra.env is read relative to subdir/, and SOURCE comes from the
    // project environment (unset, so the default)
    expect(svc.environment).toEqual({ SOURCE: "extends" });
    expect(svc.container_name).toBe("imported");
    expect(svc.volumes?.[0]).toMatchObject({ type: "bind", source: "/opt/data", target: "/var/lib/mysql" });
    expect(p.name).toBe("compose-test-extends");
  });

  it("!reset removes an inherited attribute", async () => {
    const p = await loadProject(fsHost(`${TESTDATA}extends`), { files: [`${TESTDATA}extends/reset.yaml`], projectName: "x" });
    expect(p.services["init"]!.command).toEqual(["sleep", "infinity"]);
    expect(p.services["base"]!.command).toBeUndefined();
  });

  it("version: is accepted with Compose's warning", async () => {
    const file = `${TESTDATA}compose-test-with-version.yaml`;
    const p = await loadProject(fsHost(TESTDATA), { files: [file] });
    expect(p.warnings).toContain(
      `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
    );
    expect(Object.keys(p.networks)).toEqual(["default", "front"]);
    expect(p.volumes["data"]).toEqual({ name: "compose-test-with-version_data", driver: "local" });
    expect(fs.readFileSync(file, "utf8")).toContain('version: "2"');
  });
});
