// The redline: pick October 2025 → April 2026, read the IP licence change, step through the
// changes by keyboard, filter, swap and switch to inline, with screenshots of each layout.
import { expect, test } from './harness'

test('redlines October 2025 against April 2026 and steps through the changes', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  await page.getByRole('link', { name: 'Compare' }).click()
  await page.getByTestId('base-picker').selectOption('2025-10')
  await page.getByTestId('target-picker').selectOption('2026-04')
  await expect(page).toHaveTitle('Compare 28 October 2025 → 27 April 2026 — workspace.clausewise.json — Clausewise')

  const ip = page.locator('[data-clause="ip-licence"]')
  await expect(ip).toHaveAttribute('data-status', 'modified')
  const base = ip.locator('.row__col--base')
  const target = ip.locator('.row__col--target')
  await expect(base.locator('del')).toContainText(['an exclusive'])
  await expect(base.locator('del').last()).toContainText('artificial general intelligence')
  await expect(target.locator('ins')).toContainText(['a non-exclusive'])
  await expect(target.locator('del')).toHaveCount(0)
  await expect(base.locator('ins')).toHaveCount(0)
  // Struck text is really struck and inserted text really underlined, not only coloured.
  expect(await base.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through')
  expect(await target.locator('ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline')

  const summary = page.getByRole('region', { name: 'Summary of changes' })
  await expect(summary).toContainText('6 modified')
  await expect(page.getByTestId('change-position')).toHaveText('13 changes')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('compare-side-by-side')

  // Keyboard: n goes to the first change and highlights it; p wraps back to the last.
  await page.locator('body').press('n')
  await expect(page.getByTestId('change-position')).toHaveText('Change 1 of 13')
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-clause', 'equity-stake')
  await page.keyboard.press('n')
  await expect(page.locator('[aria-current="true"]')).toHaveAttribute('data-clause', 'cloud-exclusivity')
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await expect(page.getByTestId('change-position')).toHaveText('Change 13 of 13')
  await expect(page.locator('[aria-current="true"]')).toBeInViewport()

  await page.getByLabel('Changed only').check()
  await expect(page.locator('[data-status="unchanged"]')).toHaveCount(0)

  await page.getByRole('button', { name: 'Swap base and target' }).click()
  await expect(page.getByTestId('base-picker')).toHaveValue('2026-04')
  await expect(page.getByTestId('target-picker')).toHaveValue('2025-10')
  await expect(ip.locator('.row__col--base del')).toContainText(['a non-exclusive'])
  await expect(ip.locator('.row__col--target ins')).toContainText(['an exclusive'])

  await page.getByRole('button', { name: 'Inline' }).click()
  await expect(ip.locator('.row__inline del')).toContainText(['a non-exclusive'])
  await expect(ip.locator('.row__inline ins')).toContainText(['an exclusive'])
  await expect(page.locator('.row__col')).toHaveCount(0)
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('compare-inline')
})

test('the same version on both sides gets a clear message, not an empty redline', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2026-02&target=2026-02')
  await expect(page.getByText('Choose two different versions')).toBeVisible()
})

test('an unknown version id in the address gets a clear error', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2025-10&target=1999')
  await expect(page.getByRole('alert')).toContainText('no version with id "1999"')
})
