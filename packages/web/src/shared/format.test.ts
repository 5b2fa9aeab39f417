import { describe, expect, it } from "vitest";
import { dayjs, formatDate, formatDateTime, greeting, shortId } from "./format";

describe("display formatting", () => {
  it("shows instants in Beijing time", () => {
    expect(formatDateTime("2026-01-31T16:30:00Z")).toBe("2026-02-01 00:30");
    expect(formatDateTime("2026-01-31T16:30:05Z", true)).toBe("2026-02-01 00:30:05");
    expect(formatDate("2026-01-31T16:30:00Z")).toBe("2026-02-01");
  });

  it("uses a dash for missing values and keeps unparsable text", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("greets by the hour", () => {
    expect(greeting(dayjs("2026-01-01T08:00:00"))).toBe("早上好");
    expect(greeting(dayjs("2026-01-01T15:00:00"))).toBe("下午好");
  });

  it("shortens long ids only", () => {
    expect(shortId("a8a40447-3a8d-41da-8acd-e86accc356c4")).toBe("a8a40447…");
    expect(shortId("system")).toBe("system");
  });
});
