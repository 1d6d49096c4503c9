import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'

const ROOT = join(__dirname, '../../..')

describe('installer configuration', async () => {
  const config = parse(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown> & { target?: string[] }>

  // electron-builder's import alone takes seconds on a loaded 2-core machine: this test gets its own time.
  it("passes electron-builder's own schema", { timeout: 120_000 }, async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config')) as unknown as { validateConfiguration(c: unknown, l: unknown): Promise<void> }
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined()
  })

  it('builds AppImage, deb, NSIS and dmg with the bundled sources and models', () => {
    expect(config['linux']!.target).toEqual(['AppImage', 'deb'])
    expect(config['win']!.target).toEqual(['nsis'])
    expect(config['mac']!.target).toEqual(['dmg'])
    expect(config['extraResources']).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })])
  })

  it('turns off runAsNode and the other risky fuses, and publishes nowhere', () => {
    expect(config['electronFuses']).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false })
    expect(config['publish']).toBeNull()
  })
})
