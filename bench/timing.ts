// The benchmarks' one way to time and print: the median of several runs after a warm-up.

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Median of `runs` timed calls after one warm-up call; with runs = 0, the single call's time. */
export function time(fn: () => unknown, runs: number): number {
  const t0 = performance.now()
  fn() // warm-up
  if (runs === 0) return performance.now() - t0
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`
}
