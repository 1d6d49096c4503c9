// Drafts without clause ids: split, merged, renumbered and doubtful rows read naturally, a
// pairing to check is reachable by keyboard and says why, and a reviewer's "Pair with…" is saved
// in the workspace, undoable, and seen by `clausewise compare --workspace --json`.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './harness'
import { ROOT } from './modes'

const DRAFTS = join(ROOT, 'test/fixtures/drafts')

test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  appOptions: async ({}, use, testInfo) => {
    await use({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: DRAFTS, workspacePath: testInfo.outputPath('drafts.clausewise.json') })
  }
})

/** A screenshot of one row, beside the full-window ones. */
async function shoot(row: Locator, mode: string, name: string): Promise<void> {
  await row.screenshot({ path: join(ROOT, 'test-results/screens', mode, `${name}.png`) })
}

/**
 * The row with this heading, scrolled into the virtualised list: only rows near the viewport
 * exist in the page, so the list is scrolled until the row is there.
 */
async function rowByHeading(app: { page: Page }, heading: string): Promise<Locator> {
  // By the heading's text: its accessible name also carries the "[inserted: …]" announcements.
  const row = app.page.locator('article.row').filter({ has: app.page.locator('h3', { hasText: new RegExp(`^${heading}$`) }) })
  const scroller = app.page.getByRole('region', { name: 'Redline' })
  await scroller.evaluate((el) => el.scrollTo(0, 0))
  for (let i = 0; i < 40 && (await row.count()) === 0; i++) await scroller.evaluate((el) => el.scrollBy(0, 300))
  await row.scrollIntoViewIfNeeded()
  return row
}

test('split, merged, renumbered and doubtful rows read naturally and say why they were paired', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=draft-jan&target=draft-mar')
  await expect(page).toHaveTitle(/^Compare January 2026 → March 2026/)
  const summary = page.getByRole('region', { name: 'Summary of changes' })
  await expect(summary).toContainText('1 split')
  await expect(summary).toContainText('1 merged')
  await expect(summary).toContainText('renumbered')

  // The split: one base clause on the left, the three new clauses stacked on the right, each with its number.
  const split = page.locator('article.row[data-status="split"]')
  await split.scrollIntoViewIfNeeded()
  await expect(split.locator('.status')).toHaveText('Split into 3')
  await expect(split.getByTestId('row-numbering')).toHaveText('3 → 4.1, 4.2, 4.3')
  await expect(split.locator('.row__col--target [data-testid="row-piece"] h4')).toHaveText(['4.1 Fees', '4.2 Invoicing', '4.3 Late payment'])
  await expect(split.locator('.row__col--base [data-testid="row-piece"]')).toHaveCount(0)
  await expect(split.locator('.row__col--target ins')).toContainText(['undisputed', 'forty-five', 'two'])
  await expect(split.locator('.row__col--base del')).toContainText(['thirty', 'four'])
  await split.scrollIntoViewIfNeeded()
  await shoot(split, app.mode, 'pairing-split')

  // The merge: two base clauses stacked on the left, one on the right.
  const merged = await rowByHeading(app, 'Warranties and disclaimer')
  await expect(merged.locator('.status')).toHaveText('Merged from 2')
  await expect(merged.locator('.row__col--base [data-testid="row-piece"] h4')).toHaveText(['5 Warranties', '6 Disclaimer'])
  await expect(merged.getByTestId('row-numbering')).toHaveText('5, 6 → 7')
  await shoot(merged, app.mode, 'pairing-merged')

  // A renumbered clause with the same words: "4 → 6", unchanged.
  const confidentiality = await rowByHeading(app, 'Confidentiality')
  await confidentiality.scrollIntoViewIfNeeded()
  await expect(confidentiality).toHaveAttribute('data-status', 'unchanged')
  await expect(confidentiality.getByTestId('row-numbering')).toHaveText('4 → 6')
  await confidentiality.hover()
  await expect(confidentiality.getByTestId('row-why')).toBeVisible()
  await expect(confidentiality.getByTestId('row-why')).toHaveText('Paired: identical text')
  await shoot(confidentiality, app.mode, 'pairing-renumbered')

  // Hovering a content pair says why: similar wording with its score.
  const services = await rowByHeading(app, 'Services')
  await services.hover()
  await expect(services.getByTestId('row-why')).toBeVisible()
  await expect(services.getByTestId('row-why')).toHaveText(/^Paired: similar wording 0\.\d\d$/)

  // The doubtful pair: marked, counted, reachable with "c", and its reason always shown.
  await expect(page.getByTestId('review-position')).toHaveText('1 pairing to check')
  await page.locator('body').press('c')
  const current = page.locator('article.row[aria-current="true"]')
  await expect(current).toHaveAttribute('data-review', 'true')
  await expect(current.getByRole('heading', { level: 3 })).toHaveText('Liability')
  await expect(current.getByTestId('check-pairing')).toHaveText('Check pairing')
  await expect(current.getByTestId('row-why')).toHaveText(/^Check pairing: similar wording 0\.\d\d$/)
  await expect(page.getByTestId('review-position')).toHaveText('Checking pairing 1 of 1')
  await expect(current).toBeInViewport()
  await shoot(current, app.mode, 'pairing-check')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('pairing-drafts')

  // Inline, the split still stacks its clauses, each with its own deletions and insertions.
  await page.getByRole('button', { name: 'Inline' }).click()
  const inline = page.locator('article.row[data-status="split"]')
  await inline.scrollIntoViewIfNeeded()
  await expect(inline.locator('[data-testid="row-piece"] h4')).toHaveText(['4.1 Fees', '4.2 Invoicing', '4.3 Late payment'])
  await expect(inline.locator('[data-testid="row-piece"]').nth(1).locator('del')).toContainText(['thirty'])
  await expect(inline.locator('[data-testid="row-piece"]').nth(2).locator('del')).toContainText(['four'])
  await shoot(inline, app.mode, 'pairing-split-inline')
  app.assertNoPageErrors()
})

test('"Pair with…" is saved, shown, undoable, and applied by compare --workspace', async ({ app, appOptions }) => {
  const { page } = app
  await app.goto('/compare?base=draft-jan&target=draft-mar')
  const publicity = await rowByHeading(app, 'Publicity')
  await expect(publicity).toHaveAttribute('data-status', 'removed')

  // Escape closes the dialog and gives focus back to the button that opened it.
  await publicity.getByTestId('pair-with').focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('pair-dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(publicity.getByTestId('pair-with')).toBeFocused()

  // Keyboard only: from the row's "Pair with…" button, pick in the dialog, confirm with Enter.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText('Pair 8 Publicity with…')
  await page.keyboard.type('personal data')
  await expect(dialog.locator('li')).toHaveCount(1)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Space')
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('pairing-dialog')
  await dialog.getByTestId('pair-confirm').press('Enter')
  await expect(dialog).toHaveCount(0)

  const paired = await rowByHeading(app, 'Data protection')
  await expect(paired).toHaveAttribute('data-status', 'moved')
  await expect(paired.locator('.row__col--base')).toContainText('name the Customer as a client')
  await paired.hover()
  await expect(paired.getByTestId('row-why')).toHaveText('Paired: set by a reviewer')
  await expect(page.getByTestId('pairing-message')).toContainText('Paired Publicity')
  // Focus lands on the row the clause now stands in.
  await expect(paired.getByTestId('pair-with')).toBeFocused()
  await shoot(paired, app.mode, 'pairing-manual')

  // The same workspace, read by the CLI.
  const cli = (): { clauses: Array<{ heading: string; match: { by: string; confidence: number } | null; baseClauses: Array<{ label: string }> }> } =>
    JSON.parse(execFileSync(process.execPath, [join(ROOT, 'out/cli/clausewise.cjs'), 'compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar', '--workspace', appOptions.workspacePath, '--json'], { encoding: 'utf8' }))
  const row = cli().clauses.find((c) => c.heading === 'Data protection')!
  expect(row.match).toEqual(expect.objectContaining({ by: 'manual', confidence: 1 }))
  expect(row.baseClauses.map((c) => c.label)).toEqual(['8'])

  // Undo takes it back, in the app and on disk.
  await page.locator('body').press('Control+z')
  await expect(await rowByHeading(app, 'Publicity')).toHaveAttribute('data-status', 'removed')
  expect(cli().clauses.find((c) => c.heading === 'Data protection')!.match).toBeNull()

  // "Unpair" on a content pair keeps both clauses apart.
  const services = await rowByHeading(app, 'Services')
  await services.hover()
  await services.getByTestId('unpair').click()
  await expect(page.locator('article.row[data-status="removed"]').filter({ hasText: 'reasonable skill and care and in accordance' })).toHaveCount(1)
  await expect(page.locator('article.row[data-status="added"]').filter({ hasText: 'good industry practice' })).toHaveCount(1)
  app.assertNoPageErrors()
})

test.describe('with a saved pairing whose clause the draft no longer has', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    appOptions: async ({}, use, testInfo) => {
      const workspacePath = testInfo.outputPath('stale.clausewise.json')
      const { mkdir, writeFile } = await import('node:fs/promises')
      await mkdir(testInfo.outputPath(), { recursive: true })
      const link = (id: string, base: string[]) => ({ id, created: '2026-03-01T00:00:00.000Z', reviewer: 'A. Reviewer', baseVersionId: 'draft-jan', targetVersionId: 'draft-mar', base, target: [] })
      await writeFile(workspacePath, JSON.stringify({ format: 'clausewise-workspace', schemaVersion: 3, id: 'stale-test', created: '2026-03-01T00:00:00.000Z', settings: { reviewerName: 'A. Reviewer' }, citations: [], pairings: [link('gone', ['c-0123456789ab'])] }))
      await use({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: DRAFTS, workspacePath })
    }
  })

  test('the comparison says so, applies the rest, and the reviewer can forget it (undoably)', async ({ app }) => {
    const { page } = app
    await app.goto('/compare?base=draft-jan&target=draft-mar')
    const notices = page.getByTestId('compare-notices')
    await expect(notices).toContainText('The saved pairing c-0123456789ab → (none) was not applied: clause "c-0123456789ab" is not in draft-jan')
    await expect(page.locator('article.row[data-status="split"]')).toHaveCount(1)
    expect(await app.seriousA11yViolations()).toEqual([])
    await app.screenshot('pairing-stale-notice')
    await notices.getByTestId('forget-stale').click()
    await expect(notices).toHaveCount(0)
    await expect(page.getByTestId('pairing-message')).toContainText('Forgot 1 saved pairing')
    await page.locator('body').press('Control+z')
    await expect(page.getByTestId('compare-notices')).toHaveCount(1)
    app.assertNoPageErrors()
  })
})
