import * as echarts from "echarts/core";
import { BarChart, LineChart, RadarChart } from "echarts/charts";
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent, MarkLineComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useElderMode } from "../../app/elderMode";

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, AriaComponent, MarkLineComponent, SVGRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/**
 * A small ECharts host: SVG renderer (crisp when printed), resizes with its box, larger
 * text in elder mode, aria description from the caller for screen readers.
 */
export function EChart({ option, height = 300, label }: { option: EChartOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { elderMode } = useElderMode();
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        textStyle: { fontSize: elderMode ? 18 : 12, color: elderMode ? "#000" : "#1f2733" },
        aria: { enabled: true, label: { description: label } },
        animation: false,
        ...option,
      },
      true,
    );
  }, [option, elderMode, label]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height: elderMode ? height + 60 : height }} />;
}
