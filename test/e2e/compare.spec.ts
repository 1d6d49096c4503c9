// The redline: pick October 2025 → April 2026, read the IP licence change, step through the
// changes by keyboard, filter, swap and switch to inline, with screenshots of each layout.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Comparison } from '../../src-main/api/contract'
import { expect, test } from './harness'
import { changeClauses, revealRow } from './rows'
import { ROOT } from './modes'

test('redlines October 2025 against April 2026 and steps through the changes', async ({ app, appOptions }) => {
  const { page } = app
  // The figures are the CLI's (`clausewise compare --json`), so a corrected model does not make them stale.
  const cli = JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'out/cli/clausewise.cjs'), 'compare', '--base', '2025-10', '--target', '2026-04', '--models-dir', appOptions.modelsDir, '--sources-dir', appOptions.sourcesDir, '--json'], { encoding: 'utf8' })
  ) as Comparison
  const s = cli.summary
  // Next and previous step change by change: several inside one clause.
  const changes = changeClauses(cli)
  await app.goto('/')
  await page.getByRole('link', { name: 'Compare' }).click()
  await page.getByTestId('base-picker').selectOption('2025-10')
  await page.getByTestId('target-picker').selectOption('2026-04')
  await expect(page).toHaveTitle('Compare 28 October 2025 → 27 April 2026 — workspace.clausewise.json — Clausewise')

  const ip = await revealRow(page, 'ip-licence')
  await expect(ip).toHaveAttribute('data-status', 'modified')
  const base = ip.locator('.row__col--base')
  const target = ip.locator('.row__col--target')
  await expect(base.locator('del')).toContainText(['exclusive rights'])
  await expect(base.locator('del').last()).toContainText('artificial general intelligence')
  await expect(target.locator('ins')).toContainText(['no longer exclusive'])
  await expect(target.locator('del')).toHaveCount(0)
  await expect(base.locator('ins')).toHaveCount(0)
  // Struck text is really struck and inserted text really underlined, not only coloured.
  expect(await base.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through')
  expect(await target.locator('ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline')

  const summary = page.getByRole('region', { name: 'Summary of changes' })
  // As the CLI counts them (9 modified, 4 added, 7 carried over, 13 changes with the models of e9d5de8): the
  // terms April 2026 does not restate carry over, and none is removed, as no source says one was.
  expect(s.removed).toBe(0)
  expect(s.carriedOver).toBeGreaterThan(0)
  for (const text of [`${s.modified} modified`, `${s.added} added`, '0 removed', `${s.unchanged} unchanged`, `${s.carriedOver} carried over`]) await expect(summary).toContainText(text)
  await expect(page.getByTestId('change-position')).toHaveText(`${changes.length} changes`)
  // April does not restate the stateless API term: its change was February's, and the row says so.
  await expect((await revealRow(page, 'stateless-api')).getByTestId('row-carried')).toHaveText('Not restated: text of 27 February 2026')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('compare-side-by-side')

  // Keyboard: n goes to the first change and highlights it; p wraps back to the last.
  await page.locator('body').press('n')
  await expect(page.getByTestId('change-position')).toHaveText(`Change 1 of ${changes.length}`)
  await expect(page.locator('article.row[aria-current="true"]')).toHaveAttribute('data-clause', changes[0]!)
  await page.keyboard.press('n')
  await expect(page.locator('article.row[aria-current="true"]')).toHaveAttribute('data-clause', changes[1]!)
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await expect(page.getByTestId('change-position')).toHaveText(`Change ${changes.length} of ${changes.length}`)
  await expect(page.locator('article.row[aria-current="true"]')).toHaveAttribute('data-clause', changes.at(-1)!)
  await expect(page.locator('article.row[aria-current="true"]')).toBeInViewport()

  await page.getByLabel('Changed only').check()
  await expect(page.locator('[data-status="unchanged"]')).toHaveCount(0)
  await expect(page.locator('[data-status="carried-over"]')).toHaveCount(0)

  await page.getByRole('button', { name: 'Swap base and target' }).click()
  await expect(page.getByTestId('base-picker')).toHaveValue('2026-04')
  await expect(page.getByTestId('target-picker')).toHaveValue('2025-10')
  await revealRow(page, 'ip-licence')
  await expect(ip.locator('.row__col--base del')).toContainText(['no longer exclusive'])
  await expect(ip.locator('.row__col--target ins')).toContainText(['exclusive rights'])

  await page.getByRole('button', { name: 'Inline' }).click()
  await revealRow(page, 'ip-licence')
  await expect(ip.locator('.row__inline del')).toContainText(['no longer exclusive'])
  await expect(ip.locator('.row__inline ins')).toContainText(['exclusive rights'])
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
