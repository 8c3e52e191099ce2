// Reading settings: what they may be, where they live (storage.sync, so they follow the user
// across devices) and how they reach the page (attributes and custom properties that
// article.css reads). The reading view and the options page both use this module, so a value
// is validated the same way wherever it is set.

import { ext } from './api.js';

const KEY = 'reading';

export const THEMES = ['system', 'light', 'sepia', 'dark'];
export const FONTS = ['serif', 'sans'];

/** Numeric settings: bounds, step and the unit article.css expects. */
export const RANGES = {
  fontSize: { min: 14, max: 32, step: 1, unit: 'px', property: '--qp-font-size' },
  lineWidth: { min: 24, max: 60, step: 2, unit: 'em', property: '--qp-line-width' },
  lineHeight: { min: 1.2, max: 2.2, step: 0.05, unit: '', property: '--qp-line-height' },
};

export const DEFAULTS = Object.freeze({
  theme: 'system',
  font: 'serif',
  fontSize: 19,
  lineWidth: 36,
  lineHeight: 1.65,
});

/**
 * Returns complete, valid settings from anything (storage written by an older version, a
 * form, an import): unknown keys are dropped, bad values fall back to the defaults and
 * numbers are clamped to their range.
 */
export function normalize(raw) {
  const src = raw && typeof raw === 'object' ? raw : {};
  const out = { ...DEFAULTS };
  if (THEMES.includes(src.theme)) out.theme = src.theme;
  if (FONTS.includes(src.font)) out.font = src.font;
  for (const [name, r] of Object.entries(RANGES)) {
    const n = typeof src[name] === 'string' ? Number(src[name]) : src[name];
    if (typeof n === 'number' && Number.isFinite(n)) {
      // Round to the step so values stored from a slider compare equal to the defaults.
      const stepped = Math.round((n - r.min) / r.step) * r.step + r.min;
      out[name] = Number(Math.min(r.max, Math.max(r.min, stepped)).toFixed(2));
    }
  }
  return out;
}

export async function load() {
  try {
    const got = await ext.storage.sync.get(KEY);
    return normalize(got[KEY]);
  } catch {
    // storage.sync is unavailable when the user turned sync storage off (Firefox without an
    // add-on ID, enterprise policy): read with the defaults rather than fail.
    return { ...DEFAULTS };
  }
}

let saving = Promise.resolve();

/**
 * Merges `changes` into the stored settings and returns the result. Saves from one page run
 * one after another: two overlapping read-merge-writes would lose the first one's change.
 */
export function save(changes) {
  const next = saving.then(async () => {
    const merged = normalize({ ...(await load()), ...changes });
    await ext.storage.sync.set({ [KEY]: merged });
    return merged;
  });
  saving = next.catch(() => {});
  return next;
}

/** Calls `listener(settings)` whenever the stored settings change (in any tab or device). */
export function onChanged(listener) {
  const handler = (changes, area) => {
    if (area === 'sync' && changes[KEY]) listener(normalize(changes[KEY].newValue));
  };
  ext.storage.onChanged.addListener(handler);
  return () => ext.storage.onChanged.removeListener(handler);
}

/** Puts `settings` on a document root the way article.css reads them. */
export function apply(settings, root = document.documentElement) {
  const s = normalize(settings);
  root.dataset.qpTheme = s.theme;
  root.dataset.qpFont = s.font;
  for (const [name, r] of Object.entries(RANGES)) {
    // CSSOM, not a style attribute: the view's CSP forbids inline styles in markup.
    root.style.setProperty(r.property, `${s[name]}${r.unit}`);
  }
}
