// `clausewise` from a terminal: the same core services as the app, for scripts and batch jobs.
import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { REVIEW_FILE } from '../core/matter/layout'
import { createLibrary } from '../services'
import type { Scope } from './common'
import { processOut, reportError, type Out } from './output'

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
  disagreements       where the sources disagree about a term, before anyone cites them: for
                        each clause, its strongest passages from different sources stating
                        another end year, amount, percentage or exclusivity [--version ID]
  export              the comparison as a document to send, with its citations:
                        --base ID --target ID --out FILE [--workspace FILE]
                        [--format pdf|pdf-side-by-side|docx]  the annotated PDF (inline,
                        the default), the PDF in two columns, or a Word redline with
                        tracked changes and comments
                        [--include-unchanged] [--reviewer NAME]
                        [--granularity word|char] [--ignore-case] [--ignore-punctuation]
                        [--ignore-whitespace]
  workspace check FILE
                      validity, schema version, counts, orphans and backups (reads only)
  export-annotations  --workspace FILE --out FILE.jsonld: citations as W3C Web Annotations
  import-annotations  --workspace FILE IN.jsonld: merge annotations by id; each skipped entry
                        is reported with its reason

Matters (a folder holding one review of your own documents):
  matter new DIR --title TITLE
                      make DIR (new or empty) a matter
  import --matter DIR FILE --as version|source [--title TITLE] [--date YYYY[-MM[-DD]]]
                      read FILE (DOCX, PDF, text, Markdown, HTML) into the matter: a draft to
                        compare (version) or evidence to cite (source); warnings on stderr; a
                        file that cannot be read is refused and the matter left as it was
  --matter DIR        on sources, versions, compare, cite, evidence, disagreements, export, export-annotations
                        and import-annotations: the matter's drafts and sources replace the
                        bundled case, its review file (pairings, citations) replaces --workspace

Options:
  --json              print JSON only on stdout (problems still go to stderr)
  --sources-dir DIR   read sources from DIR (a manifest.yaml and its .txt files)
  --models-dir DIR    read agreement models (*.yaml) from DIR
                        (--matter cannot be combined with --workspace, --sources-dir or --models-dir)
  -h, --help          show this help

Exit status: 0 on success; 1 when a file had a problem (sources, versions: the valid items
are still printed), a version id is unknown (compare), a file cannot be imported or DIR is
not a matter; 2 for a usage error. compare reports problems in unrelated model files on
stderr and still compares.
`

/** The commands that work on a matter's documents and review file when given --matter DIR. */
const MATTER_COMMANDS = ['sources', 'versions', 'compare', 'cite', 'evidence', 'disagreements', 'export', 'export-annotations', 'import-annotations', 'import']
const ALL_COMMANDS = [...MATTER_COMMANDS, 'segment', 'workspace', 'matter']

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
        matter: { type: 'string' },
        as: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        version: { type: 'string' },
        clause: { type: 'string' },
        source: { type: 'string' },
        quote: { type: 'string' },
        stance: { type: 'string' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
        out: { type: 'string' },
        'include-unchanged': { type: 'boolean', default: false },
        format: { type: 'string', default: 'pdf' },
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
  if (!ALL_COMMANDS.includes(command)) return usageError(out, `unknown command "${command}"`)
  const takesArguments = ['workspace', 'import-annotations', 'segment', 'matter', 'import'].includes(command)
  if (extra.length > 0 && !takesArguments) return usageError(out, `unexpected argument "${extra[0]}"`)
  // A workspace file named as a matter's review file is that matter, as the app opens it.
  const matterArg = values.matter ?? (values.workspace !== undefined && basename(values.workspace) === REVIEW_FILE ? dirname(values.workspace) : undefined)
  if (matterArg !== undefined) {
    if (!MATTER_COMMANDS.includes(command)) return usageError(out, `--matter is not used by ${command}`)
    if (values.matter !== undefined && values.workspace !== undefined) return usageError(out, "--matter and --workspace cannot be used together: the matter's review file is its workspace")
    if (values['sources-dir'] !== undefined || values['models-dir'] !== undefined) return usageError(out, '--matter cannot be used with --sources-dir or --models-dir: the matter brings its own versions and sources')
  }
  const workspace = matterArg === undefined && values.workspace !== undefined ? resolve(values.workspace) : undefined
  const reviewNamed = matterArg !== undefined || workspace !== undefined
  const library = createLibrary({
    sourcesDir: resolve(values['sources-dir'] ?? resolve(BUNDLED, 'sources')),
    modelsDir: resolve(values['models-dir'] ?? resolve(BUNDLED, 'models'))
  })
  /** The library and review file the command works on; opening a matter that is not one exits 1. */
  const openScope = async (): Promise<Scope | number> => {
    if (matterArg === undefined) return { library, ...(workspace === undefined ? {} : { workspace }) }
    const { openMatterScope } = await import('./common')
    try {
      return await openMatterScope(library, resolve(matterArg), matterArg, out)
    } catch (err) {
      return reportError(out, err)
    }
  }
  // Each command's module loads on demand: a short command starts without the others' weight
  // (the suggestion index's stopword lists, the workspace store, the PDF writer).
  switch (command) {
    case 'sources': {
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { listSources } = await import('./library-commands')
      return listSources(scope.library, out, { json: values.json })
    }
    case 'versions': {
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { listVersions } = await import('./library-commands')
      return listVersions(scope.library, out, { json: values.json })
    }
    case 'compare': {
      const { base, target, granularity } = values
      if (!base || !target) return usageError(out, 'compare needs --base ID|FILE and --target ID|FILE')
      if (granularity !== 'word' && granularity !== 'char') return usageError(out, `--granularity must be word or char, not "${granularity}"`)
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { compareCommand } = await import('./compare-command')
      return compareCommand(scope, out, {
        baseId: base,
        targetId: target,
        json: values.json,
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
      const { version, clause, source, quote, stance } = values
      if (!reviewNamed || !version || !clause || !source || quote === undefined || !stance) {
        return usageError(out, 'cite needs --workspace FILE or --matter DIR, --version, --clause, --source, --quote and --stance')
      }
      const { citeCommand, citeUsageError } = await import('./evidence-commands')
      const options = { versionId: version, clauseId: clause, sourceId: source, quote, stance, note: values.note, reviewer: values.reviewer, json: values.json }
      const usage = citeUsageError(out, options)
      if (usage !== null) return usage
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      return citeCommand(scope, out, options)
    }
    case 'disagreements': {
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { disagreementsCommand } = await import('./evidence-commands')
      return disagreementsCommand(scope, out, { versionId: values.version, json: values.json })
    }
    case 'evidence': {
      if (!reviewNamed) return usageError(out, 'evidence needs --workspace FILE or --matter DIR')
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { evidenceCommand } = await import('./evidence-commands')
      return evidenceCommand(scope, out, { versionId: values.version, json: values.json })
    }
    case 'workspace': {
      const [sub, file, ...rest] = extra
      if (sub !== 'check' || !file || rest.length > 0) return usageError(out, 'usage: workspace check FILE [--json]')
      const { checkCommand } = await import('./workspace-commands')
      return checkCommand(library, out, resolve(file), values.json)
    }
    case 'export': {
      const { base, target, format, granularity } = values
      if (!base || !target || !values.out) return usageError(out, 'export needs --base ID, --target ID and --out FILE')
      if (granularity !== 'word' && granularity !== 'char') return usageError(out, `--granularity must be word or char, not "${granularity}"`)
      // The PDF and Word writers and their fonts are the heaviest part of the CLI: a file of their own in the bin.
      const { exportCommand, exportUsage } = await import('./export-command')
      const usage = exportUsage(format, values.out)
      if (typeof usage === 'string') return usageError(out, usage)
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      return exportCommand(scope, out, {
        baseId: base,
        targetId: target,
        out: resolve(values.out),
        format: usage.format,
        includeUnchanged: values['include-unchanged'],
        reviewer: values.reviewer,
        compare: { granularity, ignoreCase: values['ignore-case'], ignorePunctuation: values['ignore-punctuation'], ignoreWhitespace: values['ignore-whitespace'] }
      })
    }
    case 'export-annotations': {
      if (!reviewNamed || !values.out) return usageError(out, 'export-annotations needs --workspace FILE or --matter DIR, and --out FILE.jsonld')
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { exportCommand } = await import('./workspace-commands')
      return exportCommand(scope, out, resolve(values.out))
    }
    case 'import-annotations': {
      const [input, ...rest] = extra
      if (!reviewNamed || !input || rest.length > 0) return usageError(out, 'import-annotations needs --workspace FILE or --matter DIR, and one IN.jsonld')
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      const { importCommand } = await import('./workspace-commands')
      return importCommand(scope, out, resolve(input), values.json)
    }
    case 'matter': {
      const [sub, dir, ...rest] = extra
      if (sub !== 'new' || !dir || rest.length > 0) return usageError(out, 'usage: matter new DIR --title TITLE [--json]')
      if (values.title === undefined) return usageError(out, 'matter new needs --title TITLE')
      const { matterNewCommand } = await import('./matter-commands')
      return matterNewCommand(out, resolve(dir), values.title, values.json)
    }
    case 'import': {
      const [file, ...rest] = extra
      if (values.matter === undefined || !file || rest.length > 0 || !values.as) return usageError(out, 'usage: import --matter DIR FILE --as version|source [--title TITLE] [--date YYYY-MM-DD]')
      const role = values.as
      if (role !== 'version' && role !== 'source') return usageError(out, `--as must be version (a draft to compare) or source (evidence to cite), not "${role}"`)
      const scope = await openScope()
      if (typeof scope === 'number') return scope
      if (!scope.matter) throw new Error('import: the matter did not open')
      const { importFileCommand } = await import('./matter-commands')
      return importFileCommand(scope.matter, out, { file: resolve(file), as: role, title: values.title, date: values.date, json: values.json })
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
