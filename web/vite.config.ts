import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.LIANXIN_API ?? 'http://localhost:3000';

/**
 * A build is always the production bundle, even when a test runner (NODE_ENV=test)
 * starts it: Vite, the JSX transform and libraries all follow NODE_ENV (rc-component's
 * useId answers a fixed "test-id" under test), and the browser tests must check what
 * ships. Vite reads NODE_ENV after the config hooks; the caller's value is put back
 * once the bundle is written.
 */
function productionBuild(): Plugin {
  let callers: string | undefined;
  return {
    name: 'lianxin:production-build',
    apply: 'build',
    enforce: 'pre',
    config() {
      callers = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
    },
    closeBundle() {
      if (callers === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = callers;
    },
  };
}

// Two apps from one build: the staff console at / and the phone H5 at /m/.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [productionBuild(), react()],
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
  // `vite` in web/ for hot reload, with the API from `npm run dev`. The server refuses
  // writes whose Origin is not its own (CSRF), so the proxy presents the API's origin.
  server: { proxy: { '/api': { target: apiTarget, changeOrigin: true, headers: { origin: apiTarget } } } },
});
