import type { Schemas } from '@/lib/api/client';

export type ResolutionValues = {
  isFactual?: boolean; resolutionType?: Schemas['ResolutionType'] | null; rootCause?: string; correctiveAction?: string; explanation?: string;
  goodwillDescription?: string; goodwillValue?: number | null;
};

/** The fields a resolution needs (the API enforces the same): a factual complaint needs a resolution type, the
 *  root cause and a corrective action; a complaint that is not factual needs an explanation to the customer. */
export function requiredResolutionFields(isFactual: boolean | undefined): (keyof ResolutionValues)[] {
  if (isFactual === undefined) return ['isFactual'];
  return isFactual ? ['resolutionType', 'rootCause', 'correctiveAction'] : ['explanation'];
}

/** The required fields still missing; empty when the resolution may be sent. */
export function missingResolutionFields(values: ResolutionValues): (keyof ResolutionValues)[] {
  return requiredResolutionFields(values.isFactual).filter((name) => {
    const value = values[name];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}

/** The request body: fields that do not belong to the chosen branch are left out. */
export function toResolveRequest(values: ResolutionValues): Schemas['ResolveComplaintRequest'] {
  const text = (v?: string) => v?.trim() || null;
  const goodwill = { goodwillDescription: text(values.goodwillDescription), goodwillValue: values.goodwillValue ?? null };
  return values.isFactual
    ? { isFactual: true, resolutionType: values.resolutionType ?? null, rootCause: text(values.rootCause), correctiveAction: text(values.correctiveAction), explanation: text(values.explanation), ...goodwill }
    : { isFactual: false, resolutionType: null, rootCause: null, correctiveAction: null, explanation: text(values.explanation), ...goodwill };
}
