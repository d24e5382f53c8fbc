import { ancestors, type Folder, firstUnsearchable, type Identity } from './folder-access';

const postgres: Identity = { uid: 101, gid: 104 };
const folder = (mode: number, uid = 0, gid = 0, path = '/x'): Folder => ({ path, mode, uid, gid });

describe(ancestors.name, () => {
  it.each([
    ['/', ['/']],
    ['/root', ['/', '/root']],
    ['/root/app/.data', ['/', '/root', '/root/app', '/root/app/.data']],
  ])('%s → %j', (path, expected) => {
    expect(ancestors(path)).toEqual(expected);
  });
});

describe(firstUnsearchable.name, () => {
  it.each<[string, Folder, Identity | null, boolean]>([
    ['others may search (0711, root-owned)', folder(0o40711), postgres, true],
    ['others may not (0700, root-owned)', folder(0o40700), postgres, false],
    ['others may read but not search (0744)', folder(0o40744), postgres, false],
    ['owner bits for the owner (0700, owned by postgres)', folder(0o40700, 101, 0), postgres, true],
    [
      "the owner's bits only, even if others may (0077, owned by postgres)",
      folder(0o40077, 101, 104),
      postgres,
      false,
    ],
    ['group bits for the group (0750, group postgres)', folder(0o40750, 0, 104), postgres, true],
    [
      "the group's bits only, even if others may (0701, group postgres)",
      folder(0o40701, 0, 104),
      postgres,
      false,
    ],
    ['a user yet to be created: others (0711)', folder(0o40711), null, true],
    ['a user yet to be created: others (0750)', folder(0o40750), null, false],
  ])('%s', (_case, entry, who, searchable) => {
    expect(firstUnsearchable([entry], who)).toEqual(searchable ? undefined : entry);
  });

  it('names the outermost folder that blocks the way', () => {
    const way = [
      folder(0o40755, 0, 0, '/'),
      folder(0o40700, 0, 0, '/root'),
      folder(0o40700, 0, 0, '/root/app'),
      folder(0o40711, 0, 0, '/root/app/.data'),
    ];
    expect(firstUnsearchable(way, postgres)?.path).toBe('/root');
  });
});
