import dayjs from 'dayjs';
import type { Schemas } from '@/lib/api/client';

export type Dimension = 'level' | 'category' | 'region' | 'owner' | 'industry';
export const dimensions: Dimension[] = ['level', 'category', 'region', 'owner', 'industry'];
export type CompositionRow = Schemas['CompositionRowDto'];

/** The page state kept in the URL: ?by=region&from=2026-01-01&to=2026-06-30 (no dates = the API's default: this year so far). */
export type CompositionState = { by: Dimension; from?: string; to?: string };

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid();

export function readCompositionState(params: URLSearchParams): CompositionState {
  const by = params.get('by');
  const from = params.get('from');
  const to = params.get('to');
  return {
    by: dimensions.find((d) => d === by) ?? 'level',
    ...(isDate(from) && isDate(to) && from <= to ? { from, to } : {}),
  };
}

export function writeCompositionState(s: CompositionState): Record<string, string> {
  return { ...(s.by !== 'level' ? { by: s.by } : {}), ...(s.from && s.to ? { from: s.from, to: s.to } : {}) };
}

/** Colour of an ABC class: A the vital few, B the next 15%, C the long tail. */
export const abcColors: Record<string, string> = { A: '#1677ff', B: '#fa8c16', C: '#8c8c8c' };
export const abcTagColors: Record<string, string> = { A: 'blue', B: 'orange', C: 'default' };

/** Change against the previous period (the API picks it), in %; null when there was nothing before (new). */
export function changeOf(row: CompositionRow): { percent: number | null; direction: 'up' | 'down' | 'flat' | 'new' } {
  if (row.changePercent === null || row.changePercent === undefined) return { percent: null, direction: row.previousAmount === 0 && row.salesAmount > 0 ? 'new' : 'flat' };
  return { percent: row.changePercent, direction: row.changePercent > 0 ? 'up' : row.changePercent < 0 ? 'down' : 'flat' };
}

/** How many groups make up class A and what share of sales they carry (the Pareto headline). */
export function paretoHeadline(rows: CompositionRow[]): { groups: number; share: number; total: number } {
  const a = rows.filter((r) => r.abcClass === 'A');
  return { groups: a.length, share: a.length ? a[a.length - 1]!.cumulativeShare : 0, total: rows.length };
}

/** The customer list behind a group (level, region, owner, industry), or null when the list has no such filter
 *  (product category) or the group is "unspecified". */
export function customerListLink(by: Dimension, row: Pick<CompositionRow, 'key'>): string | null {
  if (!row.key) return null;
  const param = ({ level: 'level', region: 'region', owner: 'ownerId', industry: 'industry' } as Partial<Record<Dimension, string>>)[by];
  return param ? `/customers?${new URLSearchParams({ [param]: row.key })}` : null;
}
