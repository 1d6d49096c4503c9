// The sender/navigation predicate: our own app:// pages (and, in dev only, the dev server) and nothing else.
import { describe, expect, it } from 'vitest'
import { isTrustedRendererUrl } from '../../../src-main/shell/trust'

describe('isTrustedRendererUrl', () => {
  it('trusts the pages of app://clausewise, whatever their path, query or fragment', () => {
    for (const url of ['app://clausewise/index.html', 'app://clausewise/', 'app://clausewise/index.html#/compare?base=2026-02', 'app://clausewise/assets/x.js?v=1']) {
      expect(isTrustedRendererUrl(url), url).toBe(true)
    }
  })

  it('refuses other hosts, schemes, ports, credentials and garbage', () => {
    for (const url of [
      'app://evil/index.html',
      'app://clausewise.evil/index.html',
      'app://evil.clausewise/index.html',
      'app://clausewise:8080/index.html',
      'app://user@clausewise/index.html',
      'apps://clausewise/index.html',
      'http://clausewise/index.html',
      'https://clausewise/index.html',
      'file:///work/out/renderer/index.html',
      'about:blank',
      'data:text/html,<p>hi</p>',
      'null',
      '',
      'app:clausewise/index.html',
      '::::'
    ]) {
      expect(isTrustedRendererUrl(url), url).toBe(false)
    }
  })

  it('trusts the dev server only when one is given, and only its exact scheme, host and port', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isTrustedRendererUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/#/compare', dev)).toBe(true)
    expect(isTrustedRendererUrl('app://clausewise/index.html', dev)).toBe(true)
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost/', 'http://evil.localhost:5173/', 'http://u:p@localhost:5173/']) {
      expect(isTrustedRendererUrl(url, dev), url).toBe(false)
    }
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedRendererUrl('file:///tmp/index.html', 'file:///tmp/index.html')).toBe(false)
    expect(isTrustedRendererUrl('app://evil/index.html', 'app://evil/')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/', 'not a url')).toBe(false)
  })
})
