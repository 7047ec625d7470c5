import { describe, expect, it } from 'vitest';
import { toNamePath } from './formErrors';

describe('toNamePath', () => {
  it('maps the API field names onto antd name paths', () => {
    expect(toNamePath('email')).toEqual(['email']);
    expect(toNamePath('Profile.Birthday')).toEqual(['profile', 'birthday']);
    expect(toNamePath('importantDates[1].label')).toEqual(['importantDates', 1, 'label']);
  });
});
