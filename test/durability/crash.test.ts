// Kills `clausewise cite` processes with SIGKILL at random moments, hundreds of times, and
// checks after every kill that the workspace still opens as a valid file and holds every
// citation whose command had finished (printed its id and exited 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { interpret } from '../../src-main/core/workspace/store'

const ROOT = join(__dirname, '../..')
const KILLS = Number(process.env['CLAUSEWISE_CRASH_KILLS'] ?? 200)

let dir: string
let cli: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clausewise-crash-'))
  cli = join(dir, 'cli.cjs')
  // One bundled file: a node process starts in ~100 ms instead of tsx's ~500 ms.
  buildSync({ entryPoints: [join(ROOT, 'src-main/cli/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'error' })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
}

function cite(workspace: string, n: number, killAfterMs: number | null): Promise<Run> {
  const started = Date.now()
  const child = spawn(process.execPath, [
    cli, 'cite', '--workspace', workspace, '--version', '2026-04', '--clause', 'ip-licence', '--source', 'hamidun-news',
    '--quote', 'this license is no longer exclusive', '--stance', 'supports', '--note', `run ${n}`, '--json',
    '--sources-dir', join(ROOT, 'resources/sources'), '--models-dir', join(ROOT, 'resources/models')
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    })
  })
}

describe('durability under SIGKILL', () => {
  it(`never leaves an unreadable workspace nor loses an acknowledged citation (${KILLS} kills)`, async () => {
    const workspace = join(dir, 'crash.clausewise.json')
    // How long does one cite take here? Kills land anywhere in that span. The machine may be
    // busy, and its speed changes during the run: the span follows the median of the latest
    // completed cites, and every tenth cite runs to the end, both to measure and so that later
    // kills always have acknowledged citations to lose.
    const acknowledged = new Set<string>()
    const durations: number[] = []
    const typical = () => [...durations.slice(-9)].sort((a, b) => a - b)[Math.floor(Math.min(durations.length, 9) / 2)]!
    for (let i = 0; i < 3; i++) {
      const calibration = await cite(workspace, -1 - i, null)
      expect(calibration.code).toBe(0)
      acknowledged.add((JSON.parse(calibration.stdout) as { id: string }).id)
      durations.push(calibration.ms)
    }

    let killed = 0
    let completed = 3
    for (let n = 0; killed < KILLS; n++) {
      // Half the kills anywhere in the process's life, half in its last stretch, where it saves.
      const at = n % 10 === 9 ? null : n % 2 === 0 ? Math.random() * typical() * 1.3 : typical() * (0.7 + Math.random() * 0.45)
      const run = await cite(workspace, n, at)
      if (run.code === 0) {
        acknowledged.add((JSON.parse(run.stdout) as { id: string }).id)
        durations.push(run.ms)
        completed++
      } else {
        expect(run.signal, `run ${n} ended with exit ${run.code}, not by the kill: ${run.stderr}`).toBe('SIGKILL')
        killed++
      }
      const parsed = interpret(await readFile(workspace, 'utf8'))
      expect(parsed.kind, `workspace readable after run ${n}`).toBe('current')
      if (parsed.kind !== 'current') return
      const ids = new Set(parsed.data.citations.map((c) => c.id))
      for (const id of acknowledged) expect(ids.has(id), `citation ${id} acknowledged before run ${n} is still there`).toBe(true)
    }
    console.log(`crash test: ${killed} SIGKILLs, ${completed} completed cites, ${acknowledged.size} acknowledged citations all present; a cite takes ~${Math.round(typical())} ms here`)
  }, 600_000)
})
