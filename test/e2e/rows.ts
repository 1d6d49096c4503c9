// Reaching things on the compare screen as a reviewer would: rows of the virtualised redline (only
// rows near the viewport exist, so a test scrolls until its row is there) and a passage selected
// in the source reader beside it.
import type { Locator, Page } from '@playwright/test'
import type { Comparison, Part } from '../../src-main/api/contract'
import { expect } from './harness'

/** The row of `clauseId`, scrolled into view (from the top of the list when it is not rendered). */
export async function revealRow(page: Page, clauseId: string): Promise<Locator> {
  const row = page.locator(`article.row[data-clause="${clauseId}"]`)
  const scroller = page.getByRole('region', { name: 'Redline' })
  await expect(page.locator('article.row').first()).toBeVisible()
  if ((await row.count()) === 0) await scroller.evaluate((el) => el.scrollTo(0, 0))
  for (let i = 0; i < 60 && (await row.count()) === 0; i++) await scroller.evaluate((el) => el.scrollBy(0, 300))
  await row.scrollIntoViewIfNeeded()
  return row
}

/** Selects `text` inside the reader by dragging across it, as a reviewer would. */
export async function selectInReader(page: Page, text: string): Promise<void> {
  const found = await page.getByTestId('reader-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at >= 0) {
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + wanted.length)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return true
      }
    }
    return false
  }, text)
  expect(found, `"${text}" is in the reader`).toBe(true)
  await page.getByTestId('reader-body').dispatchEvent('mouseup')
}

/**
 * The changes next and previous step through, in order, each as the clause it is in, counted from
 * the CLI's redline (not the app's code): each run of deleted and inserted words in a row's heading
 * and text; an added or removed row, or a changed row with no such run (a move), is one change;
 * unchanged and carried-over rows none. A split or merged row shows its clauses stacked under their
 * own headings: its joined heading is not redlined, and the blank lines joining its clauses are no change.
 */
export function changeClauses(c: Comparison): string[] {
  const runs = (parts: readonly Part[], blankIsChange: boolean) => {
    let n = 0
    for (let i = 0; i < parts.length; ) {
      if (parts[i]!.op === 'equal' || parts[i]!.ignored) {
        i++
        continue
      }
      let j = i
      while (j < parts.length && parts[j]!.op !== 'equal' && !parts[j]!.ignored) j++
      if (blankIsChange || parts.slice(i, j).some((p) => p.text.trim() !== '')) n++
      i = j
    }
    return n
  }
  return c.clauses
    .filter((r) => r.status !== 'unchanged' && r.status !== 'carried-over')
    .flatMap((r) => {
      const stacked = r.baseClauses.length > 1 || r.targetClauses.length > 1
      const n = r.status === 'added' || r.status === 'removed' ? 1 : Math.max(1, (stacked ? 0 : runs(r.headingParts, true)) + runs(r.parts, !stacked))
      return Array<string>(n).fill(r.clauseId)
    })
}
