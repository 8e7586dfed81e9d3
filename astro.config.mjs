// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

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
});
