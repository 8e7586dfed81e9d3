import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The differential suite needs a real engine and takes a while: it runs apart from `npm run test:unit`.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/differential/**/*.test.ts"],
    // The docker-CLI run resets the whole engine between transcripts: the gateway run must not overlap it.
    fileParallelism: false,
    environment: "node",
    testTimeout: 900_000,
    hookTimeout: 60_000,
  },
});
