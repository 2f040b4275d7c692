import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Two pages: the app (index.html) and GraphiQL (graphiql.html), both served by the Python service
// from dist/. Nothing is fetched from a CDN: every asset is built here.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { index: "index.html", graphiql: "graphiql.html" },
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return; // GraphiQL's "use no memo" directives
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:8000", "/media": "http://127.0.0.1:8000" },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
