import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["simulator/**/*.test.ts", "tests/unit/**/*.test.ts", "src/**/*.test.ts", "server/**/*.test.ts", "tests/gateway/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
