import type { TConfig } from './config.js'

export type TNotice = { to: string; text: string; kind: 'family' | 'staff' | 'supporter' }
export type TNotifier = { name: string; send(n: TNotice): Promise<void> }
type TLog = { info(obj: unknown, msg: string): void }

/** Default: the notice is written to the log only (no gateway configured). Phone numbers are masked there. */
export const logNotifier = (log: TLog): TNotifier => ({
  name: 'log',
  async send(n) {
    log.info({ to: n.to.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'), kind: n.kind, text: n.text }, 'notice (log only)')
  },
})

/** An HTTP SMS gateway: POST {to, text} as JSON to SMS_GATEWAY_URL; a non-2xx answer is an error the caller reports. */
export const httpSmsNotifier = (url: string, fetchImpl: typeof fetch = fetch): TNotifier => ({
  name: 'sms',
  async send(n) {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: n.to, text: n.text }),
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) throw new Error(`短信网关返回 ${res.status}`)
  },
})

const silent: TLog = { info() {} }
/** The notifier the configuration names. */
export function notifierFor(config: TConfig, log: TLog = silent): TNotifier {
  return config.alarms.smsGatewayUrl ? httpSmsNotifier(config.alarms.smsGatewayUrl) : logNotifier(log)
}
