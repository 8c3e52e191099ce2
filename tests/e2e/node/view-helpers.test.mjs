// The reading view's pure helpers, run in Node.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shownSite } from '../../../extension/shared/meta-line.js';
import { removedSummary } from '../../../extension/shared/removed.js';
import { DEFAULTS, normalize } from '../../../extension/shared/settings.js';

const none = { navigation: 0, footer: 0, paywall: 0, signin: 0, cookie: 0, share: 0, related: 0, ads: 0, comments: 0, hidden: 0 };

describe('removed line', () => {
  it('reads like the issue asks', () => {
    assert.equal(
      removedSummary({ ...none, navigation: 3, paywall: 1, share: 2, footer: 1 }),
      'Removed: 3 menus, 1 subscription prompt, 2 share bars, footer',
    );
  });
  it('says nothing when nothing visible went', () => {
    assert.equal(removedSummary(none), '');
    assert.equal(removedSummary({ ...none, hidden: 7 }), '');
    assert.equal(removedSummary(undefined), '');
  });
  it('counts footers and singulars', () => {
    assert.equal(removedSummary({ ...none, footer: 2, ads: 1, cookie: 1 }), 'Removed: 1 cookie banner, 1 ad, 2 footers');
  });
  it('ignores junk values', () => {
    assert.equal(removedSummary({ navigation: -1, share: 'x', ads: 1.5, comments: 2 }), 'Removed: 2 comment sections');
  });
});

describe('meta line', () => {
  it('names the site once when the byline is the newsroom', () => {
    assert.equal(shownSite({ byline: 'ABC  News', site_name: ' abc news' }), '');
    assert.equal(shownSite({ byline: 'Julia Horowitz', site_name: ' CNNMoney ' }), 'CNNMoney');
    assert.equal(shownSite({ byline: null, site_name: 'CNNMoney' }), 'CNNMoney');
    assert.equal(shownSite({ site_name: '  ' }), '');
    assert.equal(shownSite(undefined), '');
  });
});

describe('reading settings', () => {
  it('fill in defaults and drop unknown keys', () => {
    assert.deepEqual(normalize(undefined), DEFAULTS);
    assert.deepEqual(normalize({ evil: 1, theme: 'dark' }), { ...DEFAULTS, theme: 'dark' });
  });
  it('refuse values outside the choices', () => {
    assert.deepEqual(normalize({ theme: 'neon', font: 'comic' }), DEFAULTS);
  });
  it('clamp and step numbers', () => {
    const s = normalize({ fontSize: 99, lineWidth: 1, lineHeight: '1.73' });
    assert.equal(s.fontSize, 32);
    assert.equal(s.lineWidth, 24);
    assert.equal(s.lineHeight, 1.75);
    assert.equal(normalize({ fontSize: Number.NaN }).fontSize, DEFAULTS.fontSize);
  });
});
