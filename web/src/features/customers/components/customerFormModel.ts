import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { Schemas } from '@/lib/api/client';

type Customer = Schemas['CustomerDto'];
type Body = Schemas['UpdateCustomerRequest'];

/** What the form holds: the request body, with dates as Dayjs for the date pickers. */
export type CustomerFormValues = Omit<Body, 'profile' | 'importantDates'> & {
  profile?: Omit<Schemas['PersonalProfileDto'], 'birthday'> & { birthday?: Dayjs | null };
  importantDates?: { label?: string; date?: Dayjs | null }[];
};

export const newCustomerDefaults: CustomerFormValues = {
  kind: 'Company',
  level: 'C',
  creditRating: 'Unrated',
  isKeyAccount: false,
  isAlerted: false,
  origin: 'External',
  chainPosition: 'Final',
  leadSource: 'Other',
  profile: { gender: 'Unspecified', incomeBand: 'Unspecified', birthday: null },
  importantDates: [],
  tags: [],
};

const blankToNull = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === '' ? null : value.trim());
const dateOnly = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

export function toFormValues(c: Customer): CustomerFormValues {
  return {
    code: c.code, name: c.name, kind: c.kind, enterpriseType: c.enterpriseType, industry: c.industry, region: c.region,
    isKeyAccount: c.isKeyAccount, level: c.level, creditRating: c.creditRating, isAlerted: c.isAlerted, alertReason: c.alertReason,
    address: c.address, postcode: c.postcode, phone: c.phone, fax: c.fax, website: c.website, email: c.email,
    origin: c.origin, chainPosition: c.chainPosition, leadSource: c.leadSource,
    profile: { ...c.profile, birthday: c.profile.birthday ? dayjs(c.profile.birthday) : null },
    importantDates: c.importantDates.map((d) => ({ label: d.label, date: dayjs(d.date) })),
    tags: c.tags,
  };
}

export function toRequestBody(v: CustomerFormValues): Body {
  return {
    ...(v.code !== undefined && blankToNull(v.code) !== null ? { code: v.code!.trim() } : {}),
    name: (v.name ?? '').trim(),
    kind: v.kind,
    // The contract marks these enums nullable, but the API rejects an explicit null (400), so an empty
    // choice is left out of the body instead.
    ...(v.enterpriseType ? { enterpriseType: v.enterpriseType } : {}),
    industry: blankToNull(v.industry),
    region: blankToNull(v.region),
    isKeyAccount: v.isKeyAccount ?? false,
    level: v.level,
    creditRating: v.creditRating,
    isAlerted: v.isAlerted ?? false,
    alertReason: v.isAlerted ? blankToNull(v.alertReason) : null,
    address: blankToNull(v.address),
    postcode: blankToNull(v.postcode),
    phone: blankToNull(v.phone),
    fax: blankToNull(v.fax),
    website: blankToNull(v.website),
    email: blankToNull(v.email),
    ...(v.origin ? { origin: v.origin } : {}),
    ...(v.chainPosition ? { chainPosition: v.chainPosition } : {}),
    ...(v.leadSource ? { leadSource: v.leadSource } : {}),
    profile: {
      gender: v.profile?.gender ?? 'Unspecified',
      birthday: dateOnly(v.profile?.birthday),
      hobbies: blankToNull(v.profile?.hobbies),
      personality: blankToNull(v.profile?.personality),
      family: blankToNull(v.profile?.family),
      occupation: blankToNull(v.profile?.occupation),
      incomeBand: v.profile?.incomeBand ?? 'Unspecified',
    },
    importantDates: (v.importantDates ?? [])
      .filter((d) => d.label || d.date)
      .map((d) => ({ label: (d.label ?? '').trim(), date: dateOnly(d.date) ?? '' })),
    tags: v.tags ?? [],
  };
}

type Row = { key: string; label: string; mine: string; theirs: string };

/** The fields that differ between the user's unsaved edit and the server's current record, labelled and
 *  rendered for the conflict dialog. */
export function diffCustomer(mine: Body, server: Customer, t: TFunction): Row[] {
  const theirs = toRequestBody(toFormValues(server));
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((x) => (typeof x === 'object' ? `${x.label} ${x.date}` : String(x))).join(', ');
    const enumKey = enumFields[key];
    return enumKey ? t(`enums.${enumKey}.${String(value)}`, { defaultValue: String(value) }) : String(value);
  };
  const rows: Row[] = [];
  const flat = (body: Body): Record<string, unknown> => {
    const { profile, ...rest } = body;
    const out: Record<string, unknown> = { ...rest };
    for (const [k, v] of Object.entries(profile ?? {})) out[`profile.${k}`] = v;
    return out;
  };
  const a = flat(mine);
  const b = flat(theirs);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = show(key.replace('profile.', ''), a[key]);
    const right = show(key.replace('profile.', ''), b[key]);
    if (left !== right) {
      const field = key.replace('profile.', '');
      rows.push({ key, label: t(`customers.fields.${field}`), mine: left, theirs: right });
    }
  }
  return rows;
}

const enumFields: Record<string, string> = {
  kind: 'kind', enterpriseType: 'enterpriseType', level: 'level', creditRating: 'creditRating', origin: 'origin',
  chainPosition: 'chainPosition', leadSource: 'leadSource', gender: 'gender', incomeBand: 'incomeBand',
};

/** Top-level form fields, used to decide which problem `errors` the form can show next to a field. */
export const customerFormFields = [
  'code', 'name', 'kind', 'enterpriseType', 'industry', 'region', 'isKeyAccount', 'level', 'creditRating', 'isAlerted',
  'alertReason', 'address', 'postcode', 'phone', 'fax', 'website', 'email', 'origin', 'chainPosition', 'leadSource',
  'profile', 'importantDates', 'tags',
];
