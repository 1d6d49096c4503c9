// `clausewise` from a terminal: the same core services as the app, for scripts and batch jobs.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Library } from './core/library'
import { listSources, listVersions } from './cli/library-commands'
import { processOut, type Out } from './cli/output'

const BUNDLED = resolve(__dirname, '../resources')

const USAGE = `Usage: clausewise <command> [options]

Commands:
  sources             list the source articles (metadata, text, paragraphs, sentences, dates)
  versions            list the agreement versions, oldest first, with their clauses

Options:
  --json              print JSON only on stdout (problems still go to stderr)
  --sources-dir DIR   read sources from DIR (a manifest.yaml and its .txt files)
  --models-dir DIR    read agreement models (*.yaml) from DIR
  -h, --help          show this help

Exit status: 0 when everything loaded, 1 when some file had a problem (the valid items are
still printed), 2 for a usage error.
`

export async function main(argv: readonly string[], out: Out): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'sources-dir': { type: 'string' },
        'models-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (err) {
    out.stderr(`clausewise: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, ...extra] = positionals
  if (values.help || command === 'help') {
    out.stdout(USAGE)
    return 0
  }
  if (!command) {
    out.stderr(USAGE)
    return 2
  }
  if (extra.length > 0) {
    out.stderr(`clausewise: unexpected argument "${extra[0]}"\n\n${USAGE}`)
    return 2
  }
  const library = new Library({
    sourcesDir: resolve(values['sources-dir'] ?? resolve(BUNDLED, 'sources')),
    modelsDir: resolve(values['models-dir'] ?? resolve(BUNDLED, 'models'))
  })
  switch (command) {
    case 'sources':
      return listSources(library, out, { json: values.json })
    case 'versions':
      return listVersions(library, out, { json: values.json })
    default:
      out.stderr(`clausewise: unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

if (require.main === module) {
  main(process.argv.slice(2), processOut()).then(
    (code) => {
      process.exitCode = code
    },
    (err: unknown) => {
      process.stderr.write(`clausewise: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exitCode = 1
    }
  )
}
