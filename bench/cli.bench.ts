// `npm run bench` (second part): a whole `clausewise compare` process, start to exit, as a script
// or a batch job sees it. The built bin against the same CLI run from source through tsx (how
// `npm run cli` runs it), with a bare `node -e 0` as the floor, all in the same run.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { median } from './timing'

const ROOT = join(__dirname, '..')
const BIN = join(ROOT, 'out/cli/clausewise.cjs')
const ARGS = ['compare', '--base', '2025-10', '--target', '2026-04', '--json']

/** Median wall time of `runs` processes after one warm-up (which also fills Node's compile cache). */
function timeProcess(command: string, args: string[], runs: number): number {
  execFileSync(command, args, { cwd: ROOT, stdio: 'ignore' })
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    execFileSync(command, args, { cwd: ROOT, stdio: 'ignore' })
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

function main(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`)
  const floor = timeProcess(process.execPath, ['-e', '0'], 9)
  const bin = timeProcess(process.execPath, [BIN, ...ARGS], 9)
  const tsx = timeProcess(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/cli/main.ts'), ...ARGS], 3)
  const ms = (x: number) => `${x.toFixed(0)} ms`
  console.log(`\nWhole-process \`clausewise ${ARGS.join(' ')}\` (node ${process.version}, median of 9; tsx median of 3):`)
  console.log(`  built bin (out/cli/clausewise.cjs)   ${ms(bin).padStart(7)}   (target ≤ 150 ms)`)
  console.log(`  from source through tsx              ${ms(tsx).padStart(7)}   ${(tsx / bin).toFixed(1)}× the bin`)
  console.log(`  node -e 0 (the floor)                ${ms(floor).padStart(7)}`)
}

main()
