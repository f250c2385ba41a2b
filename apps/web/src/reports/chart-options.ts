import type {
  BacklogReportDto,
  ResponseTimesReportDto,
  SentimentReportDto,
  SlaReportDto,
  TriageReportDto,
  VolumeReportDto,
} from '@ascolta/contracts';
import type { EChartsCoreOption } from 'echarts/core';

export type VolumeDimension = 'byChannel' | 'byKind' | 'byCategory';

const grid = { left: 48, right: 16, top: 36, bottom: 28 };
const tooltip = { trigger: 'axis' as const };
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Tickets opened per bucket, one stacked series per channel, kind or category (series id = that key). */
export const volumeOption = (
  volume: VolumeReportDto,
  dimension: VolumeDimension,
  nameOf: (key: string) => string,
  bucketLabel: (start: string) => string,
): EChartsCoreOption => {
  const keys = [...new Set(volume.buckets.flatMap((bucket) => Object.keys(bucket[dimension])))].sort();
  return {
    tooltip,
    legend: { top: 0, type: 'scroll' },
    grid,
    xAxis: { type: 'category', data: volume.buckets.map((bucket) => bucketLabel(bucket.start)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((key) => ({
      id: key,
      name: nameOf(key),
      type: 'bar',
      stack: 'volume',
      data: volume.buckets.map((bucket) => bucket[dimension][key] ?? 0),
    })),
  };
};

/** Median first response and resolution per bucket, in minutes (calendar or business). */
export const responseTimesOption = (
  times: ResponseTimesReportDto,
  isBusiness: boolean,
  labels: { firstResponse: string; resolution: string },
  bucketLabel: (start: string) => string,
): EChartsCoreOption => ({
  tooltip,
  legend: { top: 0 },
  grid,
  xAxis: { type: 'category', data: times.buckets.map((bucket) => bucketLabel(bucket.start)) },
  yAxis: { type: 'value', name: 'min' },
  series: [
    {
      id: 'firstResponse',
      name: labels.firstResponse,
      type: 'line',
      connectNulls: true,
      data: times.buckets.map((bucket) =>
        round1(isBusiness ? bucket.firstResponseBusinessMedianMinutes : bucket.firstResponseMedianMinutes),
      ),
    },
    {
      id: 'resolution',
      name: labels.resolution,
      type: 'line',
      connectNulls: true,
      data: times.buckets.map((bucket) =>
        round1(isBusiness ? bucket.resolutionBusinessMedianMinutes : bucket.resolutionMedianMinutes),
      ),
    },
  ],
});

/** First-response SLA attainment in percent per team (or policy, or agent): one bar each. */
export const attainmentOption = (
  rows: ReadonlyArray<{ name: string; attainment: number | null; eligible: number }>,
): EChartsCoreOption => ({
  tooltip,
  grid: { ...grid, left: 120 },
  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', data: rows.map((row) => `${row.name} (${row.eligible})`) },
  series: [{ id: 'attainment', type: 'bar', data: rows.map((row) => percent(row.attainment)) }],
});

export const backlogOption = (backlog: BacklogReportDto): EChartsCoreOption => ({
  tooltip,
  grid,
  xAxis: { type: 'category', data: backlog.byAge.map((age) => age.label) },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ id: 'backlog', type: 'bar', data: backlog.byAge.map((age) => age.count) }],
});

export const sentimentOption = (
  sentiment: SentimentReportDto,
  labels: { average: string; negative: string },
  bucketLabel: (start: string) => string,
): EChartsCoreOption => ({
  tooltip,
  legend: { top: 0 },
  grid: { ...grid, right: 48 },
  xAxis: { type: 'category', data: sentiment.buckets.map((bucket) => bucketLabel(bucket.start)) },
  yAxis: [
    { type: 'value', min: -1, max: 1 },
    { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
  ],
  series: [
    {
      id: 'average',
      name: labels.average,
      type: 'line',
      connectNulls: true,
      data: sentiment.buckets.map((bucket) => round1(bucket.averageSentiment)),
    },
    {
      id: 'negative',
      name: labels.negative,
      type: 'bar',
      yAxisIndex: 1,
      data: sentiment.buckets.map((bucket) => percent(bucket.negativeShare)),
    },
  ],
});

/** Actionable against each reason for ignoring, as shares of what came in. */
export const triageOption = (triage: TriageReportDto, actionableLabel: string): EChartsCoreOption => ({
  tooltip: { trigger: 'item' },
  legend: { bottom: 0, type: 'scroll' },
  series: [
    {
      id: 'triage',
      type: 'pie',
      radius: ['35%', '65%'],
      data: [
        { name: actionableLabel, value: triage.actionable },
        ...triage.ignoredReasons.map((reason) => ({ name: reason.reason, value: reason.count })),
      ],
    },
  ],
});

/** The SLA rows worth a bar: the ones with tickets to measure. */
export const measuredRows = <T extends { eligible: number }>(rows: readonly T[]): T[] =>
  rows.filter((row) => row.eligible > 0);

export type { SlaReportDto };
