import { decodeCursor, encodeCursor, type OverviewPosition } from './overview-cursor';

const position: OverviewPosition = {
  group: 'misconfigured_webhook',
  sortName: 'stripe "events"\nline two',
  id: '0b9e8a4c-3c1e-4f5a-9d7e-2a1b3c4d5e6f',
};
const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe(decodeCursor.name, () => {
  it('reads back what encodeCursor wrote, whatever the name holds', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(encodeCursor({ ...position, sortName: '' }))).toEqual({ ...position, sortName: '' });
  });

  it('fits a 100-character name of 3-byte characters into the 500 characters a query allows', () => {
    expect(encodeCursor({ ...position, sortName: '語'.repeat(100) }).length).toBeLessThanOrEqual(500);
  });

  it.each([
    ['empty', ''],
    ['not base64url', '!!!!'],
    ['base64url of something else', cursorOf('{"g":"healthy"}')],
    ['an unknown group', cursorOf(`nope\n${position.id}\nname`)],
    ['an id that is not a UUID', cursorOf('healthy\n42\nname')],
    ['no name line', cursorOf(`healthy\n${position.id}`)],
    ['padding or stray characters', `${encodeCursor(position)}=`],
  ])('rejects %s', (_, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
