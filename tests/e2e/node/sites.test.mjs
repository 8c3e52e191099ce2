// Site patterns and the settings file's checks (extension/shared/sites.js, site-settings.js),
// run in Node. The selector check stands in for the core's with the same contract (null, or
// the reason); the end-to-end tests use the real one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRule, parseSettingsFile } from '../../../extension/shared/site-settings.js';
import { bestMatch, matchesUrl, matchFor, originFor, parseSitePattern, patternForUrl } from '../../../extension/shared/sites.js';

const checkSelector = (s) => (/[+~]/.test(s) ? 'combinator not supported' : null);

describe('site patterns', () => {
  it('takes the three forms and a pasted address', () => {
    assert.equal(parseSitePattern('example.com').pattern, 'example.com');
    assert.equal(parseSitePattern(' *.Example.COM ').pattern, '*.example.com');
    assert.equal(parseSitePattern('example.com/News/*').pattern, 'example.com/News/*');
    assert.equal(parseSitePattern('https://www.example.com/').pattern, 'www.example.com');
    assert.equal(parseSitePattern('bücher.de').pattern, 'xn--bcher-kva.de');
    assert.equal(parseSitePattern('127.0.0.1').pattern, '127.0.0.1');
  });

  it('says what is wrong', () => {
    const wrong = {
      '': /type a site/,
      'example.com:8080': /leave out the port/,
      'ftp://example.com': /only web sites/,
      'example.com/?page=2': /after \? or #/,
      'news.*.example.com': /may only start the host/,
      '*.com': /would cover too much/,
      '*.10.0.0.1': /would cover too much/,
      'exa mple.com': /no spaces/,
      'a..b': /is not a host name/,
      'user@example.com': /leave out the user name/,
    };
    for (const [input, message] of Object.entries(wrong)) assert.throws(() => parseSitePattern(input), message, input);
    assert.throws(() => parseSitePattern(42), /is text/);
  });

  it('asks for the host only, and matches the path', () => {
    assert.equal(originFor('example.com/news/*'), '*://example.com/*');
    assert.equal(originFor('*.example.com'), '*://*.example.com/*');
    assert.equal(matchFor('example.com/news/*'), '*://example.com/news/*');
    assert.equal(matchFor('example.com'), '*://example.com/*');
  });

  it('matches pages as the browser does, and picks the most specific pattern', () => {
    assert.ok(matchesUrl('example.com/news/*', 'https://example.com/news/a?b=1'));
    assert.ok(!matchesUrl('example.com/news/*', 'https://example.com/sport/a'));
    assert.ok(matchesUrl('*.example.com', 'http://a.b.example.com/x'));
    assert.ok(matchesUrl('*.example.com', 'http://example.com/'));
    assert.ok(!matchesUrl('example.com', 'http://www.example.com/'));
    assert.ok(!matchesUrl('example.com', 'file:///example.com/'));
    const patterns = ['*.example.com', 'example.com', 'example.com/news/*'];
    assert.equal(bestMatch(patterns, 'https://example.com/news/1'), 'example.com/news/*');
    assert.equal(bestMatch(patterns, 'https://example.com/about'), 'example.com');
    assert.equal(bestMatch(patterns, 'https://www.example.com/news/1'), '*.example.com');
    assert.equal(bestMatch(patterns, 'https://example.org/'), null);
    assert.equal(patternForUrl('https://www.example.com/a/b?c'), 'www.example.com');
    assert.throws(() => patternForUrl('about:blank'), /only web pages/);
  });
});

describe('site rules and the settings file', () => {
  it('a rule is checked field by field', () => {
    assert.deepEqual(checkRule({ pattern: 'example.com', content: ' main ', remove: ['.ad', ' aside '] }, checkSelector), {
      pattern: 'example.com',
      content: 'main',
      remove: ['.ad', 'aside'],
    });
    assert.throws(
      () => checkRule({ pattern: 'example.com:1', content: 'a + b', remove: ['.x', 'p ~ p', 3], extra: 1 }, checkSelector),
      (e) => {
        assert.deepEqual(e.problems, [
          'extra: unknown field (a rule has pattern, content and remove)',
          'pattern: leave out the port: a site pattern covers every port of its host',
          'content "a + b": combinator not supported',
          'remove[1] "p ~ p": combinator not supported',
          'remove[2] is 3, not a CSS selector',
        ]);
        return true;
      },
    );
    assert.throws(() => checkRule({ pattern: 'example.com', content: '', remove: [] }, checkSelector), /says nothing/);
    // The core's own messages name the selector: it is not said twice.
    const core = (sel) => `the selector \`${sel}\` cannot be used: no`;
    assert.throws(
      () => checkRule({ pattern: 'example.com', remove: ['p ~ p'] }, core),
      (e) => e.problems[0] === 'remove[0] the selector `p ~ p` cannot be used: no',
    );
  });

  it('a file is read whole or not at all, each problem named', () => {
    const good = parseSettingsFile(
      JSON.stringify({
        quietpage: 1,
        reading: { theme: 'dark', fontSize: 20 },
        sites: ['Example.com', 'example.com', '*.news.example'],
        rules: [{ pattern: 'example.com', remove: ['.ad'] }],
      }),
      checkSelector,
    );
    assert.deepEqual(good, {
      reading: { theme: 'dark', fontSize: 20 },
      sites: ['example.com', '*.news.example'],
      rules: [{ pattern: 'example.com', content: null, remove: ['.ad'] }],
    });
    const problems = (text) => {
      try {
        parseSettingsFile(text, checkSelector);
      } catch (e) {
        return e.problems;
      }
      assert.fail(`accepted ${text}`);
    };
    assert.match(problems('{')[0], /^the file is not JSON/);
    assert.match(problems('[]')[0], /not a Quiet Page settings file/);
    assert.match(problems('{"quietpage": 2}')[0], /format 2 is not one this version reads/);
    assert.deepEqual(
      problems(
        JSON.stringify({
          quietpage: 1,
          colour: 'red',
          reading: { theme: 'neon', fontSize: 99, zoom: 2 },
          sites: ['ok.example', 'bad:1'],
          rules: [{ pattern: 'a.example', remove: ['a+b'] }, { pattern: 'a.example', content: 'main' }, { pattern: 'a.example', remove: ['p'] }],
        }),
      ),
      [
        'colour: unknown section (a settings file has reading, sites and rules)',
        'reading.theme is "neon"; one of system, light, sepia, dark',
        'reading.fontSize is 99; a number from 14 to 32',
        'reading.zoom: unknown setting (theme, font, fontSize, lineWidth, lineHeight)',
        'sites[1] "bad:1": leave out the port: a site pattern covers every port of its host',
        'rules[0].remove[0] "a+b": combinator not supported',
        'rules[2].pattern: a.example has a rule already',
      ],
    );
  });
});
