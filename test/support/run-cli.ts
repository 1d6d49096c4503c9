// The CLI in-process, as the unit tests run it: its exit code and what it printed, colour off.
import { main } from '../../src-main/cli/main'
import type { Out } from '../../src-main/cli/output'

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false }
  const code = await main(argv, out)
  return { code, stdout, stderr }
}
