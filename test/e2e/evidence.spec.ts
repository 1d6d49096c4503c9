// Evidence: cite a selected passage, see its highlight and the clause's count, reload and find
// it again; a contradicting citation raises the conflict flag; accept a suggestion.
import { expect, test } from './harness'
import { revealRow, selectInReader } from './rows'

test('cite passages for the April 2026 IP clause, see highlights, counts and the conflict flag; reload keeps them', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  await page.getByTestId('reviewer-name').fill('A. Reviewer')
  await page.getByTestId('reviewer-name').press('Tab')

  const ip = await revealRow(page, 'ip-licence')
  await ip.getByRole('button', { name: /^Evidence for/ }).click()
  await expect(page.getByTestId('evidence-panel')).toContainText('IP licence')
  await page.getByRole('button', { name: 'Add evidence' }).click()

  await page.getByTestId('source-picker').selectOption('hamidun-news')
  await selectInReader(page, 'this license is no longer exclusive')
  const popover = page.getByRole('dialog', { name: 'Cite this passage' })
  await expect(popover).toContainText('“this license is no longer exclusive”')
  await expect(page.getByTestId('cite-clause')).toHaveValue('ip-licence')
  await app.screenshot('evidence-citing-popover')
  await popover.getByRole('button', { name: 'Save citation' }).click()
  await expect(popover).toBeHidden()

  const mark = page.locator('mark.mark--supports')
  await expect(mark).toHaveText('this license is no longer exclusive')
  await expect(ip.getByTestId('row-evidence')).toContainText('1 cited')
  await expect(ip.getByTestId('row-evidence')).toContainText('1 supporting')

  // The contradicting article: Windows Central, "exclusive access ... through 2030".
  await page.getByTestId('source-picker').selectOption('windows-central')
  await selectInReader(page, 'Microsoft retains exclusive access to OpenAI’s intellectual property and models through 2030.')
  await popover.getByLabel('Contradicts').check()
  await page.getByTestId('cite-note').fill('Windows Central: still exclusive, to 2030')
  await popover.getByRole('button', { name: 'Save citation' }).click()
  await expect(page.locator('mark.mark--contradicts')).toBeVisible()
  await expect(ip.getByTestId('row-evidence')).toContainText('⚠ Conflict')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('evidence-reader-highlights')

  await page.getByRole('tab', { name: 'Evidence' }).click()
  const panel = page.getByTestId('evidence-panel')
  await expect(panel.getByTestId('conflict-flag')).toBeVisible()
  await expect(panel.locator('[data-stance="supports"] [data-testid="citation"]')).toContainText('this license is no longer exclusive')
  await expect(panel.locator('[data-stance="contradicts"] [data-testid="citation"]')).toContainText('Windows Central: still exclusive, to 2030')
  await expect(panel.locator('[data-testid="citation"]').first()).toContainText('A. Reviewer')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('evidence-panel')

  // Saved by main: a reload finds both citations again.
  await page.reload()
  const reloaded = await revealRow(page, 'ip-licence')
  await expect(reloaded.getByTestId('row-evidence')).toContainText('2 cited')
  await expect(reloaded.getByTestId('row-evidence')).toContainText('⚠ Conflict')
})

test('accepting a suggestion creates a citation with the suggested passage', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  const row = page.locator('[data-clause="revenue-share-to-openai"]')
  await row.getByRole('button', { name: /^Evidence for/ }).click()
  const panel = page.getByTestId('evidence-panel')
  const first = panel.getByTestId('suggestion').first()
  await expect(first).toContainText('Microsoft will no longer pay OpenAI a share of revenue')
  await expect(first).toContainText('Matched:')
  await first.getByRole('button', { name: 'Cite as supporting' }).click()
  await expect(panel.locator('[data-stance="supports"] [data-testid="citation"]')).toContainText('Microsoft will no longer pay OpenAI a share of revenue')
  await expect(row.getByTestId('row-evidence')).toContainText('1 supporting')
  // The accepted passage is no longer suggested.
  await expect(panel.getByTestId('suggestion').first()).not.toContainText('Microsoft will no longer pay OpenAI a share of revenue')
})

test('a sentence can be cited with the keyboard alone', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=2026-04')
  await page.locator('[data-clause="stateless-api"]').getByRole('button', { name: /^Evidence for/ }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Add evidence' }).press('Enter')
  await page.getByTestId('source-picker').selectOption('insights')
  await page.getByTestId('reader-body').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: 'Cite this passage' })
  await expect(popover).toContainText('“Their answer was no.”')
  await expect(page.getByTestId('cite-clause')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowRight') // Supports → Contradicts
  await page.keyboard.press('ArrowRight') // → Context
  await popover.getByRole('button', { name: 'Save citation' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('mark.mark--context')).toHaveText('Their answer was no.')
})
