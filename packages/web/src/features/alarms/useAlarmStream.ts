import { useEffect, useRef, useState } from 'react'
import type { THotlineStreamMessage } from '@yiyang/server/contract'
import { streamUrl, type AlarmStreamMessage } from './api'

/** Everything the stream carries: the two alarm messages and, for operators, the 12349 call pop-up. */
export type StreamMessage = AlarmStreamMessage | THotlineStreamMessage

/**
 * The live alarm stream over a WebSocket (session cookie). Reconnects with a growing delay;
 * after each (re)connect the caller reloads the queue, so nothing sent while offline is missed.
 */
export function useAlarmStream(onMessage: (m: StreamMessage) => void, onConnected: () => void) {
  const [connected, setConnected] = useState(false)
  const handler = useRef(onMessage)
  const connectedHandler = useRef(onConnected)
  handler.current = onMessage
  connectedHandler.current = onConnected
  useEffect(() => {
    let ws: WebSocket | null = null
    let stopped = false
    let delay = 1000
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      ws = new WebSocket(streamUrl())
      ws.onopen = () => {
        delay = 1000
        setConnected(true)
        connectedHandler.current()
      }
      ws.onmessage = (e) => {
        try {
          handler.current(JSON.parse(String(e.data)) as StreamMessage)
        } catch {
          /* a malformed frame is ignored */
        }
      }
      ws.onclose = () => {
        setConnected(false)
        if (stopped) return
        timer = setTimeout(open, delay)
        delay = Math.min(delay * 2, 15_000)
      }
    }
    open()
    return () => {
      stopped = true
      clearTimeout(timer)
      ws?.close()
    }
  }, [])
  return connected
}

/** Two short tones: the alert an operator hears when a new alarm arrives (needs one click on the page first, browsers' rule). */
export function playAlarmTone(ctx: AudioContext | null) {
  if (!ctx) return
  const t0 = ctx.currentTime
  for (const [i, f] of [880, 660, 880].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = f
    gain.gain.setValueAtTime(0.2, t0 + i * 0.25)
    gain.gain.exponentialRampToValueAtTime(0.001, t0 + i * 0.25 + 0.22)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t0 + i * 0.25)
    osc.stop(t0 + i * 0.25 + 0.23)
  }
}
