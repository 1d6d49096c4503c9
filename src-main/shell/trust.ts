// Which page URLs are our own renderer, as one pure function. Origins cannot be compared: for a
// non-special scheme such as app:, Node's URL (the one the main process has) gives an opaque
// origin, "null", so `origin === 'app://clausewise'` refused our own window.
import { APP_HOST, APP_SCHEME } from './protocol'

/**
 * True for a page of the built app (app://clausewise/…) and, when `devServerUrl` is given (electron-vite `dev`,
 * unpackaged only), for a page of that http(s) dev server. Scheme and host are compared exactly; a port or
 * credentials in the URL make it foreign.
 */
export function isTrustedRendererUrl(url: string, devServerUrl?: string): boolean {
  const page = parse(url)
  if (!page || page.username || page.password) return false
  if (page.protocol === `${APP_SCHEME}:` && page.host === APP_HOST) return true
  const dev = devServerUrl ? parse(devServerUrl) : null
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false
  return page.protocol === dev.protocol && page.host === dev.host
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
