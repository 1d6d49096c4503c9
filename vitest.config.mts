// Unit tests: plain Node, no Electron, no browser.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/durability/**/*.test.ts'],
    environment: 'node',
    reporters: ['default']
  }
})
