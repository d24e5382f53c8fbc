import { escapeMrkdwn, fitText, mrkdwnLink, slackDate } from './mrkdwn';

describe(escapeMrkdwn.name, () => {
  it.each([
    ['<!channel> & <@U123>', '&lt;!channel&gt; &amp; &lt;@U123&gt;'],
    ['a &amp; b', 'a &amp;amp; b'],
    ['*bold* _it_ `code`', '*bold* _it_ `code`'],
  ])('%s', (text, expected) => {
    expect(escapeMrkdwn(text)).toBe(expected);
  });
});

describe(mrkdwnLink.name, () => {
  it('escapes the address and the label, and keeps | from ending the address', () => {
    expect(mrkdwnLink('https://m.example/a?x=1&y=2|3', 'Open <here>')).toBe(
      '<https://m.example/a?x=1&amp;y=2%7C3|Open &lt;here&gt;>',
    );
  });
});

describe(fitText.name, () => {
  it.each<[string, string, number, string]>([
    ['short text as is', 'abc', 3, 'abc'],
    ['cut with an ellipsis', 'abcdef', 4, 'abc…'],
    ['never through an entity', 'ab &amp; c', 6, 'ab …'],
    ['an entity kept whole', 'a&lt;bcdef', 6, 'a&lt;…'],
    ['never through an emoji', 'ab🔑cd', 4, 'ab…'],
  ])('%s', (_, text, max, expected) => {
    const fitted = fitText(text, max);
    expect(fitted).toBe(expected);
    expect(fitted.length).toBeLessThanOrEqual(max);
  });
});

describe(slackDate.name, () => {
  it("is Slack's date token, UTC for clients that do not know it", () => {
    expect(slackDate(new Date('2026-11-27T14:32:45.500Z'))).toBe(
      '<!date^1795789965^{date_short_pretty} {time}|2026-11-27 14:32 UTC>',
    );
  });
});
