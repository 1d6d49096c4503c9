// Serves the built renderer from app://clausewise/ instead of file://, confined to its folder,
// with the CSP set as a response header as well as in the page.
import { readFile, realpath } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'clausewise'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

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

/** Where a request leads: a file to read, or the status to answer instead. */
export type AppPath = { path: string } | { status: 400 | 404 }

/**
 * Maps an app:// request to a file under `realRoot` (already a real path). The check is made twice: lexically, and
 * on the target's real path, so a symlink inside the folder cannot lead out of it. A malformed `%` escape is a 400.
 */
export async function resolveAppPath(realRoot: string, requestUrl: string): Promise<AppPath> {
  let relative: string
  try {
    const url = new URL(requestUrl)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404 }
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
  } catch {
    return { status: 400 } // URIError from a bad escape such as %E0%A4%A, or an unparsable URL
  }
  const full = normalize(join(realRoot, relative))
  if (!isInside(realRoot, full)) return { status: 404 }
  let real: string
  try {
    real = await realpath(full)
  } catch {
    return { status: 404 }
  }
  // The real path is what gets read, so a link swapped after this check is not followed.
  return isInside(realRoot, real) ? { path: real } : { status: 404 }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

/** The handler for protocol.handle: the root's real path is computed once, on the first request. */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | undefined
  return async (request) => {
    realRoot ??= realpath(root)
    let resolvedRoot: string
    try {
      resolvedRoot = await realRoot
    } catch {
      realRoot = undefined // the folder may appear later (a build in progress); ask again next time
      return new Response('Not found', { status: 404 })
    }
    return serveAppRequest(resolvedRoot, request)
  }
}

export async function serveAppRequest(realRoot: string, request: Request): Promise<Response> {
  const target = await resolveAppPath(realRoot, request.url)
  if ('status' in target) return new Response(target.status === 400 ? 'Bad request' : 'Not found', { status: target.status })
  try {
    const body = await readFile(target.path)
    return new Response(body, {
      headers: {
        'Content-Type': MIME[extname(target.path)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
