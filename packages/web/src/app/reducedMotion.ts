import type { ThemeConfig } from 'antd'
import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-reduced-motion: reduce)'

function subscribe(onChange: () => void) {
  const media = window.matchMedia(QUERY)
  media.addEventListener('change', onChange)
  return () => media.removeEventListener('change', onChange)
}

/** Whether the person asked their system for less motion (WCAG 2.3.3): read live, it can change while the page is open. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  )
}

/**
 * The theme without antd's motion (dialogs zooming, lists sliding, toasts fading) when less motion
 * is asked for. antd does not read the media query itself; its `motion` token turns every
 * rc-motion animation off, and nested providers (the portal) inherit it.
 */
export function withReducedMotion(theme: ThemeConfig, reduced: boolean): ThemeConfig {
  return reduced ? { ...theme, token: { ...theme.token, motion: false } } : theme
}
