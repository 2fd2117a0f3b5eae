import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig(({ isSsrBuild }) => ({
  resolve: {
    alias: [
      // dkfds exports only its JS entry; map its dist files directly (stack-notes).
      { find: /^dkfds\/dist\/(.*)$/, replacement: `${root}node_modules/dkfds/dist/$1` },
      { find: /^~\//, replacement: root },
    ],
  },
  build: isSsrBuild ? { rollupOptions: { input: "./server/app.ts" } } : {},
  plugins: [reactRouter()],
}));
