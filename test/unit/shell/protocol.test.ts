// The app:// handler: confined to the renderer folder (symlinks included), 400 for bad escapes, CSP on every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, createAppRequestHandler, resolveAppPath } from '../../../src-main/shell/protocol'

const ROOT = join(__dirname, '../../..')

describe('app:// protocol', () => {
  let scratch: string
  let root: string
  beforeAll(async () => {
    scratch = await realpath(await mkdtemp(join(tmpdir(), 'clausewise-protocol-')))
    root = join(scratch, 'renderer')
    await mkdir(join(root, 'assets'), { recursive: true })
    await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(root, 'assets/x.js'), 'export {}')
    await writeFile(join(scratch, 'secret.txt'), 'outside the renderer folder')
    await mkdir(join(scratch, 'outside'))
    await writeFile(join(scratch, 'outside/y.js'), 'outside too')
    // Links inside the folder: two that lead out of it, one that stays in.
    await symlink(join(scratch, 'secret.txt'), join(root, 'leak.txt'))
    await symlink(join(scratch, 'outside'), join(root, 'assets/linked'))
    await symlink(join(root, 'assets/x.js'), join(root, 'alias.js'))
  })
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('serves files inside the renderer folder only', async () => {
    expect(await resolveAppPath(root, 'app://clausewise/index.html')).toEqual({ path: join(root, 'index.html') })
    expect(await resolveAppPath(root, 'app://clausewise/')).toEqual({ path: join(root, 'index.html') })
    expect(await resolveAppPath(root, 'app://clausewise/assets/x.js')).toEqual({ path: join(root, 'assets/x.js') })
    expect(await resolveAppPath(root, 'app://clausewise/alias.js')).toEqual({ path: join(root, 'assets/x.js') })
    // URL parsing already folds ../ into the path; what matters is that nothing resolves outside the root.
    for (const bad of ['app://clausewise/../secret.txt', 'app://clausewise/%2e%2e/secret.txt', 'app://clausewise/..%2fsecret.txt', 'app://clausewise/assets/..%2f..%2fsecret.txt']) {
      expect(await resolveAppPath(root, bad), bad).toEqual({ status: 404 })
    }
    expect(await resolveAppPath(root, 'app://clausewise/missing.js')).toEqual({ status: 404 })
    expect(await resolveAppPath(root, 'app://other/index.html')).toEqual({ status: 404 })
    expect(await resolveAppPath(root, 'app://clausewise.evil/index.html')).toEqual({ status: 404 })
    expect(await resolveAppPath(root, 'file:///etc/passwd')).toEqual({ status: 404 })
  })

  it('refuses symlinks that lead out of the renderer folder', async () => {
    expect(await resolveAppPath(root, 'app://clausewise/leak.txt')).toEqual({ status: 404 })
    expect(await resolveAppPath(root, 'app://clausewise/assets/linked/y.js')).toEqual({ status: 404 })
    const handler = createAppRequestHandler(root)
    const leak = await handler(new Request('app://clausewise/leak.txt'))
    expect(leak.status).toBe(404)
    expect(await leak.text()).not.toContain('outside')
  })

  it('answers 400 to a malformed % escape instead of throwing', async () => {
    const handler = createAppRequestHandler(root)
    for (const bad of ['app://clausewise/%E0%A4%A', 'app://clausewise/%', 'app://clausewise/assets/%zz.js']) {
      expect(await resolveAppPath(root, bad), bad).toEqual({ status: 400 })
      expect((await handler(new Request(bad))).status, bad).toBe(400)
    }
  })

  it('serves through a root given by a symlinked path, with type and CSP headers', async () => {
    await symlink(root, join(scratch, 'renderer-link'))
    const handler = createAppRequestHandler(join(scratch, 'renderer-link'))
    const page = await handler(new Request('app://clausewise/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<title>app</title>')
    expect((await handler(new Request('app://clausewise/leak.txt'))).status).toBe(404)
  })

  it('answers 404 while the renderer folder does not exist', async () => {
    const handler = createAppRequestHandler(join(scratch, 'not-built-yet'))
    expect((await handler(new Request('app://clausewise/index.html'))).status).toBe(404)
  })

  it('keeps the page meta CSP equal to the header policy (less frame-ancestors, header-only)', async () => {
    const html = await readFile(join(ROOT, 'src-renderer/index.html'), 'utf8')
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(meta).toContain(d)
  })
})
