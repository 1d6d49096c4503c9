// Unit tests: plain Node, no Electron, no browser.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/durability/**/*.test.ts'],
    environment: 'node',
    // The suite must pass on a busy 2-core machine: no test relies on vitest's 5 s default.
    // Speed targets live in `npm run bench`, not in timeouts.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default']
  }
})
