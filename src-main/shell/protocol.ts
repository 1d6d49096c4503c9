// Serves the built renderer from app://clausewise/ instead of file://, confined to its folder,
// with the CSP set as a response header as well as in the page.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://clausewise`

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
]

/** The policy sent with every app:// response. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** The same policy as index.html's meta tag carries it: frame-ancestors only works as a header. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ')

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

/** Maps an app:// request to a file under `root`, or null when it would leave it. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const url = new URL(requestUrl)
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'clausewise') return null
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
  const full = normalize(join(root, relative))
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  const path = resolveAppPath(root, request.url)
  if (!path) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(path)
    return new Response(body, {
      headers: {
        'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
