import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, resolveAppPath } from '../../../src-main/shell/protocol'

const ROOT = join(__dirname, '../../..')

describe('app:// protocol', () => {
  it('serves files inside the renderer folder only', () => {
    const root = '/app/out/renderer'
    expect(resolveAppPath(root, 'app://clausewise/index.html')).toBe('/app/out/renderer/index.html')
    expect(resolveAppPath(root, 'app://clausewise/')).toBe('/app/out/renderer/index.html')
    expect(resolveAppPath(root, 'app://clausewise/assets/x.js')).toBe('/app/out/renderer/assets/x.js')
    // URL parsing already folds ../ into the path; what matters is that nothing resolves outside the root.
    for (const bad of ['app://clausewise/../../etc/passwd', 'app://clausewise/%2e%2e/%2e%2e/etc/passwd', 'app://clausewise/..%2f..%2fetc%2fpasswd']) {
      const resolved = resolveAppPath(root, bad)
      expect(resolved === null || resolved.startsWith(`${root}/`), `${bad} → ${resolved}`).toBe(true)
    }
    expect(resolveAppPath(root, 'app://clausewise/..%2f..%2fetc%2fpasswd')).toBeNull()
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull()
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull()
  })

  it('keeps the page meta CSP equal to the header policy (less frame-ancestors, header-only)', async () => {
    const html = await readFile(join(ROOT, 'src-renderer/index.html'), 'utf8')
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(meta).toContain(d)
  })
})
