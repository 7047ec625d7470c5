import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartProps } from './EChart';

export type { ChartClick, ChartOption, ChartProps } from './EChart';

// ECharts is a chunk of its own, fetched the first time a page draws a chart.
const EChart = lazy(() => import('./EChart'));

/** A chart (ECharts, SVG): pass a full option; clicks on data report the item's name and index. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 260;
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
