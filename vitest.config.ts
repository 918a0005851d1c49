import { defineConfig } from 'vitest/config';

// Three tiers: unit tests beside the code, API tests that boot the real app on a real
// database (PGlite, or PostgreSQL when DATABASE_URL is set), and browser tests in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.unit.test.ts', 'web/src/**/*.unit.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'e2e/build-web.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
