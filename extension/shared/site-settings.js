// The shapes of the per-site settings and of the settings file: what a rule, the site list and
// an imported file may hold, each checked with a message that says exactly what is wrong.
// Pure (the selector check is passed in: it is the core's, which runs in the background), so
// node's test runner checks it without a browser.

import { FONTS, RANGES, THEMES } from './settings.js';
import { parseSitePattern } from './sites.js';

export const FILE_FORMAT = 1;
// storage.sync keeps each key under 8 KB; these keep a list well inside that.
export const MAX_SITES = 100;
export const MAX_RULES = 50;
export const MAX_REMOVE = 20;
const MAX_SELECTOR = 300;

/** Thrown with every problem found, one per line, so a form or an import can list them. */
export class SettingsError extends Error {
  constructor(problems) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

/**
 * One selector: `null` when the core accepts it, else the message. `checkSelector` is the
 * core's (lol_html's own parser), so what passes here is what the extraction will accept.
 */
function selectorProblem(selector, checkSelector) {
  if (typeof selector !== 'string') return `is ${describe(selector)}, not a CSS selector`;
  if (!selector.trim()) return 'is empty';
  if (selector.length > MAX_SELECTOR) return `is longer than ${MAX_SELECTOR} characters`;
  const error = checkSelector(selector);
  if (!error) return null;
  // The core's message names the selector already; a bare reason gets it in front.
  return error.includes(selector) ? error : `${JSON.stringify(selector)}: ${error}`;
}

/**
 * A site rule from a form or a file: `{ pattern, content, remove }`, `content` null when not
 * set. Throws a SettingsError naming each bad field (`where` prefixes the messages).
 */
export function checkRule(raw, checkSelector, where = '') {
  const problems = [];
  const at = (field) => `${where}${field}`;
  if (!isObject(raw)) throw new SettingsError([`${where ? where.slice(0, -1) : 'the rule'} is ${describe(raw)}, not a rule object`]);
  for (const key of Object.keys(raw)) {
    if (!['pattern', 'content', 'remove'].includes(key)) problems.push(`${at(key)}: unknown field (a rule has pattern, content and remove)`);
  }
  let pattern = null;
  try {
    pattern = parseSitePattern(raw.pattern).pattern;
  } catch (e) {
    problems.push(`${at('pattern')}: ${e.message}`);
  }
  let content = null;
  if (raw.content !== undefined && raw.content !== null && !(typeof raw.content === 'string' && !raw.content.trim())) {
    const problem = selectorProblem(raw.content, checkSelector);
    if (problem) problems.push(`${at('content')} ${problem}`);
    else content = raw.content.trim();
  }
  const remove = [];
  if (raw.remove !== undefined && raw.remove !== null) {
    if (!Array.isArray(raw.remove)) {
      problems.push(`${at('remove')} is ${describe(raw.remove)}, not a list of selectors`);
    } else if (raw.remove.length > MAX_REMOVE) {
      problems.push(`${at('remove')} has ${raw.remove.length} selectors; at most ${MAX_REMOVE}`);
    } else {
      raw.remove.forEach((selector, i) => {
        const problem = selectorProblem(selector, checkSelector);
        if (problem) problems.push(`${at(`remove[${i}]`)} ${problem}`);
        else remove.push(selector.trim());
      });
    }
  }
  if (!problems.length && !content && !remove.length) {
    problems.push(`${where ? `${where.slice(0, -1)}: the rule` : 'the rule'} says nothing: give a content selector or something to remove`);
  }
  if (problems.length) throw new SettingsError(problems);
  return { pattern, content, remove };
}

/** The site list from a file: patterns in their stored spelling, no repeats. */
export function checkSites(raw, where = 'sites') {
  if (!Array.isArray(raw)) throw new SettingsError([`${where} is ${describe(raw)}, not a list of site patterns`]);
  if (raw.length > MAX_SITES) throw new SettingsError([`${where} has ${raw.length} sites; at most ${MAX_SITES}`]);
  const problems = [];
  const out = [];
  raw.forEach((item, i) => {
    try {
      const { pattern } = parseSitePattern(item);
      if (!out.includes(pattern)) out.push(pattern);
    } catch (e) {
      problems.push(`${where}[${i}] ${describe(item)}: ${e.message}`);
    }
  });
  if (problems.length) throw new SettingsError(problems);
  return out;
}

function checkReading(raw) {
  if (!isObject(raw)) return [`reading is ${describe(raw)}, not an object of reading settings`];
  const problems = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'theme' || key === 'font') {
      const allowed = key === 'theme' ? THEMES : FONTS;
      if (!allowed.includes(value)) problems.push(`reading.${key} is ${describe(value)}; one of ${allowed.join(', ')}`);
    } else if (Object.hasOwn(RANGES, key)) {
      const r = RANGES[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < r.min || value > r.max) {
        problems.push(`reading.${key} is ${describe(value)}; a number from ${r.min} to ${r.max}`);
      }
    } else {
      problems.push(`reading.${key}: unknown setting (${['theme', 'font', ...Object.keys(RANGES)].join(', ')})`);
    }
  }
  return problems;
}

/**
 * A settings file's text, checked through: `{ reading?, sites?, rules? }` with only the
 * sections the file has, or a SettingsError listing every problem (and nothing is applied).
 */
export function parseSettingsFile(text, checkSelector) {
  if (typeof text !== 'string') throw new SettingsError(['the file could not be read as text']);
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SettingsError([`the file is not JSON (${e.message})`]);
  }
  if (!isObject(data) || data.quietpage === undefined) {
    throw new SettingsError(['this is not a Quiet Page settings file (it has no "quietpage" format number)']);
  }
  if (data.quietpage !== FILE_FORMAT) {
    throw new SettingsError([`the file's format ${describe(data.quietpage)} is not one this version reads (${FILE_FORMAT})`]);
  }
  const problems = [];
  const out = {};
  for (const key of Object.keys(data)) {
    if (!['quietpage', 'reading', 'sites', 'rules'].includes(key)) {
      problems.push(`${key}: unknown section (a settings file has reading, sites and rules)`);
    }
  }
  if (data.reading !== undefined) {
    const found = checkReading(data.reading);
    if (found.length) problems.push(...found);
    else out.reading = data.reading;
  }
  if (data.sites !== undefined) {
    try {
      out.sites = checkSites(data.sites);
    } catch (e) {
      problems.push(...e.problems);
    }
  }
  if (data.rules !== undefined) {
    if (!Array.isArray(data.rules)) {
      problems.push(`rules is ${describe(data.rules)}, not a list of site rules`);
    } else if (data.rules.length > MAX_RULES) {
      problems.push(`rules has ${data.rules.length} rules; at most ${MAX_RULES}`);
    } else {
      out.rules = [];
      data.rules.forEach((raw, i) => {
        try {
          const rule = checkRule(raw, checkSelector, `rules[${i}].`);
          if (out.rules.some((r) => r.pattern === rule.pattern)) problems.push(`rules[${i}].pattern: ${rule.pattern} has a rule already`);
          else out.rules.push(rule);
        } catch (e) {
          problems.push(...e.problems);
        }
      });
    }
  }
  if (problems.length) throw new SettingsError(problems);
  return out;
}
