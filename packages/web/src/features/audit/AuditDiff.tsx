import { Descriptions, Typography } from "antd";
import type { AuditEntry } from "../../api/client";
import { formatDateTime } from "../../shared/format";
import { fieldLabel, roleLabel } from "../../shared/labels";

type Snapshot = Record<string, unknown> | null;

function asSnapshot(v: unknown): Snapshot {
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
  if (typeof v === "object") return JSON.stringify(v, null, 1);
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Before/after of one audit row as a field-by-field table; changed fields are marked. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const before = asSnapshot(entry.before);
  const after = asSnapshot(entry.after);
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]));
  const changedCount = keys.filter((k) => !same(before?.[k], after?.[k])).length;

  let summary: string;
  if (!before && !after) summary = "此操作未记录数据变化。";
  else if (!before) summary = "新建记录，以下为创建后的内容。";
  else if (!after) summary = "删除或失效记录，以下为操作前的内容。";
  else summary = changedCount > 0 ? `共 ${changedCount} 项发生变化（已标黄）。` : "内容没有变化。";

  return (
    <div style={{ padding: "4px 8px" }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {summary}
      </Typography.Paragraph>
      {keys.length > 0 ? (
        <table className="yy-diff" aria-label="修改前后对比">
          <thead>
            <tr>
              <th scope="col" style={{ width: "22%" }}>字段</th>
              {before ? <th scope="col">修改前</th> : null}
              {after ? <th scope="col">{before ? "修改后" : "内容"}</th> : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const changed = !!before && !!after && !same(before[k], after[k]);
              return (
                <tr key={k} className={changed ? "yy-diff-changed" : undefined}>
                  <td>
                    {fieldLabel(k)}
                    {fieldLabel(k) !== k ? (
                      <Typography.Text type="secondary" className="yy-mono" style={{ marginLeft: 6, fontSize: "0.8em" }}>
                        {k}
                      </Typography.Text>
                    ) : null}
                  </td>
                  {before ? <td>{changed ? <del>{displayValue(k, before[k])}</del> : displayValue(k, before[k])}</td> : null}
                  {after ? <td>{changed ? <ins>{displayValue(k, after[k])}</ins> : displayValue(k, after[k])}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="记录序号">{entry.seq}</Descriptions.Item>
        <Descriptions.Item label="来源 IP">{entry.ip || "—"}</Descriptions.Item>
        <Descriptions.Item label="请求号">
          {entry.requestId ? (
            <Typography.Text className="yy-mono" copyable={{ tooltips: ["复制请求号", "已复制"] }}>
              {entry.requestId}
            </Typography.Text>
          ) : (
            "—"
          )}
        </Descriptions.Item>
        <Descriptions.Item label="记录哈希">
          <Typography.Text className="yy-mono" style={{ wordBreak: "break-all" }}>
            {entry.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
