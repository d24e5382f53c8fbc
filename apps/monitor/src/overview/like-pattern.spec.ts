import { containsPattern } from './like-pattern';

describe(containsPattern.name, () => {
  it.each([
    ['pay', '%pay%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['C:\\dir', '%C:\\\\dir%'],
  ])('matches %s literally', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
