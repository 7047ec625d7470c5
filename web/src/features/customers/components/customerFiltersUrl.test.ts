import { describe, expect, it } from 'vitest';
import { filtersFromUrl } from './customerFiltersUrl';

describe('filtersFromUrl', () => {
  it('keeps valid filters and drops values the API would reject', () => {
    const filters = filtersFromUrl(new URLSearchParams('q=Acme&level=A&lifecycle=Bogus&isKeyAccount=true&sort=-points&tag=%20vip%20&sort2=x'));
    expect(filters).toEqual({ q: 'Acme', level: 'A', isKeyAccount: true, sort: '-points', tag: 'vip' });
  });

  it('ignores unknown sort fields', () => {
    expect(filtersFromUrl(new URLSearchParams('sort=-password'))).toEqual({});
  });
});
