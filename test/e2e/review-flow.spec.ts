// Issue 13, parts 3 and 5: sources that disagree are flagged on the row before anyone cites, the
// evidence panel sets the two passages side by side (one click cites either; a flag can be
// dismissed and shown again, undoably), and a clause's history runs across every version.
import { expect, test } from './harness'
import { revealRow } from './rows'

const SIZES = [
  [1440, 900, ''],
  [1024, 700, '-1024']
] as const

test('sources that disagree: the row says so, the panel sets the passages side by side, cites one in a click, dismisses and undoes', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2026-02&target=2026-04')
  const ip = await revealRow(page, 'ip-licence')
  // April's IP licence: the end of the term (2032 vs 2030) and its exclusivity.
  const badge = ip.getByTestId('row-disagree')
  await expect(badge).toHaveText('Sources disagree (2)')
  await expect(badge).toHaveAttribute('title', /the end of the term and the exclusivity/)
  // A term no source contradicts has no flag.
  await expect(page.locator('[data-clause="cloud-exclusivity"]').getByTestId('row-disagree')).toHaveCount(0)

  await ip.getByRole('button', { name: 'Evidence for IP licence' }).click()
  const panel = page.getByTestId('evidence-panel')
  const flags = panel.getByTestId('disagreement')
  await expect(flags).toHaveCount(2)
  const term = flags.and(page.locator('[data-kind="term"]'))
  const exclusivity = flags.and(page.locator('[data-kind="exclusivity"]'))
  await expect(term.locator('.flag__kind')).toHaveText('On the end of the term')
  await expect(exclusivity.locator('.flag__kind')).toHaveText('On the exclusivity')
  for (const flag of [term, exclusivity]) {
    const passages = flag.getByTestId('disagreement-passage')
    await expect(passages).toHaveCount(2)
    // Side by side: the two passages share a line in the panel.
    const [a, b] = [await passages.nth(0).boundingBox(), await passages.nth(1).boundingBox()]
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(1)
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1)
  }
  const hamidun = exclusivity.locator('[data-source="hamidun-news"]')
  const windows = exclusivity.locator('[data-source="windows-central"]')
  await expect(hamidun).toContainText('Hamidun News')
  await expect(hamidun).toContainText('not exclusive')
  await expect(hamidun).toContainText('this license is no longer exclusive')
  await expect(windows).toContainText('Windows Central')
  await expect(windows.locator('.flag__value')).toHaveText('Says: exclusive')
  await expect(term.locator('[data-source="windows-central"] .flag__value')).toHaveText('Says: 2030')
  await expect(term.locator('[data-source="hamidun-news"] .flag__value')).toHaveText('Says: 2032')

  for (const [width, height, suffix] of SIZES) {
    await page.setViewportSize({ width, height })
    await ip.scrollIntoViewIfNeeded()
    await expect(badge).toBeInViewport()
    await app.screenshot(`source-disagreement${suffix}`)
    expect(await app.seriousA11yViolations()).toEqual([])
  }
  await page.setViewportSize({ width: 1440, height: 900 })

  // One click cites a passage: the row counts it, the passage says how it is cited.
  await expect(ip.getByTestId('row-evidence')).toHaveCount(0)
  await hamidun.getByRole('button', { name: 'Cite as supporting' }).click()
  await expect(ip.getByTestId('row-evidence')).toContainText('1 cited')
  await expect(ip.getByTestId('row-evidence')).toContainText('1 supporting')
  await expect(hamidun.getByTestId('disagreement-cited')).toHaveText('Cited as supporting')
  await expect(hamidun.getByTestId('disagreement-cited')).toBeFocused()
  const cited = panel.getByTestId('citation')
  await expect(cited).toHaveCount(1)
  await expect(cited).toContainText('this license is no longer exclusive')

  // Dismissed: the row counts one flag, the panel keeps it collapsed, focus stays on it.
  await exclusivity.getByRole('button', { name: 'Dismiss: sources disagree on the exclusivity' }).click()
  await expect(badge).toHaveText('Sources disagree')
  await expect(exclusivity).toHaveAttribute('data-dismissed', 'true')
  await expect(exclusivity).toContainText('Dismissed — the exclusivity')
  await expect(exclusivity.getByTestId('disagreement-passage')).toHaveCount(0)
  await expect(exclusivity.getByTestId('restore-disagreement')).toBeFocused()
  await expect(panel.locator('#disagree-title')).toHaveText('Sources disagree (1)')

  // Ctrl+Z takes the dismissal back (the citation stays).
  await page.keyboard.press('Control+z')
  await expect(badge).toHaveText('Sources disagree (2)')
  await expect(exclusivity.getByTestId('disagreement-passage')).toHaveCount(2)
  await expect(ip.getByTestId('row-evidence')).toContainText('1 cited')

  // "Show again" after a dismissal restores it too; the dismissal is saved across a reload.
  await term.getByTestId('dismiss-disagreement').click()
  await expect(badge).toHaveText('Sources disagree')
  await page.reload()
  await revealRow(page, 'ip-licence')
  await expect(badge).toHaveText('Sources disagree')
  await ip.getByRole('button', { name: 'Evidence for IP licence' }).click()
  await term.getByTestId('restore-disagreement').click()
  await expect(badge).toHaveText('Sources disagree (2)')
  await expect(term.getByTestId('disagreement-passage')).toHaveCount(2)
})

test('a clause’s history from its redline row: every version oldest first, its state, redline, sources and citations', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2026-02&target=2026-04')
  const ip = await revealRow(page, 'ip-licence')
  await ip.getByRole('link', { name: 'History of IP licence' }).click()
  await expect(page).toHaveURL(/#\/clauses\/ip-licence$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IP licence')
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)

  const stages = page.getByTestId('stage')
  await expect(stages).toHaveCount(5)
  expect(await stages.evaluateAll((els) => els.map((el) => [el.getAttribute('data-version'), el.getAttribute('data-state')]))).toEqual([
    ['2019', 'absent'],
    ['2025-01', 'absent'],
    ['2025-10', 'stated'],
    ['2026-02', 'stated'],
    ['2026-04', 'stated']
  ])
  await expect(stages.nth(0).getByTestId('stage-state')).toHaveText('Not in this version')
  await expect(stages.nth(2).getByTestId('stage-state')).toHaveText('Stated')

  // October states it first: plain text, nothing struck or inserted.
  const october = stages.nth(2)
  await expect(october).toContainText('First stated in this version')
  await expect(october.locator('ins, del')).toHaveCount(0)
  // April against February: the licence is no longer exclusive, and who says so.
  const april = stages.nth(4)
  await expect(april).toContainText('Changes since 27 February 2026')
  await expect(april.locator('ins')).toContainText(['licence is no longer exclusive'])
  await expect(april.locator('del').first()).toContainText('exclusive licence')
  await expect(april.getByRole('list', { name: 'Reported by', exact: true }).locator('[data-basis-source="hamidun-news"]')).toBeVisible()
  await expect(april.getByTestId('stage-citations')).toHaveText('No citations')
  // Where its sources disagree, the stage says so (October's do not).
  await expect(april.getByTestId('stage-disagree')).toHaveText('Sources disagree on the end of the term and the exclusivity')
  await expect(stages.nth(3).getByTestId('stage-disagree')).toHaveText('Sources disagree on the end of the term')
  await expect(october.getByTestId('stage-disagree')).toHaveCount(0)
  // Each stage opens the comparison it changed in.
  await expect(april.getByRole('link', { name: 'Compare with 27 February 2026' })).toHaveAttribute('href', '#/compare?base=2026-02&target=2026-04')

  for (const [width, height, suffix] of SIZES) {
    await page.setViewportSize({ width, height })
    await app.screenshot(`clause-history${suffix}`)
    expect(await app.seriousA11yViolations()).toEqual([])
  }
})

test('a carried-over stage is quiet and names its version; the version view links each clause to its history', async ({ app }) => {
  const { page } = app
  await app.goto('/versions/2026-04')
  await page.locator('[data-clause="cloud-exclusivity"]').getByRole('link', { name: 'History of Cloud exclusivity' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud exclusivity')
  const october = page.locator('[data-testid="stage"][data-version="2025-10"]')
  await expect(october).toHaveAttribute('data-state', 'carried-over')
  await expect(october.getByTestId('stage-state')).toHaveText('Carried over from January 2025 (not restated)')
  await expect(october.locator('ins, del')).toHaveCount(0)
  await expect(october.getByRole('list', { name: /^Reported by \(as of / })).toBeVisible()
})
