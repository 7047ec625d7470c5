import type { CustomerFilters } from '../api/keys';
import { enumValues } from './enumOptions';

const enumParams = ['level', 'lifecycle', 'state', 'enterpriseType', 'leadSource', 'origin', 'chainPosition'] as const;
const textParams = ['q', 'region', 'industry', 'tag', 'ownerId', 'teamId', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const;
const boolParams = ['isKeyAccount', 'isAlerted', 'includeArchived'] as const;
export const sortableFields = ['name', 'code', 'level', 'points', 'createdAt', 'updatedAt'] as const;
export type SortField = (typeof sortableFields)[number];

/** Reads the list's filters from the URL, dropping anything the API would reject, so a shared or
 *  bookmarked link always opens a valid list. */
export function filtersFromUrl(params: URLSearchParams): CustomerFilters {
  const filters: Record<string, string | boolean> = {};
  for (const name of enumParams) {
    const value = params.get(name);
    if (value && (enumValues[name] as readonly string[]).includes(value)) filters[name] = value;
  }
  for (const name of textParams) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  for (const name of boolParams) {
    const value = params.get(name);
    if (value === 'true' || value === 'false') filters[name] = value === 'true';
  }
  const sort = params.get('sort');
  if (sort && sortableFields.includes(sort.replace(/^-/, '') as SortField)) filters.sort = sort;
  return filters as CustomerFilters;
}

/** Returns new search params with one filter set (or removed when empty). */
export function withFilter(params: URLSearchParams, name: string, value: string | boolean | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === null || value === '') next.delete(name);
  else next.set(name, String(value));
  return next;
}

export function activeFilterCount(filters: CustomerFilters): number {
  return Object.keys(filters).filter((k) => k !== 'sort' && k !== 'q').length;
}
