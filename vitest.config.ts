import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.spec.ts'], environment: 'node' } },
      {
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.spec.ts'],
          environment: 'node',
          pool: 'forks',
          // Seeds the demo content once; specs copy it (openSeededCms).
          globalSetup: ['tests/int/seededTemplate.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // The integration tests sign users' tokens with the sandbox MPP's demo keys.
          env: { LOG_LEVEL: 'warn', CENTER_SANDBOX: '1' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.spec.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/stack.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The browser shares two cores with the integration tests' builds: give pages time to settle.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
