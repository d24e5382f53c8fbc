import { realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** A user as a process spawned with `{ uid, gid }` runs: Node drops supplementary groups. */
export interface Identity {
  uid: number;
  gid: number;
}

export interface Folder {
  path: string;
  mode: number;
  uid: number;
  gid: number;
}

/** `/a/b` → `['/', '/a', '/a/b']`: every folder one must search to reach the path, outermost first. */
export function ancestors(absolutePath: string): string[] {
  const parent = dirname(absolutePath);
  return parent === absolutePath ? [absolutePath] : [...ancestors(parent), absolutePath];
}

/**
 * The first folder `who` may not search, judged as the kernel does by mode bits: the owner's bits for the
 * owner, else the group's for the group, else the others'. `who: null` is a user yet to be created, who
 * owns nothing and is in no folder's group.
 */
export function firstUnsearchable(folders: Folder[], who: Identity | null): Folder | undefined {
  return folders.find((folder) => (folder.mode & searchBit(folder, who)) === 0);
}

function searchBit(folder: Folder, who: Identity | null): number {
  if (who?.uid === folder.uid) return 0o100;
  if (who?.gid === folder.gid) return 0o010;
  return 0o001;
}

/** The first folder on the way to `path` (an existing folder, and its real path if a link leads there) that `who` cannot enter. */
export async function findUnsearchableFolder(
  path: string,
  who: Identity | null,
): Promise<Folder | undefined> {
  const lexical = resolve(path);
  const paths = new Set([...ancestors(lexical), ...ancestors(await realpath(lexical))]);
  const folders = await Promise.all(
    [...paths].map(async (folder) => {
      const { mode, uid, gid } = await stat(folder);
      return { path: folder, mode, uid, gid };
    }),
  );
  return firstUnsearchable(folders, who);
}
