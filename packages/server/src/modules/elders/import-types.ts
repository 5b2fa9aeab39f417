/** Shapes shared by the import's use cases (upload, run, status, confirm). */
import type { TImportError } from './import-columns.js'

export const importModes = ['all_or_nothing', 'valid_only'] as const
export type TImportMode = (typeof importModes)[number]

export const ELDER_IMPORT_JOB = 'elder_import'

/** What the job row keeps as input; the file itself is the job's attachment. */
export type TImportInput = {
  filename: string
  size: number
  mode: TImportMode
  /** Conflict rows the operator confirmed (row number + the elder it was matched to). */
  confirmed?: { row: number; elderId: string }[]
  /** The import whose conflicts this run confirms. */
  confirmsJobId?: string
}

export type TImportProgress = { phase: 'queued' | 'reading' | 'checking' | 'writing' | 'done'; percent: number; rowsRead: number }

/** A row whose ID number belongs to an elder with another name: written only when confirmed. */
export type TImportConflict = {
  row: number
  elderId: string
  idNumber: string
  fields: { field: string; label: string; existing: string; imported: string }[]
}

/** An updated elder and what changed, values in Chinese and masked. */
export type TImportChange = { row: number; elderId: string; name: string; changes: { field: string; label: string; before: string; after: string }[] }

export type TImportWarning = { row: number; name: string; column: string; value: string; message: string }

export type TImportResult = {
  mode: TImportMode
  committed: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  errorRows: number
  errorCount: number
  conflictCount: number
  warningCount: number
  /** Header cells that are not import columns: named so a renamed column is not lost unnoticed. */
  unknownColumns: string[]
  /** Row-level errors, warnings, conflicts and changes, encrypted (values may hold ID numbers). */
  errorsEnc?: string
  detailsEnc?: string
  message: string
}

export type TImportDetails = { conflicts: TImportConflict[]; changes: TImportChange[]; warnings: TImportWarning[] }
export type { TImportError }
