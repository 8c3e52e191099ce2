// The background's message gate (extension/background/messages.js), run in Node: which
// sender may send what, in which shape. The end-to-end side (real senders in real browsers)
// is in tests/e2e/messages.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMessage, senderContext, typesFrom } from '../../../extension/background/messages.js';

const SELF = {
  id: 'quietpage-id',
  origin: 'chrome-extension://quietpage-id/',
  readerPage: 'chrome-extension://quietpage-id/reader/reader.html',
  optionsPage: 'chrome-extension://quietpage-id/options/options.html',
};
const TOKEN = '0123456789abcdef0123456789abcdef';
const tab = { id: 7 };
const READER = { id: SELF.id, tab, frameId: 3, url: `${SELF.readerPage}#${TOKEN}` };
const CONTENT = { id: SELF.id, tab, frameId: 0, url: 'https://news.example/story' };

describe('message senders', () => {
  it('knows the reading view and the content script', () => {
    assert.equal(senderContext(READER, SELF), 'reader');
    assert.equal(senderContext(CONTENT, SELF), 'content');
    assert.equal(senderContext({ ...CONTENT, url: 'file:///home/me/page.html' }, SELF), 'content');
    assert.equal(senderContext({ ...CONTENT, url: SELF.optionsPage }, SELF), 'settings');
    assert.equal(senderContext({ ...CONTENT, url: `${SELF.optionsPage}#add=example.com` }, SELF), 'settings');
  });

  it('refuses everything else', () => {
    const others = {
      'another extension': { ...CONTENT, id: 'other-id' },
      'no id': { ...CONTENT, id: undefined },
      'no tab (a background or a popup)': { id: SELF.id, url: `${SELF.origin}background/main.js` },
      'the options page in a frame': { ...CONTENT, frameId: 2, url: SELF.optionsPage },
      'the options page with a query': { ...CONTENT, url: `${SELF.optionsPage}?x=1` },
      'another extension page in a tab': { ...CONTENT, url: `${SELF.origin}background/main.js` },
      'reader.html as a whole tab': { ...READER, frameId: 0 },
      'reader.html with a query': { ...READER, url: `${SELF.readerPage}?x=1#${TOKEN}` },
      "another extension's reader.html": { ...READER, url: `chrome-extension://other-id/reader/reader.html#${TOKEN}` },
      'a subframe of the page': { ...CONTENT, frameId: 2 },
      'no frame id': { ...CONTENT, frameId: undefined },
      'no URL': { ...CONTENT, url: undefined },
      'nothing': undefined,
    };
    for (const [name, sender] of Object.entries(others)) assert.equal(senderContext(sender, SELF), null, name);
  });
});

describe('message shapes', () => {
  const accepts = (msg, sender) => checkMessage(msg, sender, SELF);

  it('accepts what our contexts send', () => {
    for (const type of ['reader:hello', 'reader:shown', 'reader:close']) {
      assert.deepEqual(accepts({ type, token: TOKEN }, READER), { ok: true, context: 'reader', type });
    }
    for (const format of ['md', 'html', 'txt', 'epub']) {
      assert.ok(accepts({ type: 'reader:export', token: TOKEN, action: 'download', format }, READER).ok, format);
    }
    assert.ok(accepts({ type: 'reader:export', token: TOKEN, action: 'copy', format: 'md' }, READER).ok);
    assert.deepEqual(accepts({ type: 'qp:closed', token: TOKEN }, CONTENT), { ok: true, context: 'content', type: 'qp:closed' });
  });

  it('each context sends only its own types', () => {
    assert.deepEqual(typesFrom('content'), ['qp:closed', 'auto:ready']);
    for (const type of typesFrom('reader')) {
      const r = accepts({ type, token: TOKEN, ...(type === 'reader:export' ? { action: 'copy', format: 'md' } : {}) }, CONTENT);
      assert.deepEqual(r, { ok: false, error: `refused: ${type} from a content context` });
    }
    assert.deepEqual(accepts({ type: 'qp:closed', token: TOKEN }, READER), { ok: false, error: 'refused: qp:closed from a reader context' });
  });

  it('refuses malformed messages with a reason', () => {
    const bad = [
      [null, /is an object with a type/],
      ['reader:close', /is an object with a type/],
      [[{ type: 'reader:close', token: TOKEN }], /is an object with a type/],
      [{ token: TOKEN }, /is an object with a type/],
      [{ type: 42, token: TOKEN }, /is an object with a type/],
      [{ type: 'qp:show', src: 'x' }, /unknown message type/], // the background's own message to the page
      [{ type: 'toString', token: TOKEN }, /unknown message type/],
      [{ type: '__proto__', token: TOKEN }, /unknown message type/],
      [{ type: 'reader:close' }, /bad token/],
      [{ type: 'reader:close', token: TOKEN.toUpperCase() }, /bad token/],
      [{ type: 'reader:close', token: `${TOKEN}0` }, /bad token/],
      [{ type: 'reader:close', token: { length: 32 } }, /bad token/],
      [{ type: 'reader:close', token: TOKEN, tabId: 1 }, /has no field tabId/],
      [{ type: 'reader:export', token: TOKEN, action: 'copy' }, /bad format/],
      [{ type: 'reader:export', token: TOKEN, action: 'delete', format: 'md' }, /bad action/],
      [{ type: 'reader:export', token: TOKEN, action: 'download', format: 'pdf' }, /bad format/],
      [{ type: 'reader:export', token: TOKEN, action: 'download', format: '../../x' }, /bad format/],
    ];
    for (const [msg, reason] of bad) {
      const r = accepts(msg, READER);
      assert.equal(r.ok, false, JSON.stringify(msg));
      assert.match(r.error, reason, JSON.stringify(msg));
    }
    assert.match(accepts({ type: 'qp:closed' }, CONTENT).error, /bad token/);
  });

  it('checks the sender before the message', () => {
    const r = accepts({ type: 'reader:close', token: TOKEN }, { ...READER, id: 'other-id' });
    assert.deepEqual(r, { ok: false, error: 'refused: not from a Quiet Page view, content script or options page' });
  });
});
