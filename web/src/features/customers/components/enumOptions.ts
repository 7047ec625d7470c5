import type { TFunction } from 'i18next';
import type { Schemas } from '@/lib/api/client';

type NonNull<T> = Exclude<T, null>;

export const enumValues = {
  kind: ['Company', 'Person'] satisfies Schemas['CustomerKind'][],
  enterpriseType: ['StateOwned', 'Foreign', 'JointVenture', 'Private', 'Individual', 'Other'] satisfies NonNull<Schemas['EnterpriseType']>[],
  level: ['Special', 'A', 'B', 'C'] satisfies Schemas['CustomerLevel'][],
  creditRating: ['Unrated', 'AAA', 'AA', 'A', 'B', 'C'] satisfies Schemas['CreditRating'][],
  lifecycle: ['Prospect', 'Active', 'Lapsed', 'Archived'] satisfies Schemas['Lifecycle'][],
  state: ['Actual', 'Potential'] satisfies Schemas['CustomerState'][],
  origin: ['External', 'Internal'] satisfies NonNull<Schemas['CustomerOrigin']>[],
  chainPosition: ['Final', 'Intermediate'] satisfies NonNull<Schemas['ChainPosition']>[],
  leadSource: [
    'Advertising', 'TradeShow', 'PhoneMailCampaign', 'Finance', 'ServiceDepartment', 'Referral', 'PersonalNetwork', 'Other',
  ] satisfies NonNull<Schemas['LeadSource']>[],
  gender: ['Unspecified', 'Female', 'Male'] satisfies Schemas['Gender'][],
  incomeBand: ['Unspecified', 'Low', 'LowerMiddle', 'Middle', 'UpperMiddle', 'High'] satisfies Schemas['IncomeBand'][],
};

export type EnumName = keyof typeof enumValues;

export function enumOptions(t: TFunction, name: EnumName) {
  return enumValues[name].map((value) => ({ value, label: t(`enums.${name}.${value}`) }));
}

export function enumLabel(t: TFunction, name: EnumName, value: string | null | undefined): string {
  return value ? t(`enums.${name}.${value}`, { defaultValue: value }) : '—';
}
