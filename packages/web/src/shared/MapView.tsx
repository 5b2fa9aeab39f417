import { gcj02ToWgs84, wgs84ToGcj02, type TLatLng } from '@yiyang/core'
import type { TMapContext } from '@yiyang/server/contract'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'

export type MapPoint = TLatLng & { color: string; label: string; radius?: number; filled?: boolean }
export type MapLine = { points: TLatLng[]; color: string; label: string; weight?: number; dashed?: boolean }
export type MapCircle = TLatLng & { radiusMetres: number; color: string; label: string }

/**
 * The one map of the web (issue 20 item 2), on Leaflet without react-leaflet. Coordinates come in
 * WGS-84; they are shifted to GCJ-02 only when the configured tile source is in that datum
 * (MAP_TILE_GCJ02). Without a tile source it draws on a plain background: the outlines of the
 * district and streets (demo geography from the server), routes, points and circles — so it
 * works offline and in the e2e run. Labels are Chinese (zoom buttons, tooltips).
 */
export function MapView({
  context,
  points = [],
  lines = [],
  circles = [],
  height = 420,
  label,
  fitKey,
  onPick,
}: {
  context: TMapContext | undefined
  points?: MapPoint[]
  lines?: MapLine[]
  circles?: MapCircle[]
  height?: number | string
  /** What the map shows, for screen readers. */
  label: string
  /** Fit the view to the content again when this changes (a new plan, a new filter). */
  fitKey?: string
  /** Picking a place: a click on the map gives its WGS-84 coordinates. */
  onPick?: (p: TLatLng) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const base = useRef<L.LayerGroup | null>(null)
  const content = useRef<L.LayerGroup | null>(null)
  const fitted = useRef<string | undefined>(undefined)
  const gcj = !!context?.tiles.gcj02 && !!context?.tiles.url
  const at = (p: TLatLng): L.LatLngExpression => {
    const q = gcj ? wgs84ToGcj02(p) : p
    return [q.lat, q.lng]
  }

  useEffect(() => {
    if (!box.current || map.current) return
    const m = L.map(box.current, { zoomControl: false, attributionControl: false })
    L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小', zoomInText: '+', zoomOutText: '−' }).addTo(m)
    m.setView([38.93, 100.45], 11)
    base.current = L.layerGroup().addTo(m)
    content.current = L.layerGroup().addTo(m)
    map.current = m
    // Leaflet names its own buttons in English: give them Chinese names.
    box.current.querySelector('.leaflet-control-zoom-in')?.setAttribute('aria-label', '放大')
    box.current.querySelector('.leaflet-control-zoom-out')?.setAttribute('aria-label', '缩小')
    return () => {
      m.remove()
      map.current = null
    }
  }, [])

  const pick = useRef(onPick)
  pick.current = onPick
  const gcjRef = useRef(gcj)
  gcjRef.current = gcj
  useEffect(() => {
    const m = map.current
    if (!m) return
    const handler = (e: L.LeafletMouseEvent) => {
      if (!pick.current) return
      const p = { lat: e.latlng.lat, lng: e.latlng.lng }
      const w = gcjRef.current ? gcj02ToWgs84(p) : p
      pick.current({ lat: Math.round(w.lat * 1e6) / 1e6, lng: Math.round(w.lng * 1e6) / 1e6 })
    }
    m.on('click', handler)
    return () => {
      m.off('click', handler)
    }
  }, [])

  // Tiles and outlines.
  useEffect(() => {
    const m = map.current
    const g = base.current
    if (!m || !g || !context) return
    g.clearLayers()
    const t = context.tiles
    if (t.url) {
      g.addLayer(L.tileLayer(t.url, { subdomains: t.subdomains || 'abc', maxZoom: 18 }))
      if (t.labelUrl) g.addLayer(L.tileLayer(t.labelUrl, { subdomains: t.subdomains || 'abc', maxZoom: 18 }))
      if (t.attribution) L.control.attribution({ prefix: false }).addAttribution(t.attribution).addTo(m)
    }
    for (const o of context.outlines) {
      const county = o.level === 'county'
      g.addLayer(
        L.polygon(
          o.points.map((p) => at(p)),
          { color: county ? '#5c6b7a' : '#1a5fb4', weight: county ? 2 : 1, dashArray: county ? undefined : '4 4', fillOpacity: county ? 0.02 : 0.04 },
        ).bindTooltip(o.name, { sticky: true }),
      )
    }
    if (!fitted.current && context.outlines.length) {
      const towns = context.outlines.filter((o) => o.level !== 'county')
      const all = (towns.length ? towns : context.outlines).flatMap((o) => o.points.map((p) => at(p)))
      m.fitBounds(L.latLngBounds(all), { padding: [10, 10] })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context])

  // Routes, points, circles.
  useEffect(() => {
    const m = map.current
    const g = content.current
    if (!m || !g) return
    g.clearLayers()
    for (const c of circles) {
      g.addLayer(L.circle(at(c), { radius: c.radiusMetres, color: c.color, weight: 1, fillOpacity: 0.08 }).bindTooltip(c.label))
    }
    for (const l of lines) {
      if (l.points.length < 2) continue
      g.addLayer(
        L.polyline(
          l.points.map((p) => at(p)),
          { color: l.color, weight: l.weight ?? 3, dashArray: l.dashed ? '6 6' : undefined, opacity: 0.85 },
        ).bindTooltip(l.label, { sticky: true }),
      )
    }
    for (const p of points) {
      g.addLayer(
        L.circleMarker(at(p), {
          radius: p.radius ?? 6,
          color: p.color,
          weight: 2,
          fillColor: p.filled === false ? '#ffffff' : p.color,
          fillOpacity: 0.9,
        }).bindTooltip(p.label),
      )
    }
    const key = fitKey ?? ''
    if (fitKey !== undefined && fitted.current !== key) {
      const all = [...points, ...lines.flatMap((l) => l.points), ...circles].map((p) => at(p))
      if (all.length) {
        m.fitBounds(L.latLngBounds(all), { padding: [24, 24], maxZoom: 16 })
        fitted.current = key
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, lines, circles, fitKey, gcj])

  return (
    <div
      ref={box}
      role="region"
      aria-label={label}
      className="yy-map"
      style={{ height, width: '100%', borderRadius: 8, background: '#eef2f0', cursor: onPick ? 'crosshair' : undefined }}
    />
  )
}
