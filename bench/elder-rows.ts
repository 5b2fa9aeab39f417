// Bulk insert of generated elders (bench setup): one INSERT … SELECT FROM unnest per batch.
import type pg from 'pg'
import type { TSeedElderRow } from '../packages/server/src/modules/elders/seed-elders.js'

export const COLS = [
  'region_code',
  'name',
  'name_initials',
  'id_hash',
  'id_enc',
  'id_prefix6',
  'birth_date',
  'sex',
  'hukou',
  'living_arrangement',
  'typed_categories',
  'categories',
  'address_enc',
  'address_masked',
  'phone_enc',
  'phone_hash',
  'phone_prefix3',
  'phone_last4',
  'contacts_enc',
  'has_guardian',
  'health_enc',
  'has_family_doctor',
  'family_doctor_date',
  'family_doctor_name',
  'has_visit_plan',
  'ability_scale',
  'ability_level',
  'ability_effective_date',
  'last_assessment_date',
  'last_assessment_level',
] as const
export const TYPES = [
  'varchar',
  'text',
  'text',
  'text',
  'text',
  'varchar',
  'date',
  'text',
  'text',
  'text',
  'text[]',
  'text[]',
  'text',
  'text',
  'text',
  'text',
  'varchar',
  'varchar',
  'text',
  'bool',
  'text',
  'bool',
  'date',
  'text',
  'bool',
  'text',
  'int2',
  'date',
  'date',
  'int2',
]
const camel = (c: string) => c.replace(/_([a-z0-9])/g, (_m, x: string) => x.toUpperCase())

/** Inserts generated rows with one statement; text[] columns travel as their text form and are cast back. */
export function insertElderRows(pool: pg.Pool, rows: TSeedElderRow[]) {
  const arrays = COLS.map((c) =>
    rows.map((r) => {
      const v = (r as Record<string, unknown>)[camel(c)]
      return v === undefined ? null : Array.isArray(v) ? `{${(v as string[]).join(',')}}` : v
    }),
  )
  const names = COLS.map((c, i) => (TYPES[i] === 'text[]' ? `${c}::text[]` : c))
  const params = COLS.map((_c, i) => `$${i + 1}::${TYPES[i] === 'text[]' ? 'text' : TYPES[i]}[]`).join(',')
  return pool.query(`insert into elders (${COLS.join(',')}) select ${names.join(',')} from unnest(${params}) as u(${COLS.join(',')})`, arrays)
}
