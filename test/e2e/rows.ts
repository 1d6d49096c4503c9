// Rows of the virtualised redline: only rows near the viewport exist in the page, so a test that
// wants a row further down scrolls the list until it is there, as a reviewer would.
import type { Locator, Page } from '@playwright/test'
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
