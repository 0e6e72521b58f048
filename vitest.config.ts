import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Two spec files at a time even on two cores (vitest's default there is one): the integration
    // specs wait on builds and child processes, and each has its own data folder and ports. The e2e
    // specs still run one at a time against the one stack. With the seeded template, on this 2-core machine: 1874 s → 1364 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
