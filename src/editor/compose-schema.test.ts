import { describe, expect, it } from "vitest";
import { composeSchemaFor } from "./compose-schema.ts";
import { composeDocs } from "./docs.ts";

type Node = { [key: string]: Node | string };

describe("the compose schema the editor uses", () => {
  it("describes the keys the lessons teach in the page's language", () => {
    const ko = composeSchemaFor("ko") as Node;
    const service = ((ko["definitions"] as Node)["service"] as Node)["properties"] as Node;
    expect((service["ports"] as Node)["markdownDescription"]).toBe(composeDocs["service.ports"]!.ko);
    expect((service["depends_on"] as Node)["description"]).toMatch(/먼저 시작할 서비스들이에요/);
    expect(((ko["properties"] as Node)["version"] as Node)["markdownDescription"]).toBe(composeDocs["top.version"]!.ko);
    const en = composeSchemaFor("en") as Node;
    expect(((en["properties"] as Node)["services"] as Node)["description"]).toMatch(/^The containers of your application/);
  });

  it("keeps the rest of the vendored schema, and does not change it", () => {
    const en = composeSchemaFor("en") as Node;
    const service = ((en["definitions"] as Node)["service"] as Node)["properties"] as Node;
    expect((service["container_name"] as Node)["description"]).toBe("Specify a custom container name, rather than a generated default name.");
    expect(en["$id"]).toBeUndefined();
    const again = composeSchemaFor("ko") as Node;
    expect(((again["properties"] as Node)["services"] as Node)["markdownDescription"]).toBe(composeDocs["top.services"]!.ko);
  });
});
