#!/usr/bin/env node
// CLI launcher: solve --format solomon|hhc --time-limit-ms N [--seed N] FILE
import { ensureBuilt } from './ensure-built.mjs'

ensureBuilt('cli.js')
const { runCli } = await import('../dist/cli.js')
const r = runCli(process.argv.slice(2), 0, process.env.INIT_CWD || process.cwd())
if (r.stderr) process.stderr.write(r.stderr)
if (r.stdout) process.stdout.write(r.stdout)
process.exitCode = r.code
