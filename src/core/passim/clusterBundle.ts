// A passim cluster written as a bundle: one `<<<FILE …>>>` article per passage, whose header
// carries passim's facts (cluster, series, date, src, begin, end) so the ordinary analysis,
// lenses, hovers and comparisons explain the cluster, and the direction module can read `src`.
import { parseEndMarker, parseHeader } from '../bundle/headerLine';
import type { ClusterArticle, PassimCluster } from './clusters';
import { counted } from '../util/counted';

/**
 * A header value the header parser reads back unchanged where it can: double quotes, else single
 * quotes; line breaks become spaces and ">>>" (which would end the header) is broken up.
 */
export function headerValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ').replace(/>>>/g, '>> >');
  if (!flat.includes('"')) return `"${flat}"`;
  if (!flat.includes("'")) return `'${flat}'`;
  return `"${flat.replace(/"/g, '″')}"`;
}

/** A header line from attributes in order (keys must be header keys: letters, digits, _ . : -). */
export function headerLine(attributes: readonly (readonly [string, string])[]): string {
  return `<<<FILE ${attributes.map(([k, v]) => `${k}=${headerValue(v)}`).join(' ')}>>>`;
}

/**
 * The article's text with any line that would read as a header or an end marker (a passage that
 * itself quotes a bundle) prefixed by a word joiner, so the bundle keeps one article per passage.
 */
function safeText(text: string): string {
  if (!text.includes('<<<')) return text;
  return text.replace(/^<<<[^\r\n]*/gm, (line) => (parseHeader(line) !== null || parseEndMarker(line) !== undefined ? `\u2060${line}` : line));
}

const KEY = /^[A-Za-z_][\w.:-]*$/;
/** Header keys this writer sets itself; a passed-through field of the same name is left out. */
const OWN_KEYS = new Set(['name', 'cluster', 'series', 'date', 'src', 'begin', 'end', 'size', 'pboiler']);

/** `rename` gives each article's name in this bundle (unique across the clusters it holds). */
function articleHeader(cluster: PassimCluster, a: ClusterArticle, rename: (name: string) => string): string {
  const p = a.passage;
  const attrs: [string, string][] = [['name', rename(a.name)], ['cluster', cluster.id]];
  if (p.series !== null) attrs.push(['series', p.series]);
  if (p.date !== null) attrs.push(['date', p.date]);
  if (a.src !== null) attrs.push(['src', rename(a.src)]);
  attrs.push(['begin', String(p.begin)], ['end', String(p.end)]);
  for (const [key, value] of p.extra) {
    if (!OWN_KEYS.has(key) && KEY.test(key) && value.length <= 300) attrs.push([key, value]);
  }
  return headerLine(attrs);
}

/** The articles of one cluster as bundle text (passages with no text are left out: nothing to read). */
export function clusterBundleText(cluster: PassimCluster): string {
  return clustersBundleText([cluster]);
}

/**
 * Several clusters in one bundle, each article's header naming its cluster. A document in two
 * clusters gets the cluster in its name ("a.txt (cluster 42)") so names stay unique and `src` exact.
 */
export function clustersBundleText(clusters: readonly PassimCluster[]): string {
  const seen = new Map<string, number>();
  for (const c of clusters) for (const a of c.articles) seen.set(a.name, (seen.get(a.name) ?? 0) + 1);
  const parts: string[] = [];
  for (const cluster of clusters) {
    const rename = (name: string): string => ((seen.get(name) ?? 0) > 1 ? `${name} (cluster ${cluster.id})` : name);
    for (const a of cluster.articles) {
      if (a.passage.text.trim() === '') continue;
      parts.push(`${articleHeader(cluster, a, rename)}\n${safeText(a.passage.text)}\n`);
    }
  }
  return parts.join('');
}

/** "cluster 42 · 3 documents · Harbor Times, Meridian Wire · The storm surge breached…" */
export function clusterSummary(cluster: PassimCluster, words = 12): { label: string; description: string; detail: string } {
  const series = [...new Set(cluster.articles.map((a) => a.passage.series ?? a.passage.id))];
  const first = cluster.articles[0]?.passage.text.replace(/\s+/g, ' ').trim().split(' ').slice(0, words).join(' ') ?? '';
  return {
    label: `${counted(cluster.size, 'document')}: ${series.join(', ')}`,
    description: `cluster ${cluster.id}`,
    detail: first,
  };
}
