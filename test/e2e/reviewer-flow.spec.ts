// Issue 13, the reviewer's flow: next and previous step through each change inside clauses, the
// change list and the overview strip, Find across every row (drawn or not), folded runs of
// unchanged clauses, options as chips, popovers that close, Export that says when it cannot run,
// "Show in folder", a collapsible side panel, and a one-line toolbar at 1024×700.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Comparison } from '../../src-main/api/contract'
import { expect, test, type AppOptions } from './harness'
import { ROOT } from './modes'
import { changeClauses } from './rows'

const CLI = join(ROOT, 'out/cli/clausewise.cjs')

function cliCompare(options: AppOptions, base: string, target: string): Comparison {
  return JSON.parse(execFileSync(process.execPath, [CLI, 'compare', '--base', base, '--target', target, '--models-dir', options.modelsDir, '--sources-dir', options.sourcesDir, '--json'], { encoding: 'utf8' })) as Comparison
}

const position = (page: Page) => page.getByTestId('change-position')

/** The words Find highlights as the current match, lower-cased (read from the page's highlight registry). */
function currentHighlight(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((CSS.highlights.get('clausewise-find-current') as Set<Range> | undefined) ?? [])].map((r) => r.toString().toLowerCase()))
}

test('next and previous step through each change inside the clauses, and the evidence panel follows', async ({ app, appOptions }) => {
  const page = app.page
  const steps = changeClauses(cliCompare(appOptions, '2025-10', '2026-04'))
  const total = steps.length
  expect(total).toBeGreaterThan(new Set(steps).size)
  await app.goto('/compare?base=2025-10&target=2026-04')
  await expect(position(page)).toHaveText(`${total} changes`)

  // Change by change: a clause with several changes keeps its row current while the change moves on.
  const visited: Array<{ clause: string; text: string }> = []
  for (let i = 0; i < total; i++) {
    await page.locator('body').press('n')
    await expect(position(page)).toHaveText(`Change ${i + 1} of ${total}`)
    const change = page.locator('.is-current-change').first()
    const row = page.locator('article.row[aria-current="true"]')
    const clause = (await row.getAttribute('data-clause'))!
    if ((await page.locator('.is-current-change').count()) > 0) {
      await expect(change).toBeInViewport()
      visited.push({ clause, text: (await change.textContent()) ?? '' })
    } else visited.push({ clause, text: '' })
  }
  expect(visited.map((v) => v.clause)).toEqual(steps)
  // The IP licence's changes are different passages of one clause.
  const ip = visited.filter((v) => v.clause === 'ip-licence')
  expect(ip.length).toBeGreaterThan(1)
  expect(new Set(ip.map((v) => v.text)).size).toBe(ip.length)

  // The current change's clause is the selected clause: the evidence panel shows it.
  await page.locator('body').press('n')
  await expect(position(page)).toHaveText(`Change 1 of ${total}`)
  const first = await page.locator('article.row[aria-current="true"]').getAttribute('data-clause')
  await expect(page.locator('article.row.is-selected')).toHaveAttribute('data-clause', first!)
  await expect(page.getByRole('tabpanel', { name: 'Evidence' })).toContainText((await page.locator('article.row[aria-current="true"] h3').textContent())!.trim())
})

/** How often `word` appears in what side by side shows: each row's heading and both its texts (the CLI's redline). */
function occurrences(c: Comparison, word: string): { total: number; rows: string[] } {
  const count = (text: string | undefined) => (text ?? '').toLowerCase().split(word.toLowerCase()).length - 1
  const rows: string[] = []
  let total = 0
  for (const r of c.clauses) {
    const n = count(r.target?.heading ?? r.base?.heading) + count(r.base?.text) + count(r.target?.text)
    if (n > 0) rows.push(r.clauseId)
    total += n
  }
  return { total, rows }
}

test('Find (Ctrl+F) counts every match in the comparison, drawn or not, goes to each and closes back where it was', async ({ app, appOptions }) => {
  const page = app.page
  const c = cliCompare(appOptions, '2025-10', '2026-04')
  const amazon = occurrences(c, 'amazon')
  expect(amazon.total).toBeGreaterThan(1)
  await app.goto('/compare?base=2025-10&target=2026-04')
  await expect(page.locator('article.row').first()).toBeVisible()
  // The Amazon rows are far down the list: not in the page yet.
  const last = amazon.rows.at(-1)!
  await expect(page.locator(`article.row[data-clause="${last}"]`)).toHaveCount(0)

  await page.getByRole('button', { name: 'Next', exact: false }).first().focus()
  const before = await page.evaluate(() => document.activeElement?.textContent?.trim())
  await page.keyboard.press('Control+f')
  const input = page.getByTestId('find-input')
  await expect(input).toBeFocused()
  await input.fill('Amazon')
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${amazon.total}`)
  // The first match is shown, in a row that was not drawn before.
  await expect(page.locator(`article.row[data-clause="${amazon.rows[0]}"]`)).toBeInViewport()
  expect(await currentHighlight(page)).toEqual(['amazon'])
  await app.screenshot('find')
  await page.setViewportSize({ width: 1024, height: 700 })
  // Back to the first match, now in the narrower window.
  await input.press('Enter')
  await input.press('Shift+Enter')
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${amazon.total}`)
  await app.screenshot('find-1024')
  await page.setViewportSize({ width: 1440, height: 900 })
  for (let i = 2; i <= amazon.total; i++) {
    await input.press('Enter')
    await expect(page.getByTestId('find-count')).toHaveText(`${i} of ${amazon.total}`)
    await expect.poll(() => currentHighlight(page)).toEqual(['amazon'])
  }
  await expect(page.locator(`article.row[data-clause="${last}"]`)).toBeInViewport()
  await input.press('Enter')
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${amazon.total}`)
  await input.press('Shift+Enter')
  await expect(page.getByTestId('find-count')).toHaveText(`${amazon.total} of ${amazon.total}`)

  await input.fill('no such words anywhere')
  await expect(page.getByTestId('find-count')).toHaveText('No matches')
  expect(await app.seriousA11yViolations()).toEqual([])

  await input.press('Escape')
  await expect(page.getByTestId('find-bar')).toHaveCount(0)
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(before)
})

test('runs of unchanged clauses fold; options are a popover that closes on Escape and outside clicks, active ones as chips', async ({ app, appOptions }) => {
  const page = app.page
  // October 2025 → February 2026 has unchanged and carried-over clauses next to each other.
  const c = cliCompare(appOptions, '2025-10', '2026-02')
  expect(c.summary.unchanged).toBeGreaterThan(0)
  await app.goto('/compare?base=2025-10&target=2026-02')
  await expect(page.locator('article.row').first()).toBeVisible()
  expect(await app.seriousA11yViolations()).toEqual([])

  const options = page.getByTestId('options-button')
  await options.click()
  await expect(page.getByTestId('options-panel')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('options-panel')).toHaveCount(0)
  await expect(options).toBeFocused()
  await options.click()
  await page.getByRole('region', { name: 'Summary of changes' }).click({ position: { x: 8, y: 8 } })
  await expect(page.getByTestId('options-panel')).toHaveCount(0)

  await options.click()
  await page.getByTestId('fold-unchanged').check()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('option-chips')).toHaveText(/Unchanged runs folded/)
  const folds = page.getByTestId('fold')
  await expect(folds.first()).toBeVisible()
  // Every changed clause is still there; the folded ones are named on their bar.
  const bar = await folds.first().textContent()
  expect(bar).toMatch(/Show \d+ (unchanged clauses|clauses carried over \(not restated\)|clauses unchanged or carried over)/)
  const hidden = c.clauses.filter((r) => bar!.includes(r.heading)).map((r) => r.clauseId)
  expect(hidden.length).toBeGreaterThanOrEqual(2)
  for (const id of hidden) {
    expect(['unchanged', 'carried-over']).toContain(c.clauses.find((r) => r.clauseId === id)!.status)
    await expect(page.locator(`article.row[data-clause="${id}"]`)).toHaveCount(0)
  }
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('folded-unchanged')
  await page.setViewportSize({ width: 1024, height: 700 })
  await folds.first().scrollIntoViewIfNeeded()
  await expect(folds.first()).toBeInViewport()
  await app.screenshot('folded-unchanged-1024')
  await page.setViewportSize({ width: 1440, height: 900 })

  await folds.first().getByTestId('fold-toggle').click()
  for (const id of hidden) await expect(page.locator(`article.row[data-clause="${id}"]`)).toHaveCount(1)
  await expect(folds.first().getByTestId('fold-toggle')).toHaveAttribute('aria-expanded', 'true')

  // Clearing the chip unfolds everything; focus goes to the Options button, not the page.
  await page.getByRole('button', { name: 'Clear: Unchanged runs folded' }).click()
  await expect(page.getByTestId('option-chips')).toHaveCount(0)
  await expect(folds).toHaveCount(0)
  await expect(options).toBeFocused()
})

test('Export is disabled when it cannot succeed; its message names the folder, offers Show in folder, and clears when the pair changes', async ({ app }) => {
  const page = app.page
  await app.goto('/compare?base=2025-10&target=2025-10')
  const exportButton = page.getByTestId('export-button')
  await expect(exportButton).toBeDisabled()
  await expect(exportButton).toHaveAttribute('title', 'Choose two different versions to export')

  await app.goto('/compare?base=2025-01&target=2026-04')
  await expect(exportButton).toBeEnabled()
  // The Export menu: every format, the first focused; Escape and an outside click close it.
  await exportButton.click()
  const menu = page.getByRole('menu', { name: 'Export as' })
  await expect(menu.getByRole('menuitem')).toHaveText([/^PDF \(inline\)/, /^PDF \(side by side\)/, /^Word redline/])
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('export-menu')
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(exportButton).toBeFocused()
  await exportButton.click()
  await page.getByRole('region', { name: 'Summary of changes' }).click({ position: { x: 8, y: 8 } })
  await expect(menu).toHaveCount(0)
  const revealed = await app.watchReveals()
  await exportButton.click()
  await page.getByTestId('export-pdf').click()
  await expect(page.getByTestId('export-message')).toHaveText(/^Saved Redline 2025-01 to 2026-04-27\.pdf in .+: \d+ pages?, \d+ clauses?, \d+ citations?\.$/)
  await page.getByTestId('show-in-folder').click()
  await expect.poll(revealed).toHaveLength(1)
  expect((await revealed())[0]).toMatch(/Redline 2025-01 to 2026-04-27\.pdf$/)
  await page.getByTestId('target-picker').selectOption('2026-02')
  await expect(page.getByTestId('export-message')).toHaveCount(0)
  await expect(page.getByTestId('show-in-folder')).toHaveCount(0)
})

test('at 1024×700 the toolbar keeps to one line and both columns stay readable; the side panel collapses to give them room', async ({ app }) => {
  const page = app.page
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.goto('/compare?base=2025-10&target=2026-04')
  await expect(page.locator('article.row').first()).toBeVisible()
  const toolbar = page.getByRole('region', { name: 'Comparison settings' })
  // One line: every control's middle at the same height (within a few pixels), the toolbar no taller than one.
  const middles = await toolbar.evaluate((el) => [...el.querySelectorAll<HTMLElement>('select, button')].map((b) => (b.getBoundingClientRect().top + b.getBoundingClientRect().bottom) / 2))
  expect(Math.max(...middles) - Math.min(...middles), `controls' middles at ${middles.join(', ')}`).toBeLessThan(6)
  expect((await toolbar.boundingBox())!.height).toBeLessThan(64)
  const columns = async () => page.locator('article.row').first().locator('.row__col').evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().width)))
  for (const w of await columns()) expect(w).toBeGreaterThanOrEqual(240)
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('compare-1024')

  const before = (await columns())[0]!
  await page.getByTestId('panel-toggle').click()
  await expect(page.locator('#side-panel')).toHaveCount(0)
  await expect(page.getByTestId('panel-toggle')).toBeFocused()
  expect((await columns())[0]!).toBeGreaterThan(before + 100)
  await app.screenshot('compare-1024-panel-hidden')
  await page.getByTestId('panel-toggle').click()
  await expect(page.locator('#side-panel')).toBeVisible()
  await expect(page.getByTestId('panel-toggle')).toBeFocused()
})

test('the change list names every change with its clause and a snippet; a click goes to it, and next/previous move its mark', async ({ app, appOptions }) => {
  const page = app.page
  const c = cliCompare(appOptions, '2025-10', '2026-04')
  const steps = changeClauses(c)
  const heading = new Map(c.clauses.map((r) => [r.clauseId, r.heading]))
  await app.goto('/compare?base=2025-10&target=2026-04')
  await page.getByRole('tab', { name: /Changes/ }).click()
  const list = page.getByTestId('change-list')
  await expect(list).toContainText(`${steps.length} changes in ${new Set(steps).size} clauses`)
  const items = list.locator('button.change')
  await expect(items).toHaveCount(steps.length)
  for (const [i, clauseId] of steps.entries()) await expect(items.nth(i).locator('.change__clause')).toHaveText(heading.get(clauseId)!)
  // The IP licence's snippets quote what was struck and what was inserted.
  const ip = steps.indexOf('ip-licence')
  await expect(list.locator('button.change', { hasText: 'no longer exclusive' }).locator('ins')).toContainText('no longer exclusive')

  await items.nth(ip).click()
  await expect(position(page)).toHaveText(`Change ${ip + 1} of ${steps.length}`)
  await expect(page.locator('article.row[aria-current="true"]')).toHaveAttribute('data-clause', 'ip-licence')
  await expect(page.locator('.is-current-change').first()).toBeInViewport()
  await expect(items.nth(ip)).toHaveAttribute('aria-current', 'true')
  await page.locator('body').press('n')
  await expect(items.nth(ip + 1)).toHaveAttribute('aria-current', 'true')
  await expect(items.nth(ip)).not.toHaveAttribute('aria-current', 'true')
  // The overview strip marks the current change's clause.
  await expect(page.getByTestId('overview')).toHaveAttribute('data-current-change', String(steps.indexOf('ip-licence')))
  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('change-list')
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect(page.locator('.is-current-change').first()).toBeVisible()
  await app.screenshot('change-list-1024')
  expect(await app.seriousA11yViolations()).toEqual([])
  await page.setViewportSize({ width: 1440, height: 900 })

  // The place inside the clause survives "Changed only" and an undo, and so does Find's match.
  const here = `Change ${ip + 2} of ${steps.length}`
  await page.getByLabel('Changed only').check()
  await expect(position(page)).toHaveText(here)
  await page.getByLabel('Changed only').uncheck()
  await expect(position(page)).toHaveText(here)
  await page.keyboard.press('Control+f')
  const input = page.getByTestId('find-input')
  await input.fill('microsoft')
  await expect(page.getByTestId('find-count')).toHaveText(/^\d+ of \d+$/)
  await input.press('Enter')
  await input.press('Enter')
  const match = (await page.getByTestId('find-count').textContent())!
  await page.getByRole('tab', { name: 'Evidence' }).click()
  await page.getByRole('button', { name: 'Dismiss: sources disagree on the exclusivity' }).click()
  await expect(page.getByTestId('restore-disagreement')).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('button', { name: 'Dismiss: sources disagree on the exclusivity' })).toBeVisible()
  await expect(position(page)).toHaveText(here)
  await expect(page.getByTestId('find-count')).toHaveText(match)
})

test('a version lists its clauses by number, the id only on hover', async ({ app, appOptions }) => {
  const page = app.page
  const versions = JSON.parse(execFileSync(process.execPath, [CLI, 'versions', '--models-dir', appOptions.modelsDir, '--sources-dir', appOptions.sourcesDir, '--json'], { encoding: 'utf8' })) as Array<{ id: string; clauses: Array<{ id: string; label?: string }> }>
  const april = versions.find((v) => v.id === '2026-04')!
  await app.goto('/versions/2026-04')
  const numbers = page.getByTestId('clause-number')
  await expect(numbers).toHaveCount(april.clauses.length)
  for (const [i, c] of april.clauses.entries()) {
    await expect(numbers.nth(i)).toHaveText(c.label ?? `${i + 1}.`)
    await expect(numbers.nth(i)).toHaveAttribute('title', `Clause id: ${c.id}`)
  }
  // No id is printed as text: "ip-licence" is a key for the CLI, not a number a reviewer cites.
  await expect(page.locator('main')).not.toContainText('ip-licence')
})

test.describe('on drafts whose clauses were split and merged', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    appOptions: async ({}, use, testInfo) => {
      await use({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'test/fixtures/drafts'), workspacePath: testInfo.outputPath('drafts.clausewise.json') })
    }
  })

  for (const layout of ['Side by side', 'Inline'] as const) {
    test(`${layout}: next steps through each change of the stacked rows, and Find highlights exactly each match`, async ({ app, appOptions }) => {
      const page = app.page
      const c = cliCompare(appOptions, 'draft-jan', 'draft-mar')
      expect(c.clauses.some((r) => r.status === 'split') && c.clauses.some((r) => r.status === 'merged')).toBe(true)
      const steps = changeClauses(c)
      await app.goto('/compare?base=draft-jan&target=draft-mar')
      await page.getByRole('button', { name: layout, exact: true }).click()
      await expect(position(page)).toHaveText(`${steps.length} changes`)
      const visited: string[] = []
      for (let i = 0; i < steps.length; i++) {
        await page.locator('body').press('n')
        await expect(position(page)).toHaveText(`Change ${i + 1} of ${steps.length}`)
        const row = page.locator('article.row[aria-current="true"]')
        visited.push((await row.getAttribute('data-clause'))!)
        const status = await row.getAttribute('data-status')
        // Inside a stacked row, the change is outlined where it is, and on screen; a merge with nothing
        // changed inside its clauses is one change, the row itself.
        const marks = row.locator('.is-current-change')
        if (status === 'split') await expect(marks.first()).toBeInViewport()
        else if (status === 'merged') await expect((await marks.count()) > 0 ? marks.first() : row).toBeInViewport()
      }
      expect(visited).toEqual(steps)

      // "thirty" is struck in the split clause 4.2; "days" is in several clauses on both sides.
      for (const word of ['thirty', 'days']) {
        await page.keyboard.press('Control+f')
        const input = page.getByTestId('find-input')
        await input.fill(word)
        const count = page.getByTestId('find-count')
        await expect(count).toHaveText(/^1 of \d+$/)
        const total = Number(/of (\d+)/.exec((await count.textContent())!)![1])
        for (let i = 1; i <= total; i++) {
          await expect(count).toHaveText(`${i} of ${total}`)
          await expect.poll(() => currentHighlight(page)).toEqual([word])
          await input.press('Enter')
        }
        await input.press('Escape')
      }
    })
  }
})
