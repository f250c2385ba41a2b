import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECElementEvent, type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the chart types and parts the reports use: the reports chunk stays a fraction of full ECharts.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the same figures are in the tiles and tables around it). */
  label: string;
  height?: number;
  testId?: string;
  onPointClick?: (point: { seriesId: string; dataIndex: number; name: string }) => void;
}

export const Chart = ({ option, label, height = 260, testId, onPointClick }: ChartProps) => {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null || onPointClick === undefined) return;
    const onClick = (event: ECElementEvent) =>
      onPointClick({ seriesId: String(event.seriesId ?? ''), dataIndex: event.dataIndex, name: event.name });
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [onPointClick]);
  return (
    <div
      ref={boxRef}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onPointClick === undefined ? undefined : 'pointer' }}
    />
  );
};
