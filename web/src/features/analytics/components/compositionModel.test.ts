import { describe, expect, it } from 'vitest';
import { customerListLink } from './compositionModel';

describe('customerListLink', () => {
  it('opens the customer list filtered by the group behind a bar or row', () => {
    expect(customerListLink('level', { key: 'Special' })).toBe('/customers?level=Special');
    expect(customerListLink('region', { key: '华东 East' })).toBe(`/customers?region=${encodeURIComponent('华东').replace(/%20/g, '+')}+East`);
    expect(customerListLink('owner', { key: '6f1c0d7e-0000-4000-8000-000000000001' })).toBe('/customers?ownerId=6f1c0d7e-0000-4000-8000-000000000001');
    expect(customerListLink('industry', { key: 'Retail' })).toBe('/customers?industry=Retail');
  });

  it('has no list for product categories (customers are not filtered by what they bought) or unspecified groups', () => {
    expect(customerListLink('category', { key: '机床' })).toBeNull();
    expect(customerListLink('region', { key: '' })).toBeNull();
  });
});
