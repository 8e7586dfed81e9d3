// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

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
    smartypants: false,
    shikiConfig: { theme: "github-light" },
  },
  server: { port: 4321 },
  vite: {
    plugins: [lazyMonacoCss],
    resolve: {
      // monaco-yaml's worker imports Monaco by its old file path; monaco-editor's exports map it without "esm/vs/".
      alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: "monaco-editor/$1" }],
    },
  },
});
