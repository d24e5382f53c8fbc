/** Names by id, for things an API answer refers to by id; one that is gone is named by `missing`. */
export function namer(
  items: readonly { id: string; name: string }[],
  missing: string,
): (id: string) => string {
  const names = new Map(items.map((item) => [item.id, item.name]));
  return (id) => names.get(id) ?? missing;
}
