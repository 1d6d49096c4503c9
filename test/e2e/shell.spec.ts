// The renderer gets nothing but the contract: no Node, no Electron, a frozen window.api with
// exactly the bridge's methods (the contract's but those the preload wraps, plus importDropped
// and onEvent); in Electron mode, the window's webPreferences are checked in the main process.
import { API_METHODS, PRELOAD_WRAPPED_METHODS, type ApiMethod } from '../../src-main/api/contract'
import { expect, test } from './harness'

test('the page sees no Node or Electron, only a frozen window.api with the bridge’s methods', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  const surface = await page.evaluate(() => ({
    process: typeof (globalThis as { process?: unknown }).process,
    require: typeof (globalThis as { require?: unknown }).require,
    api: Object.keys((window as unknown as { api: object }).api).sort(),
    frozen: Object.isFrozen((window as unknown as { api: object }).api)
  }))
  const wrapped: readonly ApiMethod[] = PRELOAD_WRAPPED_METHODS
  const bridge = [...API_METHODS.filter((m) => !wrapped.includes(m)), 'importDropped', 'onEvent'].sort()
  expect(surface).toEqual({ process: 'undefined', require: 'undefined', api: bridge, frozen: true })
})

test('the window runs with the hardened webPreferences', async ({ app }) => {
  test.skip(app.mode !== 'electron', 'inspects the Electron main process, which the Chromium mode does not have')
  const prefs = await app.electron!.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents
    // Not in Electron's typings, but present at run time: the preferences the window was made with.
    const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences()
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, url: wc.getURL() }
  })
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
  expect(prefs.url.startsWith('app://clausewise/')).toBe(true)
})
