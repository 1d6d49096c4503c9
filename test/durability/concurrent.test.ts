// Several programs writing one workspace at once, as real processes: two CLI runs citing in a
// loop, and the app (a long-lived dispatcher whose store holds the file open and cached) with a
// CLI run. Every citation a writer was told is saved must be in the file afterwards. Also: a
// lock left by a killed process is taken over, and a live holder is named after a bounded wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { createDispatch } from '../../src-main/api/handlers'
import { interpretBytes } from '../../src-main/core/workspace/store'
import { createServices } from '../../src-main/services'

const ROOT = join(__dirname, '../..')
const PER_WRITER = 15
const LIBRARY = { sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') }

let dir: string
let cli: string
let holder: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clausewise-concurrent-'))
  cli = join(dir, 'cli.cjs')
  holder = join(dir, 'holder.cjs')
  // One bundled file: a node process starts in ~100 ms instead of tsx's ~500 ms.
  buildSync({ entryPoints: [join(ROOT, 'src-main/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'error' })
  // A process that takes the workspace lock and keeps it until it is killed.
  buildSync({
    stdin: {
      contents: `import { withFileLock } from './src-main/core/workspace/lock'
        setInterval(() => undefined, 1 << 30)
        void withFileLock(process.argv[2], async () => { process.stdout.write('held\\n'); await new Promise(() => undefined) })`,
      resolveDir: ROOT,
      loader: 'ts'
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: holder, logLevel: 'error'
  })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

function cite(workspace: string, note: string): Promise<Run> {
  const started = Date.now()
  const child = spawn(process.execPath, [
    cli, 'cite', '--workspace', workspace, '--version', '2026-04', '--clause', 'ip-licence', '--source', 'hamidun-news',
    '--quote', 'this license is no longer exclusive', '--stance', 'supports', '--note', note, '--json',
    '--sources-dir', LIBRARY.sourcesDir, '--models-dir', LIBRARY.modelsDir
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started })))
}

/** Cites `PER_WRITER` times in a row from a CLI process each time; the ids it was told are saved. */
async function cliWriter(workspace: string, name: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < PER_WRITER; i++) {
    const run = await cite(workspace, `${name} ${i}`)
    expect(run.code, `${name} ${i}: ${run.stderr}`).toBe(0)
    ids.push((JSON.parse(run.stdout) as { id: string }).id)
  }
  return ids
}

async function savedIds(workspace: string): Promise<string[]> {
  const parsed = interpretBytes(await readFile(workspace))
  expect(parsed.kind).toBe('current')
  return parsed.kind === 'current' ? parsed.data.citations.map((c) => c.id) : []
}

describe('several writers on one workspace', () => {
  it(`two CLI processes citing at once (2 × ${PER_WRITER}): every acknowledged citation is saved`, async () => {
    const workspace = join(dir, 'two-clis.json')
    const [a, b] = await Promise.all([cliWriter(workspace, 'a'), cliWriter(workspace, 'b')])
    const saved = await savedIds(workspace)
    expect(saved).toHaveLength(2 * PER_WRITER)
    expect(new Set(saved)).toEqual(new Set([...a, ...b]))
  }, 300_000)

  it(`the app and a CLI process citing at once (2 × ${PER_WRITER}): nothing lost, and the app shows the CLI's citations`, async () => {
    const workspace = join(dir, 'app-and-cli.json')
    const dispatch = createDispatch(createServices({ ...LIBRARY, workspacePath: workspace }))
    // The app has the workspace open (and cached) before the CLI starts.
    expect(await dispatch('getWorkspaceStatus', undefined)).toMatchObject({ ok: true, value: { citations: 0 } })
    const app = async (): Promise<string[]> => {
      const ids: string[] = []
      for (let i = 0; i < PER_WRITER; i++) {
        const r = await dispatch('cite', { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'contradicts', start: 1497, end: 1532, note: `app ${i}` })
        expect(r.ok, JSON.stringify(r)).toBe(true)
        if (r.ok) ids.push((r.value as { id: string }).id)
      }
      return ids
    }
    const [fromApp, fromCli] = await Promise.all([app(), cliWriter(workspace, 'cli')])
    const saved = await savedIds(workspace)
    expect(saved).toHaveLength(2 * PER_WRITER)
    expect(new Set(saved)).toEqual(new Set([...fromApp, ...fromCli]))
    const evidence = await dispatch('getEvidence', {})
    expect(evidence.ok && (evidence.value as { citations: unknown[] }).citations).toHaveLength(2 * PER_WRITER)
    const status = await dispatch('getWorkspaceStatus', undefined)
    expect(status.ok && (status.value as { notices: string[] }).notices.some((n) => /changed on disk \(another program\).*reloaded: \d+ citations? added/.test(n))).toBe(true)
  }, 300_000)

  it('a live holder makes a writer give up after a bounded wait naming it; once killed, its lock is taken over', async () => {
    const workspace = join(dir, 'locked.json')
    expect((await cite(workspace, 'before')).code).toBe(0)
    const before = await readFile(workspace, 'utf8')
    const child = spawn(process.execPath, [holder, workspace], { stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()))
    try {
      const blocked = await cite(workspace, 'blocked')
      expect(blocked.code).toBe(1)
      expect(blocked.stderr).toMatch(new RegExp(`locked\\.json: is being changed by node holder\\.cjs locked\\.json \\(pid ${child.pid} on ${hostname().replace(/[.]/g, '\\.')}, since .*\\); waited \\d+\\.\\d s and gave up\\. Nothing was changed`))
      // Bounded: the default wait is 12 s; the bound here is generous for a busy machine.
      expect(blocked.ms).toBeLessThan(60_000)
      expect(await readFile(workspace, 'utf8')).toBe(before)
    } finally {
      child.kill('SIGKILL')
      await exited
    }
    // SIGKILL runs no exit handler: the lock folder is still there.
    expect((await stat(`${workspace}.lock`)).isDirectory()).toBe(true)
    const after = await cite(workspace, 'after the holder died')
    expect(after.code, after.stderr).toBe(0)
    expect(await savedIds(workspace)).toHaveLength(2)
  }, 120_000)
})
