// `clausewise` from a terminal: the same core services as the app, for scripts and batch jobs.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createLibrary } from '../services'
import { processOut, type Out } from './output'

const BUNDLED = resolve(__dirname, '../../resources')

const USAGE = `Usage: clausewise <command> [options]

Commands:
  sources             list the source articles (metadata, text, paragraphs, sentences, dates)
  versions            list the agreement versions, oldest first, with their clauses
  segment FILE        read a document (DOCX, PDF, text, Markdown, HTML) and list its clauses
                        as import splits them: label, heading, level, page; warnings on stderr
  compare             redline two versions clause by clause:
                        --base ID|FILE --target ID|FILE [--granularity word|char]
                        (a FILE is a document, imported on the fly: no matter needed)
                        [--ignore-case] [--ignore-punctuation] [--ignore-whitespace]
                        [--workspace FILE]  apply the pairings a reviewer saved there
  cite                cite a source passage for a clause (creates the workspace when missing):
                        --workspace FILE --version ID --clause ID --source ID
                        --quote TEXT --stance supports|contradicts|context
                        [--note TEXT] [--reviewer NAME]
  evidence            list a workspace's citations, re-anchored in the current sources:
                        --workspace FILE [--version ID]
  export              the annotated PDF of a comparison:
                        --base ID --target ID --out FILE.pdf [--workspace FILE]
                        [--include-unchanged] [--reviewer NAME]
  workspace check FILE
                      validity, schema version, counts, orphans and backups (reads only)
  export-annotations  --workspace FILE --out FILE.jsonld: citations as W3C Web Annotations
  import-annotations  --workspace FILE IN.jsonld: merge annotations by id; each skipped entry
                        is reported with its reason

Options:
  --json              print JSON only on stdout (problems still go to stderr)
  --sources-dir DIR   read sources from DIR (a manifest.yaml and its .txt files)
  --models-dir DIR    read agreement models (*.yaml) from DIR
  -h, --help          show this help

Exit status: 0 on success; 1 when a file had a problem (sources, versions: the valid items
are still printed) or a version id is unknown (compare); 2 for a usage error. compare
reports problems in unrelated model files on stderr and still compares.
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
        base: { type: 'string' },
        target: { type: 'string' },
        granularity: { type: 'string', default: 'word' },
        'ignore-case': { type: 'boolean', default: false },
        'ignore-punctuation': { type: 'boolean', default: false },
        'ignore-whitespace': { type: 'boolean', default: false },
        workspace: { type: 'string' },
        version: { type: 'string' },
        clause: { type: 'string' },
        source: { type: 'string' },
        quote: { type: 'string' },
        stance: { type: 'string' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
        out: { type: 'string' },
        'include-unchanged': { type: 'boolean', default: false },
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
  const takesArguments = command === 'workspace' || command === 'import-annotations' || command === 'segment'
  if (extra.length > 0 && !takesArguments) return usageError(out, `unexpected argument "${extra[0]}"`)
  const library = createLibrary({
    sourcesDir: resolve(values['sources-dir'] ?? resolve(BUNDLED, 'sources')),
    modelsDir: resolve(values['models-dir'] ?? resolve(BUNDLED, 'models'))
  })
  // Each command's module loads on demand: a short command starts without the others' weight
  // (the suggestion index's stopword lists, the workspace store, the PDF writer).
  switch (command) {
    case 'sources': {
      const { listSources } = await import('./library-commands')
      return listSources(library, out, { json: values.json })
    }
    case 'versions': {
      const { listVersions } = await import('./library-commands')
      return listVersions(library, out, { json: values.json })
    }
    case 'compare': {
      const { base, target, granularity } = values
      if (!base || !target) return usageError(out, 'compare needs --base ID|FILE and --target ID|FILE')
      if (granularity !== 'word' && granularity !== 'char') return usageError(out, `--granularity must be word or char, not "${granularity}"`)
      const { compareCommand } = await import('./compare-command')
      return compareCommand(library, out, {
        baseId: base,
        targetId: target,
        json: values.json,
        workspace: values.workspace ? resolve(values.workspace) : undefined,
        compare: {
          granularity,
          ignoreCase: values['ignore-case'],
          ignorePunctuation: values['ignore-punctuation'],
          ignoreWhitespace: values['ignore-whitespace']
        }
      })
    }
    case 'segment': {
      const [file, ...rest] = extra
      if (!file || rest.length > 0) return usageError(out, 'usage: segment FILE [--json]')
      const { segmentCommand } = await import('./segment-command')
      return segmentCommand(out, resolve(file), values.json)
    }
    case 'cite': {
      const { workspace, version, clause, source, quote, stance } = values
      if (!workspace || !version || !clause || !source || quote === undefined || !stance) {
        return usageError(out, 'cite needs --workspace, --version, --clause, --source, --quote and --stance')
      }
      const { citeCommand } = await import('./evidence-commands')
      return citeCommand(library, out, { workspace: resolve(workspace), versionId: version, clauseId: clause, sourceId: source, quote, stance, note: values.note, reviewer: values.reviewer, json: values.json })
    }
    case 'evidence': {
      if (!values.workspace) return usageError(out, 'evidence needs --workspace FILE')
      const { evidenceCommand } = await import('./evidence-commands')
      return evidenceCommand(library, out, { workspace: resolve(values.workspace), versionId: values.version, json: values.json })
    }
    case 'workspace': {
      const [sub, file, ...rest] = extra
      if (sub !== 'check' || !file || rest.length > 0) return usageError(out, 'usage: workspace check FILE [--json]')
      const { checkCommand } = await import('./workspace-commands')
      return checkCommand(library, out, resolve(file), values.json)
    }
    case 'export': {
      const { base, target } = values
      if (!base || !target || !values.out) return usageError(out, 'export needs --base ID, --target ID and --out FILE.pdf')
      // The PDF writer and its fonts are the heaviest part of the CLI: a file of its own in the bin.
      const { exportCommand: exportPdfCommand } = await import('./export-command')
      return exportPdfCommand(library, out, { baseId: base, targetId: target, out: resolve(values.out), workspace: values.workspace ? resolve(values.workspace) : undefined, includeUnchanged: values['include-unchanged'], reviewer: values.reviewer })
    }
    case 'export-annotations': {
      if (!values.workspace || !values.out) return usageError(out, 'export-annotations needs --workspace FILE and --out FILE.jsonld')
      const { exportCommand } = await import('./workspace-commands')
      return exportCommand(out, resolve(values.workspace), resolve(values.out))
    }
    case 'import-annotations': {
      const [input, ...rest] = extra
      if (!values.workspace || !input || rest.length > 0) return usageError(out, 'import-annotations needs --workspace FILE and one IN.jsonld')
      const { importCommand } = await import('./workspace-commands')
      return importCommand(library, out, resolve(values.workspace), resolve(input), values.json)
    }
    default:
      return usageError(out, `unknown command "${command}"`)
  }
}

function usageError(out: Out, message: string): number {
  out.stderr(`clausewise: ${message}\n\n${USAGE}`)
  return 2
}

/** Runs the CLI on this process's arguments and sets its exit status (the bin and `npm run cli` call this). */
export function run(): void {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, not in a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })
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

if (require.main === module) run()
