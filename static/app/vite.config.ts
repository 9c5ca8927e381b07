import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build:ui` runs from the repo root, so the root is pinned to this folder.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Forge serves the resource from an opaque path: assets must resolve relative to index.html.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Atlaskit ships modern syntax; Jira's supported browsers all handle ES2022.
    target: 'es2022',
    // React + Atlaskit are ~760 kB raw but ~220 kB gzipped; the budget is tracked gzipped (< 250 kB).
    chunkSizeWarningLimit: 900,
  },
});
