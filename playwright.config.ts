// E2E in two modes (see DESIGN.md): a project per mode that can run here; none is an error.
import { defineConfig } from '@playwright/test'
import { selectedModes } from './test/e2e/modes'

const { run } = selectedModes()
if (run.length === 0) {
  throw new Error('No E2E mode can run: neither the Electron binary nor a Chromium is installed. See README "End-to-end tests".')
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./test/e2e/modes-reporter.ts']],
  use: { trace: 'retain-on-failure' },
  projects: run.map((status) => ({ name: status.mode, metadata: { executable: status.detail } }))
})
