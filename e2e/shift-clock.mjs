// e2e only: the server's clock runs YY_E2E_CLOCK_SHIFT_MS ahead (loaded with node --import), so a
// spec can let a 公示 window pass without waiting a week. Never used outside e2e.
const offset = Number(process.env.YY_E2E_CLOCK_SHIFT_MS || 0)
const RealDate = Date
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset)
    else super(...args)
  }
  static now() {
    return RealDate.now() + offset
  }
}
globalThis.Date = ShiftedDate
