import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `base: './'` keeps every asset URL relative, so dist/ works from any path on any static
// file server (a docs site may host it under /tutorial/).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Monaco's diff editor is one ~2 MB chunk, loaded only after the terminal is usable; the
    // page's first script is what must stay small (npm run bench:web prints it).
    chunkSizeWarningLimit: 2500,
  },
});
