import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two apps from one build: the staff console at / and the phone H5 at /m/.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        admin: path.join(import.meta.dirname, 'index.html'),
        mobile: path.join(import.meta.dirname, 'm/index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
