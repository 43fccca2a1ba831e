import { describe, expect, it } from 'vitest';
import { cutGluedFurniture, isFurnitureLine, removeBoilerplate } from './boilerplate.js';

describe('removeBoilerplate', () => {
  it('drops share buttons, promos, credits and a dangling label from an article, keeping the prose', () => {
    const page = [
      'Skip to main content',
      'Regulator says foreign hackers probed dam controls',
      '',
      'Photo: A. Reporter/Getty Images',
      'Share | Tweet | Email',
      '',
      'Skip to main contentThe national water regulator said on Monday that operators had detected probing of dam control systems.',
      '',
      'Advertisement',
      '',
      'The regulator did not name the country it suspects. Read more about the inquiry in our earlier coverage.',
      '',
      'Related articles',
      'Follow us on Mastodon',
      '',
      'Share.',
      '© 2025 Example Daily. All rights reserved.',
      'Further reading:',
    ].join('\n');
    expect(removeBoilerplate(page)).toBe(
      [
        'Regulator says foreign hackers probed dam controls',
        '',
        'The national water regulator said on Monday that operators had detected probing of dam control systems.',
        '',
        'The regulator did not name the country it suspects. Read more about the inquiry in our earlier coverage.',
      ].join('\n'),
    );
  });

  it('keeps prose that merely contains furniture words', () => {
    const prose = [
      'Share prices of the utility fell after the breach was disclosed.',
      '',
      'Investigators said the attackers used email to deliver the implant.',
      '',
      'The photo: a leaked screenshot of the control panel, according to the ministry.',
      '',
      'SharePoint servers were the entry point.',
      '',
      'PrintNightmare was exploited too.',
    ].join('\n');
    expect(removeBoilerplate(prose)).toBe(prose);
  });

  it('collapses the blank lines a removed line leaves behind and trims the ends', () => {
    expect(removeBoilerplate('\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.\n\n')).toBe(
      'First paragraph.\n\nSecond paragraph.',
    );
  });

  it('drops only a final dangling label, not one followed by content', () => {
    expect(removeBoilerplate('Body.\n\nThe ministry listed three demands:\n\nAn apology.')).toBe(
      'Body.\n\nThe ministry listed three demands:\n\nAn apology.',
    );
    expect(removeBoilerplate('Body.\n\nSee the original statement:')).toBe('Body.');
  });
});

describe('isFurnitureLine', () => {
  it.each([
    ['Share this:'],
    ['Facebook Twitter LinkedIn Email'],
    ['Exit mobile version'],
    ['ADVERTISEMENT'],
    ['Sign up'],
    ['Tags: cybersecurity, Taiwan'],
    ['Image credit: Ministry handout'],
    ['(File photo)'],
    ['We use cookies to improve your experience. By continuing you accept our cookie policy.'],
    ['References:'],
  ])('%j is furniture', (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    ['Related research was published in 2023.'],
    ['Print media outlets were also targeted by the campaign, officials said.'],
    ['The group shares infrastructure with APT41.'],
    ['Sign up forms on the site were used to harvest passwords, the report said.'],
    [''],
  ])('%j is not', (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe('cutGluedFurniture', () => {
  it('cuts multi-word phrases glued to a capitalised paragraph start', () => {
    expect(cutGluedFurniture('Exit mobile versionOfficials in Seoul said …')).toBe(
      'Officials in Seoul said …',
    );
    expect(cutGluedFurniture('Share thisRelated articlesThe agency said …')).toBe('The agency said …');
  });

  it('leaves single words alone: they start product names', () => {
    expect(cutGluedFurniture('SharePoint was exploited.')).toBe('SharePoint was exploited.');
    expect(cutGluedFurniture('Read moreover')).toBe('Read moreover');
  });
});
