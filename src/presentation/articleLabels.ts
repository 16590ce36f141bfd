// Short names for articles in lenses, hovers, titles and reports. Pure: no vscode import.

/** The name without its extension: "002_ad8f66.txt" → "002_ad8f66". */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * One short label per article name: the part before the first "_" when those prefixes are unique in
 * the bundle (bundles of numbered files such as "002_ad8f66.txt" read "002"), else the name without
 * its extension, else the full name.
 */
export function shortLabels(names: readonly string[]): string[] {
  const stems = names.map(stem);
  const prefixes = stems.map((s) => {
    const cut = s.indexOf('_');
    return cut > 0 ? s.slice(0, cut) : s;
  });
  if (new Set(prefixes).size === names.length) return prefixes;
  if (new Set(stems).size === names.length) return stems;
  return [...names];
}

/** A passage's first words, on one line, cut at a word boundary. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** "31%" for 0.31. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
