// Export from the app: the Export PDF button writes the annotated PDF (the harness stands in
// for the native save dialog) and says where, with pages, clauses and citations.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { expect, test } from './harness'

test('exports the comparison on screen as an annotated PDF', async ({ app, appOptions }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  const row = page.locator('[data-clause="revenue-share-to-openai"]')
  await row.getByRole('button', { name: /^Evidence for/ }).click()
  await page.getByTestId('suggestion').first().getByRole('button', { name: 'Cite as supporting' }).click()
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')

  await page.getByTestId('export-pdf').click()
  await expect(page.getByTestId('export-message')).toContainText('Saved Redline 2025-10 to 2026-04.pdf: 4 pages, 13 clauses, 1 citation.')
  const pdf = await readFile(join(dirname(appOptions.workspacePath), 'Redline 2025-10 to 2026-04.pdf'))
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.toString('latin1')).toContain('/Subtype /StrikeOut')
  await app.screenshot('compare-exported')
})
