/** Pure before/after comparison for audit rows, kept apart from the view so it can be tested. */
import { formatDateTime } from "../../shared/format";
import { roleLabel } from "../../shared/labels";

export type Snapshot = Record<string, unknown> | null;

export interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

export interface AuditDiffResult {
  kind: "none" | "created" | "removed" | "changed" | "unchanged";
  rows: DiffRow[];
  changedCount: number;
  hasBefore: boolean;
  hasAfter: boolean;
}

export function asSnapshot(v: unknown): Snapshot {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  return { 值: v };
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a person reads it: 是/否, Beijing time, role names, JSON only as a last resort. */
export function displayValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "（空）";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (key === "role" && typeof v === "string") return roleLabel(v);
  if (typeof v === "string" && ISO_RE.test(v)) return formatDateTime(v, true);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffSnapshots(beforeRaw: unknown, afterRaw: unknown): AuditDiffResult {
  const before = asSnapshot(beforeRaw);
  const after = asSnapshot(afterRaw);
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]));
  const rows = keys.map((key) => ({
    key,
    before: displayValue(key, before?.[key]),
    after: displayValue(key, after?.[key]),
    changed: !!before && !!after && !same(before[key], after[key]),
  }));
  // Changed fields first, so the eye lands on what happened.
  rows.sort((a, b) => Number(b.changed) - Number(a.changed));
  const changedCount = rows.filter((r) => r.changed).length;
  let kind: AuditDiffResult["kind"];
  if (!before && !after) kind = "none";
  else if (!before) kind = "created";
  else if (!after) kind = "removed";
  else kind = changedCount > 0 ? "changed" : "unchanged";
  return { kind, rows, changedCount, hasBefore: !!before, hasAfter: !!after };
}
