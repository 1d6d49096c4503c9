// The reviewer's work is never lost: undo/redo by keyboard and button, the saved state in the
// title, and a damaged workspace file recovered from its newest backup with a message.
import { readFile, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../../src-main/services'
import { expect, test } from './harness'
import { revealRow } from './rows'
import { ROOT } from './modes'

test('undo and redo a citation with the platform shortcuts and the toolbar', async ({ app, appOptions }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  const row = page.locator('[data-clause="revenue-share-to-openai"]')
  await row.getByRole('button', { name: /^Evidence for/ }).click()
  await page.getByTestId('suggestion').first().getByRole('button', { name: 'Cite as supporting' }).click()
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')
  await expect(page.getByTestId('workspace-status')).toContainText('Saved')
  await expect(page).toHaveTitle(/workspace\.clausewise\.json — Clausewise$/)

  await page.locator('body').press('Control+z')
  await expect(row.getByTestId('row-evidence')).toHaveCount(0)
  expect(JSON.parse(await readFile(appOptions.workspacePath, 'utf8')).citations).toEqual([])

  await page.getByTestId('redo').click()
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')
  await page.getByTestId('undo').click()
  await expect(row.getByTestId('row-evidence')).toHaveCount(0)
  await page.locator('body').press('Control+Shift+z')
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')
  expect(JSON.parse(await readFile(appOptions.workspacePath, 'utf8')).citations).toHaveLength(1)
})

test.describe('with a truncated workspace file', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    appOptions: async ({}, use, testInfo) => {
      const options = { sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: testInfo.outputPath('review.clausewise.json') }
      const { evidence } = createServices(options)
      await evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: 'this license is no longer exclusive', stance: 'supports' })
      await evidence.cite({ versionId: '2026-04', clauseId: 'revenue-share-to-openai', sourceId: 'hamidun-news', quote: 'Microsoft will no longer pay OpenAI a share of revenue', stance: 'supports' })
      await truncate(options.workspacePath, 120)
      await use(options)
    }
  })

  test('sets it aside, loads the newest backup and says so', async ({ app }) => {
    const { page } = app
    await app.goto('/compare?base=2025-10&target=2026-04')
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' })
    await expect(notice).toContainText('review.clausewise.json could not be read')
    await expect(notice).toContainText('was restored: 2 citations')
    await expect(notice).toContainText('The damaged file is kept as review.clausewise.json.corrupt-')
    await expect((await revealRow(page, 'ip-licence')).getByTestId('row-evidence')).toContainText('1 supporting')
    await app.screenshot('workspace-recovered')
  })
})

test('a citation saved by another program appears when the window regains focus, with a notice', async ({ app, appOptions }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  const row = await revealRow(page, 'ip-licence')
  await expect(row).toBeVisible()
  await expect(row.getByTestId('row-evidence')).toHaveCount(0)
  // Another program (a second set of services, as `clausewise cite` would have) writes the same file.
  const other = createServices({ sourcesDir: appOptions.sourcesDir, modelsDir: appOptions.modelsDir, workspacePath: appOptions.workspacePath })
  await other.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: 'this license is no longer exclusive', stance: 'supports' })
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(page.getByRole('alert')).toContainText('changed on disk')
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')
  await app.screenshot('workspace-reloaded')
  // A change made in the app afterwards keeps the other program's citation.
  await (await revealRow(page, 'revenue-share-to-openai')).getByRole('button', { name: /^Evidence for/ }).click()
  await page.getByTestId('suggestion').first().getByRole('button', { name: 'Cite as supporting' }).click()
  await expect(page.locator('[data-clause="revenue-share-to-openai"]').getByTestId('row-evidence')).toContainText('1 supporting')
  expect(JSON.parse(await readFile(appOptions.workspacePath, 'utf8')).citations).toHaveLength(2)
  app.assertNoPageErrors()
})
