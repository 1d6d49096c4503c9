// First screens: the library lists every source and version; an article and a version open
// with their content; no serious accessibility violations; a screenshot of each screen.
import { mkdtemp, cp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './harness'
import { ROOT } from './modes'

test('the library lists the five versions in date order and the five sources', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  await expect(page).toHaveTitle('Library — workspace.clausewise.json — Clausewise')

  const versions = page.locator('[data-version]')
  await expect(versions).toHaveCount(5)
  await expect(versions.locator('time')).toHaveText(['2019', 'January 2025', '28 October 2025', '27 February 2026', '27 April 2026'])

  const sources = page.locator('[data-source]')
  await expect(sources).toHaveCount(5)
  await expect(sources.filter({ hasText: 'Windows Central' })).toHaveCount(1)
  await expect(sources.filter({ hasText: 'Microsoft Ends Cloud Exclusivity with OpenAI' })).toContainText('Lean Thomas')
  await expect(page.getByRole('alert')).toHaveCount(0)

  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('library')
})

test('an article opens clean of page furniture, with its metadata', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  await page.locator('[data-source="insights"]').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft and OpenAI reaffirm partnership terms as OpenAI expands funding and cloud ties')
  await expect(page).toHaveTitle(/^Microsoft and OpenAI reaffirm partnership terms .* — workspace.clausewise.json — Clausewise$/)
  await expect(page.locator('.meta')).toContainText('Published 8 March 2026')
  await expect(page.locator('.meta')).toContainText('Insights AI')

  const body = page.locator('.article__body')
  await expect(body).toContainText('Azure remains the exclusive cloud provider for stateless OpenAI APIs')
  for (const furniture of ['Leave a Comment', 'Read in other languages', 'All rights reserved', 'View original', 'Share:']) {
    await expect(body).not.toContainText(furniture)
  }
  // What was removed stays inspectable, collapsed by default.
  await expect(page.locator('.furniture summary')).toContainText('10 lines of page furniture removed')

  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('article')
})

test('a version opens with its clauses, and the stepper moves along the timeline', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  await page.locator('[data-version="2025-10"]').click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('.doc__kicker time')).toHaveText('28 October 2025')
  const ip = page.locator('[data-clause="ip-licence"]')
  await expect(ip).toContainText('2032')
  expect(await page.locator('[data-clause]').count()).toBeGreaterThanOrEqual(8)

  expect(await app.seriousA11yViolations()).toEqual([])
  await app.screenshot('version')

  await page.getByRole('link', { name: /27 February 2026 →/ }).click()
  await expect(page.locator('.doc__kicker time')).toHaveText('27 February 2026')
})

test('an unknown version id shows an error state, not a blank screen', async ({ app }) => {
  const { page } = app
  await app.goto('/versions/no-such-version')
  await expect(page.getByRole('alert')).toContainText('This version could not be opened')
  await expect(page.getByRole('alert')).toContainText('no version with id "no-such-version"')
  await expect(page).toHaveTitle('Version not found — workspace.clausewise.json — Clausewise')
})

test.describe('with a malformed model beside good ones', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    appOptions: async ({}, use, testInfo) => {
      const dir = await mkdtemp(join(tmpdir(), 'clausewise-models-'))
      await cp(join(ROOT, 'resources/models'), dir, { recursive: true })
      await writeFile(join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n')
      await use({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: dir, workspacePath: testInfo.outputPath('workspace.json') })
    }
  })

  test('the library names the bad file and still lists the good versions', async ({ app }) => {
    const { page } = app
    await app.goto('/')
    await expect(page.locator('[data-version]')).toHaveCount(5)
    const problems = page.getByRole('alert')
    await expect(problems).toContainText('1 problem while loading the library')
    await expect(problems).toContainText('broken.yaml · line 3')
    expect(await app.seriousA11yViolations()).toEqual([])
    await app.screenshot('library-with-problem')
  })
})
