import { describe, expect, it } from "vitest";
import { diffSnapshots, displayValue } from "./diff";

describe("audit before/after diff", () => {
  it("lists changed fields first and counts them", () => {
    const d = diffSnapshots(
      { displayName: "张三", role: "assessor", isActive: true },
      { displayName: "张三", role: "street_officer", isActive: false },
    );
    expect(d.kind).toBe("changed");
    expect(d.changedCount).toBe(2);
    expect(d.rows.map((r) => r.key)).toEqual(["role", "isActive", "displayName"]);
    expect(d.rows[0]).toMatchObject({ before: "评估员", after: "街道(乡镇)工作人员", changed: true });
    expect(d.rows[1]).toMatchObject({ before: "是", after: "否" });
  });

  it("recognises creation, removal and no snapshot at all", () => {
    expect(diffSnapshots(null, { name: "网关" }).kind).toBe("created");
    expect(diffSnapshots({ name: "网关" }, null).kind).toBe("removed");
    expect(diffSnapshots(null, undefined).kind).toBe("none");
    expect(diffSnapshots({ a: 1 }, { a: 1 }).kind).toBe("unchanged");
  });

  it("formats values for people", () => {
    expect(displayValue("phone", null)).toBe("（空）");
    expect(displayValue("lastLoginAt", "2026-01-31T16:30:00Z")).toBe("2026-02-01 00:30:00");
    expect(displayValue("meta", { a: 1 })).toBe('{"a":1}');
  });
});
