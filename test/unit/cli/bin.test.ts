// The `clausewise` bin as a user runs it: the built launcher in a child process (npm run build
// makes it; `npm test` builds before the unit tests). It must print what the CLI prints from source.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { main } from '../../../src-main/cli/main'

const ROOT = join(__dirname, '../../..')
const run = promisify(execFile)

describe('the clausewise bin', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  const bin = join(ROOT, pkg.bin['clausewise'] ?? 'missing')

  it('is declared in package.json and built', () => {
    expect(existsSync(bin), `${bin} is missing: run \`npm run build\` first`).toBe(true)
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('compares two bundled versions exactly as the CLI does from source', async () => {
    const { stdout } = await run(process.execPath, [bin, 'compare', '--base', '2025-10', '--target', '2026-04', '--json'], { cwd: '/' })
    let fromSource = ''
    const code = await main(['compare', '--base', '2025-10', '--target', '2026-04', '--json'], { stdout: (t) => (fromSource += t), stderr: () => undefined, color: false })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(JSON.parse(fromSource))
  })

  it('exits with status 2 and the usage on an unknown command', async () => {
    await expect(run(process.execPath, [bin, 'nope'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "nope"') })
  })

  it('exports a PDF through the separately built PDF writer', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'clausewise-bin-')), 'redline.pdf')
    await run(process.execPath, [bin, 'export', '--base', '2025-10', '--target', '2026-04', '--out', out])
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('exports the side-by-side PDF and the Word redline through the same writer, and refuses a name of another format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-bin-'))
    await run(process.execPath, [bin, 'export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'two.pdf'), '--format', 'pdf-side-by-side'])
    expect(readFileSync(join(dir, 'two.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await run(process.execPath, [bin, 'export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'redline.docx'), '--format', 'docx'])
    expect(readFileSync(join(dir, 'redline.docx')).subarray(0, 2).toString('latin1')).toBe('PK')
    await expect(run(process.execPath, [bin, 'export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'x.pdf'), '--format', 'docx'])).rejects.toMatchObject({ code: 2 })
  })
})
