// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { fileURLToPath } from "node:url";

/**
 * Monaco's modules import their own CSS. Astro would link that CSS into every page whose scripts
 * might load Monaco (every lesson page), so those imports are emptied here and the editor links
 * Monaco's prebuilt stylesheet itself when it opens (src/editor/monaco/styles.ts).
 */
const lazyMonacoCss = {
  name: "dockyard:lazy-monaco-css",
  enforce: /** @type {const} */ ("pre"),
  /** @param {string} id @param {string | undefined} importer */
  resolveId(id, importer) {
    if (id.endsWith(".css") && importer && /[\\/]monaco-editor[\\/]esm[\\/]/.test(importer)) return "\0dockyard:monaco-css";
    return undefined;
  },
  /** @param {string} id */
  load(id) {
    return id === "\0dockyard:monaco-css" ? "export {};" : undefined;
  },
};

/**
 * just-bash ships a browser bundle with every shell command in one file (~350 KB gzipped) and a Node
 * build that loads each command when first run. The browser build of the site uses the Node build,
 * with the few Node built-ins it imports replaced by browser stand-ins (src/shims/: zlib by fflate):
 * the simulator then starts with the shell's core and fetches commands like awk or jq on demand.
 */
const justBashNode = fileURLToPath(new URL("./node_modules/just-bash/dist/bundle/index.js", import.meta.url));
const nodeShims = fileURLToPath(new URL("./src/shims/node-builtins.ts", import.meta.url));
const zlibShim = fileURLToPath(new URL("./src/shims/zlib.ts", import.meta.url));
const nativeOnly = fileURLToPath(new URL("./src/shims/unavailable-module.ts", import.meta.url));
const lazyJustBash = {
  name: "dockyard:lazy-just-bash",
  enforce: /** @type {const} */ ("pre"),
  /** @param {string} id @param {string | undefined} importer @param {{ ssr?: boolean }} [options] */
  resolveId(id, importer, options) {
    if (options?.ssr) return undefined;
    if (id === "just-bash") return justBashNode;
    if (!importer || !/[\\/]just-bash[\\/]dist[\\/]bundle[\\/]/.test(importer)) return undefined;
    if (id === "node-liblzma" || id === "@mongodb-js/zstd") return nativeOnly;
    if (id === "node:zlib") return zlibShim;
    if (id.startsWith("node:")) return nodeShims;
    return undefined;
  },
};

// Static site: every page is prerendered; the simulator runs in the learner's browser.
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  integrations: [mdx()],
  i18n: {
    locales: ["en", "ko"],
    defaultLocale: "en",
    routing: {
      // Both languages live under a prefix; `/` picks one in the browser (src/pages/index.astro).
      prefixDefaultLocale: true,
      redirectToDefaultLocale: false,
    },
  },
  markdown: {
    // Commands in prose (`<Cmd>docker run --rm</Cmd>`) must keep their "--" and straight quotes.
    processor: satteri({ features: { smartPunctuation: false } }),
    shikiConfig: { theme: "github-light" },
  },
  server: { port: 4321 },
  vite: {
    plugins: [lazyMonacoCss, lazyJustBash],
    resolve: {
      // monaco-yaml's worker imports Monaco by its old file path; monaco-editor's exports map it without "esm/vs/".
      alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: "monaco-editor/$1" }],
    },
  },
});
