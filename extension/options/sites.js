// The options page's site list: add a site (the browser asks to let Quiet Page read it, and
// only it), allow one that came from a file or another device, remove one.

import { ext } from '../shared/api.js';
import { originFor, parseSitePattern } from '../shared/sites.js';
import { ask } from './background.js';

const form = document.getElementById('site-form');
const input = document.getElementById('site-input');
const error = document.getElementById('site-error');
const list = document.getElementById('site-list');

/**
 * Asks the browser for `pattern`'s host, then lists the site. Called straight from a click
 * or submit handler: Firefox grants a request only before the handler awaits anything.
 */
function allowAndAdd(pattern) {
  return ext.permissions.request({ origins: [originFor(pattern)] }).then((granted) => {
    if (!granted) throw new Error(`your browser did not allow Quiet Page to read ${pattern}, so it was not added`);
    return ask('sites:add', { pattern });
  });
}

function item(site) {
  const li = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'qp-pattern';
  name.textContent = site.pattern;
  li.append(name);
  if (!site.granted) {
    const note = document.createElement('span');
    note.className = 'qp-hint';
    note.textContent = 'not allowed in this browser yet';
    const allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'qp-button qp-bordered';
    allow.textContent = 'Allow';
    allow.setAttribute('aria-label', `Allow ${site.pattern}`);
    allow.addEventListener('click', () => {
      allowAndAdd(site.pattern).then(refresh, (e) => {
        error.textContent = e.message;
      });
    });
    li.append(note, allow);
  }
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'qp-button qp-bordered';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove ${site.pattern}`);
  remove.addEventListener('click', () => {
    ask('sites:remove', { pattern: site.pattern }).then(refresh, (e) => {
      error.textContent = e.message;
    });
  });
  li.append(remove);
  return li;
}

async function refresh() {
  const sites = await ask('sites:list');
  list.replaceChildren(...sites.map(item));
  if (!sites.length) {
    const none = document.createElement('li');
    none.className = 'qp-hint';
    none.textContent = 'No sites yet.';
    list.append(none);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  let pattern;
  try {
    ({ pattern } = parseSitePattern(input.value));
  } catch (err) {
    error.textContent = `${input.value.trim() || 'That'} can't be added: ${err.message}.`;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  error.textContent = '';
  document.getElementById('site-note').textContent = '';
  input.removeAttribute('aria-invalid');
  allowAndAdd(pattern).then(
    () => {
      input.value = '';
      return refresh();
    },
    (err) => {
      error.textContent = `${err.message}.`;
    },
  );
});

// From the reading view's "Always clean this site" where the view itself cannot ask (Firefox):
// the site is filled in, and Add asks the browser.
const offered = /^#add=(.+)$/.exec(location.hash);
if (offered) {
  input.value = decodeURIComponent(offered[1]);
  document.getElementById('site-note').textContent = `Press Add to let Quiet Page read ${input.value} and clean its articles.`;
  form.querySelector('button[type="submit"]').focus();
}

// The list changes elsewhere too: the reading view's button, an import, another device.
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes.sites) refresh().catch(() => {});
});

refresh().catch((e) => {
  error.textContent = e.message;
});
