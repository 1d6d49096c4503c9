// Closes the run with the modes that actually executed tests, so a log never overstates coverage.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { selectedModes } from './modes'

export default class ModesReporter implements Reporter {
  private readonly counts = new Map<string, { passed: number; failed: number; skipped: number }>()

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? 'unknown'
    const c = this.counts.get(project) ?? { passed: 0, failed: 0, skipped: 0 }
    if (result.status === 'passed') c.passed++
    else if (result.status === 'skipped') c.skipped++
    else c.failed++
    this.counts.set(project, c)
  }

  onEnd(_result: FullResult): void {
    const { skipped } = selectedModes()
    const ran = [...this.counts.entries()].map(([mode, c]) => `${mode} (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped as not applicable to the mode)`)
    console.log(`\nE2E modes run: ${ran.join(', ') || 'none'}`)
    for (const s of skipped) console.log(`E2E mode NOT run: ${s.mode} — ${s.detail}`)
    const total = [...this.counts.values()].reduce((t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 })
    console.log(`e2e: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  }
}
