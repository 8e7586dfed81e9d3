/** The backend switch in a browser: the site's Playwright set-up, with this folder's specs. */
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const webServer = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({ ...base, testDir: ".", testMatch: "**/*.spec.ts", testIgnore: [], webServer: { ...webServer, cwd: root } });
