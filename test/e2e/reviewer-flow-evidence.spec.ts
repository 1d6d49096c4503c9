// Issue 13, part 6, the evidence side of the reviewer's flow: focus never falls to the page body
// (saving, cancelling, Escape, "Add evidence", deleting, dismissing and Ctrl+Z), keyboard citing
// extends a passage word by word, evidence cards say who reports a passage and when, the stance
// actions look alike everywhere, status badges are legible, and every screen has one h1.
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { reviewFileOf } from '../../src-main/core/matter/layout'
import { createMatter } from '../../src-main/core/matter/service'
import { createServices } from '../../src-main/services'
import { expect, test } from './harness'
import { ROOT } from './modes'
import { revealRow, selectInReader } from './rows'

/** What has focus, as a short description; "body" when focus fell to the page. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    const id = el.getAttribute('data-testid') ?? el.getAttribute('data-citation') ?? ''
    return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}`
  })
}

async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  expect(await focused(page)).not.toBe('body')
}

async function openEvidence(page: Page, clauseId: string, heading: string): Promise<Locator> {
  const row = await revealRow(page, clauseId)
  await row.getByRole('button', { name: `Evidence for ${heading}` }).click()
  const panel = page.getByTestId('evidence-panel')
  await expect(panel.locator('#evidence-title')).toHaveText(heading)
  return panel
}

test('evidence cards name the publisher and date; stance actions are one control everywhere', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await app.goto('/compare?base=2026-02&target=2026-04')
  await page.getByTestId('reviewer-name').fill('A. Reviewer')
  await page.getByTestId('reviewer-name').press('Tab')
  const panel = await openEvidence(page, 'ip-licence', 'IP licence')
  const suggestions = panel.getByTestId('suggestion')
  await expect(suggestions.first()).toBeVisible()

  // Each suggestion says who reports it and when: dated articles by their date, the undated by
  // the latest event they report, as the source page does.
  const bylines = await suggestions.getByTestId('byline').allInnerTexts()
  expect(bylines.length).toBeGreaterThan(2)
  for (const line of bylines) {
    expect(line).toMatch(/^(Windows Central|Insights|Lean Thomas|Hamidun News|GadgetBond) · (\d{1,2} \w+ 20\d\d|Undated · reports events up to (\d{1,2} )?\w+ 20\d\d)\n/)
  }
  await expect(panel.locator('[data-source="hamidun-news"]').first().getByTestId('byline')).toContainText('Hamidun News · Undated · reports events up to 27 April 2026')

  // Suggestions and the disagreeing passages offer the same three stances, in the same control.
  const actionGroups = panel.getByTestId('stance-actions')
  const groupCount = await actionGroups.count()
  expect(groupCount).toBeGreaterThanOrEqual((await suggestions.count()) + 2)
  for (let i = 0; i < groupCount; i++) {
    await expect(actionGroups.nth(i).getByRole('button')).toHaveText(['supporting', 'contradicting', 'context'])
  }
  const look = (el: Element): string => {
    const s = getComputedStyle(el)
    return [s.height, s.borderRadius, s.fontSize, s.fontWeight, s.borderTopWidth, s.backgroundColor].join(' ')
  }
  const inSuggestion = await suggestions.first().getByRole('button', { name: 'Cite as contradicting' }).evaluate(look)
  const inFlag = await panel.getByTestId('disagreement-passage').first().getByRole('button', { name: 'Cite as contradicting' }).evaluate(look)
  expect(inFlag).toBe(inSuggestion)
  await suggestions.first().scrollIntoViewIfNeeded()
  await app.screenshot('evidence-suggestion-cards')
  expect(await app.seriousA11yViolations()).toEqual([])

  // Cited, a suggestion becomes a card with the same byline; editing it offers the stances in the
  // same pills (as radios), as the cite popover does.
  const firstByline = bylines[0]!
  await suggestions.first().getByRole('button', { name: 'Cite as context' }).click()
  const card = panel.getByTestId('citation')
  await expect(card).toHaveCount(1)
  expect(await card.getByTestId('byline').innerText()).toBe(firstByline)
  await card.getByTestId('edit-citation').click()
  const choice = card.getByTestId('stance-choice')
  await expect(choice.locator('label')).toHaveText(['Supports', 'Contradicts', 'Context'])
  await expect(choice.getByLabel('Context')).toBeChecked()
  const pill = await choice.locator('label').first().evaluate(look)
  expect(pill.split(' ').slice(0, 5)).toEqual(inSuggestion.split(' ').slice(0, 5))
  await card.getByTestId('citation-note').fill('Read with the April statement')
  await choice.getByLabel('Supports').check()
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(panel.locator('[data-stance="supports"] [data-testid="citation"]')).toContainText('Read with the April statement')
  // A second card, from a disagreeing passage: the cards of both groups, with reviewer and date.
  await panel.getByTestId('disagreement-passage').and(page.locator('[data-source="windows-central"]')).first().getByRole('button', { name: 'Cite as contradicting' }).click()
  await expect(panel.locator('[data-stance="contradicts"] [data-testid="citation"]')).toHaveCount(1)
  await expect(panel.locator('[data-stance="contradicts"] [data-testid="citation"] [data-testid="byline"]')).toContainText('Windows Central · Undated · reports events up to 27 February 2026')
  await expect(card.first()).toContainText('A. Reviewer · ')
  await panel.locator('[data-stance="supports"]').scrollIntoViewIfNeeded()
  await app.screenshot('evidence-citation-cards')
  expect(await app.seriousA11yViolations()).toEqual([])

  // The cite popover: the same control.
  await page.getByTestId('add-evidence').click()
  await page.getByTestId('source-picker').selectOption('windows-central')
  await selectInReader(page, 'Microsoft retains exclusive access')
  const popover = page.getByRole('dialog', { name: 'Cite this passage' })
  await expect(popover.getByTestId('stance-choice').locator('label')).toHaveText(['Supports', 'Contradicts', 'Context'])
  expect((await popover.getByTestId('stance-choice').locator('label').first().evaluate(look)).split(' ').slice(0, 5)).toEqual(inSuggestion.split(' ').slice(0, 5))
  // Its fields keep their own height: the note is a real text box, not a sliver.
  expect((await page.getByTestId('cite-note').boundingBox())!.height).toBeGreaterThan(40)
  await app.screenshot('evidence-cite-popover')
  expect(await app.seriousA11yViolations()).toEqual([])
})

test('focus never falls to the page body: popover, editor, Add evidence, delete, accept, dismiss and Ctrl+Z', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2026-02&target=2026-04')
  const panel = await openEvidence(page, 'ip-licence', 'IP licence')

  // "Add evidence" hides its own panel: focus goes to the article picker, not the body.
  await page.getByTestId('add-evidence').click()
  await expectFocusOn(page, page.getByTestId('source-picker'))
  await page.getByTestId('source-picker').selectOption('hamidun-news')

  // The cite popover hands focus back to the article text: Escape, Cancel and Save alike.
  const reader = page.getByTestId('reader-body')
  const popover = page.getByRole('dialog', { name: 'Cite this passage' })
  await selectInReader(page, 'this license is no longer exclusive')
  await expectFocusOn(page, page.getByTestId('cite-clause'))
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()
  await expectFocusOn(page, reader)
  await selectInReader(page, 'this license is no longer exclusive')
  await popover.getByRole('button', { name: 'Cancel' }).click()
  await expect(popover).toBeHidden()
  await expectFocusOn(page, reader)
  // A click outside closes it too, unless a note has been written: a stray click keeps the reviewer's words.
  await selectInReader(page, 'this license is no longer exclusive')
  const summary = page.getByRole('region', { name: 'Summary of changes' })
  await summary.click({ position: { x: 8, y: 8 } })
  await expect(popover).toBeHidden()
  await selectInReader(page, 'this license is no longer exclusive')
  await popover.getByTestId('cite-note').fill('Compare the February statement.')
  await summary.click({ position: { x: 8, y: 8 } })
  await expect(popover).toBeVisible()
  await expect(popover.getByTestId('cite-note')).toHaveValue('Compare the February statement.')
  await popover.getByRole('button', { name: 'Cancel' }).click()
  await expect(popover).toBeHidden()
  await selectInReader(page, 'this license is no longer exclusive')
  await popover.getByRole('button', { name: 'Save citation' }).click()
  await expect(popover).toBeHidden()
  await expectFocusOn(page, reader)
  await expect(page.locator('mark.mark--supports')).toHaveText('this license is no longer exclusive')

  // The note editor: it opens on the stance, Escape and Save return to the card's Edit.
  await page.getByRole('tab', { name: 'Evidence' }).click()
  const cards = panel.getByTestId('citation')
  await expect(cards).toHaveCount(1)
  await cards.first().getByTestId('edit-citation').click()
  await expectFocusOn(page, cards.first().getByLabel('Supports'))
  await cards.first().getByTestId('citation-note').fill('draft note')
  await page.keyboard.press('Escape')
  await expect(cards.first().getByTestId('citation-editor')).toHaveCount(0)
  await expectFocusOn(page, cards.first().getByTestId('edit-citation'))
  await expect(cards.first()).not.toContainText('draft note')
  await cards.first().getByTestId('edit-citation').click()
  await cards.first().getByTestId('citation-note').fill('No longer exclusive, says Hamidun')
  await cards.first().getByRole('button', { name: 'Save' }).click()
  await expect(cards.first()).toContainText('No longer exclusive, says Hamidun')
  await expectFocusOn(page, cards.first().getByTestId('edit-citation'))

  // Accepting a suggestion: focus goes to the new card.
  const suggestion = panel.getByTestId('suggestion').first()
  const quote = (await suggestion.locator('.card__quote').innerText()).trim()
  await suggestion.getByRole('button', { name: 'Cite as context' }).click()
  const created = panel.locator('[data-stance="context"] [data-testid="citation"]')
  await expect(created).toContainText(quote)
  await expectFocusOn(page, created)

  // Delete asks again on the same button (focus stays), then focus goes to the neighbouring card,
  // and with no card left to "Add evidence".
  await expect(cards).toHaveCount(2)
  const firstCard = cards.first()
  const secondId = await cards.nth(1).getAttribute('data-citation')
  await firstCard.getByTestId('delete-citation').click()
  await expect(firstCard.getByTestId('delete-citation')).toHaveText('Confirm delete')
  await expectFocusOn(page, firstCard.getByTestId('delete-citation'))
  await page.keyboard.press('Enter')
  await expect(cards).toHaveCount(1)
  await expectFocusOn(page, panel.locator(`[data-citation="${secondId}"]`))
  await cards.first().getByTestId('delete-citation').click()
  await cards.first().getByTestId('delete-citation').click()
  await expect(cards).toHaveCount(0)
  await expectFocusOn(page, page.getByTestId('add-evidence'))

  // A flag: Dismiss → focus on "Show again"; Ctrl+Z brings the flag back → focus on its Dismiss.
  const term = panel.locator('[data-testid="disagreement"][data-kind="term"]')
  await term.getByTestId('dismiss-disagreement').click()
  await expect(term).toHaveAttribute('data-dismissed', 'true')
  await expectFocusOn(page, term.getByTestId('restore-disagreement'))
  await page.keyboard.press('Control+z')
  await expect(term).not.toHaveAttribute('data-dismissed', 'true')
  await expectFocusOn(page, term.getByTestId('dismiss-disagreement'))
  // Ctrl+Shift+Z dismisses it again: focus on "Show again"; Show again → its Dismiss.
  await page.keyboard.press('Control+Shift+z')
  await expect(term).toHaveAttribute('data-dismissed', 'true')
  await expectFocusOn(page, term.getByTestId('restore-disagreement'))
  await page.keyboard.press('Enter')
  await expect(term).not.toHaveAttribute('data-dismissed', 'true')
  await expectFocusOn(page, term.getByTestId('dismiss-disagreement'))

  // A passage cited from a flag, then Ctrl+Z: the citation goes, focus stays on that flag.
  const windows = term.locator('[data-source="windows-central"]')
  await windows.getByRole('button', { name: 'Cite as contradicting' }).click()
  await expectFocusOn(page, windows.getByTestId('disagreement-cited'))
  await page.keyboard.press('Control+z')
  await expect(windows.getByTestId('disagreement-cited')).toHaveCount(0)
  await expectFocusOn(page, term.getByTestId('dismiss-disagreement'))
  expect(await app.seriousA11yViolations()).toEqual([])
})

test('keyboard citing: a sentence, then its end and start moved word by word, cites exactly that passage', async ({ app }) => {
  const { page } = app
  await app.goto('/compare?base=2026-02&target=2026-04')
  await openEvidence(page, 'ip-licence', 'IP licence')
  await page.getByTestId('add-evidence').press('Enter')
  await page.getByTestId('source-picker').selectOption('windows-central')
  await expect(page.getByTestId('reader-hint')).toContainText('Shift+Ctrl+← → its end by a word, Shift+Alt+← → its start, Enter cites')

  const reader = page.getByTestId('reader-body')
  await reader.focus()
  // The article's list item, its dash kept in the text: "- Microsoft retains … through 2030."
  const sentence = '- Microsoft retains exclusive access to OpenAI’s intellectual property and models through 2030.'
  // Find the sentence by arrowing down, as a reviewer would, reading what the live region says.
  const live = page.getByTestId('reader-announce')
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowDown')
    if ((await live.textContent())?.endsWith(sentence)) break
  }
  await expect(live).toHaveText(new RegExp(`^Sentence \\d+ of \\d+: ${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))

  // The end back five words, then the start on three: "exclusive access … intellectual".
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Control+ArrowLeft')
  await expect(live).toHaveText('Passage: - Microsoft retains exclusive access to OpenAI’s intellectual')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Alt+ArrowRight')
  await expect(live).toHaveText('Passage: exclusive access to OpenAI’s intellectual')
  // Forward again by a word at the end; back by one at the start.
  await page.keyboard.press('Shift+Control+ArrowRight')
  await page.keyboard.press('Shift+Alt+ArrowLeft')
  await expect(live).toHaveText('Passage: retains exclusive access to OpenAI’s intellectual property')
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: 'Cite this passage' })
  await expect(popover).toContainText('“retains exclusive access to OpenAI’s intellectual property”')
  await popover.getByLabel('Contradicts').check()
  await popover.getByRole('button', { name: 'Save citation' }).click()
  await expect(popover).toBeHidden()
  await expect(page.locator('mark.mark--contradicts')).toHaveText('retains exclusive access to OpenAI’s intellectual property')
  await expect(reader).toBeFocused()

  // ↓ and ↑ choose whole sentences again (the next one read first, for later).
  await page.keyboard.press('ArrowDown')
  const next = (await live.textContent())!.replace(/^Sentence \d+ of \d+: /, '')
  await page.keyboard.press('ArrowUp')
  await expect(live).toHaveText(new RegExp(`: ${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  // Shrinking keeps at least one word, from either end.
  await page.keyboard.press('Shift+Alt+ArrowRight')
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+Control+ArrowLeft')
  await expect(live).toHaveText('Passage: Microsoft')
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+Alt+ArrowRight')
  await expect(live).toHaveText('Passage: Microsoft')
  // Grown word by word, a passage runs on past its sentence into the next.
  for (let i = 0; i < 11; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await expect(live).toHaveText(`Passage: ${sentence.slice(2)}`)
  await page.keyboard.press('Shift+Control+ArrowRight')
  await expect(live).toHaveText(`Passage: ${sentence.slice(2)} ${next.split(/\s/)[0]}`)
})

test('status badges read at 4.5:1 or better on a pair with an unchanged clause; axe finds nothing serious', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await app.goto('/compare?base=2025-10&target=2026-02')
  await expect(page.locator('article.row').first()).toBeVisible()
  const scroller = page.getByRole('region', { name: 'Redline' })
  // Every badge the virtualised list renders on its way down, by status: its text on its own background.
  const seen = new Map<string, number>()
  for (let i = 0; i < 30; i++) {
    const ratios = await page.locator('.status').evaluateAll((els) => {
      const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      const parse = (rgb: string) => (rgb.match(/[\d.]+/g) ?? []).map(Number)
      const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r! / 255) + 0.7152 * channel(g! / 255) + 0.0722 * channel(b! / 255)
      return els.map((el) => {
        const s = getComputedStyle(el)
        const [fg, bg] = [luminance(parse(s.color)), luminance(parse(s.backgroundColor))]
        const status = [...el.classList].find((c) => c.startsWith('status--'))!.slice('status--'.length)
        // A transparent badge sits on the white row.
        const back = parse(s.backgroundColor)[3] === 0 ? 1 : bg
        return [status, (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05)] as const
      })
    })
    for (const [status, ratio] of ratios) seen.set(status, Math.min(ratio, seen.get(status) ?? Infinity))
    const atEnd = await scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)
    if (atEnd) break
    await scroller.evaluate((el) => el.scrollBy(0, 400))
  }
  expect([...seen.keys()].sort()).toEqual(['added', 'carried-over', 'modified', 'unchanged'])
  for (const [status, ratio] of seen) expect(ratio, `${status} badge contrast`).toBeGreaterThanOrEqual(4.5)
  // Statuses this pair does not show (removed, moved; split and merged share modified's colour): white on their colour.
  const tokens = await page.evaluate(() => {
    const root = getComputedStyle(document.documentElement)
    return Object.fromEntries(['removed', 'moved', 'modified'].map((s) => [s, root.getPropertyValue(`--status-${s}`).trim()]))
  })
  for (const [status, hex] of Object.entries(tokens)) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    const ratio = 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05)
    seen.set(status, Math.min(ratio, seen.get(status) ?? Infinity))
    expect(ratio, `${status} badge contrast (${hex})`).toBeGreaterThanOrEqual(4.5)
  }
  test.info().annotations.push({ type: 'badge contrast', description: [...seen].map(([s, r]) => `${s} ${r.toFixed(2)}:1`).join(', ') })

  // The unchanged row itself, in view, passes axe (colour contrast included).
  const unchanged = page.locator('article.row:has(.status--unchanged)')
  await scroller.evaluate((el) => el.scrollTo(0, 0))
  for (let i = 0; i < 30 && (await unchanged.count()) === 0; i++) await scroller.evaluate((el) => el.scrollBy(0, 300))
  await unchanged.first().scrollIntoViewIfNeeded()
  expect(await app.seriousA11yViolations()).toEqual([])
})

test('one h1 on every screen, loaded, loading or not found; the article beside the redline has none', async ({ app, appOptions }) => {
  const { page } = app
  const h1 = page.locator('h1')
  const screens: Array<[string, string | RegExp]> = [
    ['/', 'Microsoft–OpenAI partnership terms'],
    ['/versions/2026-04', /./],
    ['/versions/no-such-version', 'Version not found'],
    ['/sources/hamidun-news', /Azure keeps priority/],
    ['/sources/no-such-source', 'Source not found'],
    ['/clauses/ip-licence', 'IP licence'],
    ['/clauses/no-such-clause', 'Clause not found'],
    ['/no/such/screen', 'Not found']
  ]
  for (const [route, text] of screens) {
    await app.goto(route)
    await expect(h1, route).toHaveText(text)
    await expect(h1, route).toHaveCount(1)
  }

  // The compare screen has its own (visually hidden) h1; the article reader beside the redline adds none.
  await app.goto('/compare?base=2026-02&target=2026-04')
  await openEvidence(page, 'ip-licence', 'IP licence')
  await expect(h1).toHaveCount(1)
  await page.getByTestId('add-evidence').click()
  await expect(page.getByTestId('reader-body')).toBeVisible()
  await expect(page.locator('#panel-article h1')).toHaveCount(0)
  await expect(h1).toHaveCount(1)

  // A draft's clause review, in a matter of its own.
  const dir = join(appOptions.mattersDir!, 'Heading check')
  await createMatter(dir, 'Heading check')
  const services = createServices({ sourcesDir: appOptions.sourcesDir, modelsDir: appOptions.modelsDir, workspacePath: reviewFileOf(dir), bundledWorkspacePath: appOptions.workspacePath })
  await services.matter!.importFile(join(ROOT, 'test/fixtures/documents/md-services-agreement.md'), { as: 'version' })
  await app.goto('/')
  await app.chooseMatterFolder(dir)
  await page.getByTestId('open-matter').click()
  await expect(page.getByTestId('matter-title')).toHaveText('Heading check')
  await expect(h1).toHaveCount(1)
  await page.getByTestId('review-clauses').click()
  await expect(page).toHaveURL(/#\/documents\//)
  await expect(h1).toHaveText('Software Services Agreement')
  await expect(h1).toHaveCount(1)
  await app.goto('/documents/no-such-draft')
  await expect(h1).toHaveText('Document not found')
  await expect(h1).toHaveCount(1)
})
