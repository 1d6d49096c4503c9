// Issue 13, part 2: under each clause of a version, "Reported by" and the passages that state it
// (the source by title, linked, and the quote); a term the version does not restate says which
// version its text comes from, as a quiet badge, not struck.
import { expect, test } from './harness'

const WINDOWS_CENTRAL = 'The OpenAI Microsoft partnership just entered a new phase'
const LEAN_THOMAS = 'Microsoft Ends Cloud Exclusivity with OpenAI, Partnership Adapts to AI Growth'

test('a clause shows the passages that report it, each naming and linking its source', async ({ app }) => {
  const { page } = app
  await app.goto('/versions/2026-02')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const ip = page.locator('[data-clause="ip-licence"]')
  const reported = ip.getByRole('list', { name: 'Reported by', exact: true })
  await expect(reported).toBeVisible()
  // The two sides of the term's disagreement, each from its own source: 2030 and 2032.
  const windows = reported.locator('[data-basis-source="windows-central"]')
  const lean = reported.locator('[data-basis-source="lean-thomas"]')
  await expect(windows.getByRole('link', { name: WINDOWS_CENTRAL })).toBeVisible()
  await expect(windows.locator('q')).toContainText('extends through 2030 unless artificial general intelligence is achieved')
  await expect(lean.getByRole('link', { name: LEAN_THOMAS })).toBeVisible()
  await expect(lean.locator('q')).toContainText('until 2032 or the advent of artificial general intelligence')
  // Every passage of the bundled case anchors in its source.
  await expect(page.getByText('not found in the source’s text')).toHaveCount(0)
  // February restates the IP licence: it carries nothing over.
  await expect(ip.getByTestId('clause-carried')).toHaveCount(0)

  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('version-basis')

  // The source's title opens that article.
  await lean.getByRole('link', { name: LEAN_THOMAS }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LEAN_THOMAS)
})

test('a term a version does not restate says which version it is carried over from', async ({ app }) => {
  const { page } = app
  await app.goto('/versions/2026-04')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const refusal = page.locator('[data-clause="right-of-first-refusal"]')
  await expect(refusal.getByTestId('clause-carried')).toHaveText('Carried over from 27 February 2026 (not restated)')
  // Its passages speak of the version it comes from, and say so.
  await expect(refusal.getByRole('list', { name: 'Reported by (as of 27 February 2026)' })).toBeVisible()
  await expect(page.locator('[data-clause="frontier-model-access"]').getByTestId('clause-carried')).toHaveText('Carried over from 28 October 2025 (not restated)')
  // A carried term is quiet, never struck.
  await expect(refusal.locator('del, s')).toHaveCount(0)
  // April restates its IP licence: no badge there.
  await expect(page.locator('[data-clause="ip-licence"]').getByTestId('clause-carried')).toHaveCount(0)

  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('version-basis-carried')
})
