import { describe, expect, it } from 'vitest';
import { brandTermsFromSettings } from './brand-terms-from-settings.ts';

describe('brandTermsFromSettings', () => {
  it('splits a flat list into hashtags and names, and keeps a structured one', () => {
    expect(brandTermsFromSettings({ brandTerms: ['ascolta', '#ascolta', 'ascolta telco'] })).toEqual({
      names: ['ascolta', 'ascolta telco'],
      hashtags: ['#ascolta'],
      misspellings: [],
    });
    expect(brandTermsFromSettings({ brandTerms: { names: ['Ascolta'], misspellings: ['Asclota'] } })).toEqual({
      names: ['Ascolta'],
      hashtags: [],
      misspellings: ['Asclota'],
    });
    expect(brandTermsFromSettings({})).toBeNull();
  });
});
