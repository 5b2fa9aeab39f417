import * as echarts from 'echarts/core'
import { BarChart, LineChart, RadarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent, MarkLineComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { useElderMode } from '../../app/elderMode'

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent, MarkLineComponent, SVGRenderer])

export type EChartOption = echarts.EChartsCoreOption

const big = { fontSize: 20, color: '#000' }
const withBig = (x: unknown, key: string) => {
  const one = (o: Record<string, unknown>) => ({ ...o, [key]: { ...((o[key] as object) ?? {}), ...big } })
  return Array.isArray(x) ? x.map((o) => one(o as Record<string, unknown>)) : x ? one(x as Record<string, unknown>) : x
}

/** Elder mode: every axis label, axis name, legend and radar label at 20 px black (ECharts defaults are 12 px). */
function largeText(option: EChartOption): EChartOption {
  const o = option as Record<string, unknown>
  const axes = (x: unknown) => withBig(withBig(x, 'axisLabel'), 'nameTextStyle')
  return {
    ...o,
    ...(o.xAxis ? { xAxis: axes(o.xAxis) } : {}),
    ...(o.yAxis ? { yAxis: axes(o.yAxis) } : {}),
    ...(o.legend ? { legend: withBig(o.legend, 'textStyle') } : {}),
    ...(o.radar ? { radar: withBig(o.radar, 'axisName') } : {}),
    ...(o.tooltip ? { tooltip: withBig(o.tooltip, 'textStyle') } : {}),
  }
}

/**
 * A small ECharts host: SVG renderer (crisp when printed), resizes with its box, larger
 * text in elder mode, aria description from the caller for screen readers.
 */
export function EChart({ option, height = 300, label }: { option: EChartOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const { elderMode } = useElderMode()
  useEffect(() => {
    if (!ref.current) return
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' })
    chart.current = c
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(ref.current)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(
      {
        textStyle: { fontSize: elderMode ? 20 : 12, color: elderMode ? '#000' : '#1f2733' },
        aria: { enabled: true, label: { description: label } },
        animation: false,
        ...(elderMode ? largeText(option) : option),
      },
      true,
    )
  }, [option, elderMode, label])
  // min-width 0 and overflow hidden: the host never holds its container open, so the
  // ResizeObserver sees the container narrow and the chart redraws to fit.
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', minWidth: 0, overflow: 'hidden', height: elderMode ? height + 60 : height }} />
}
