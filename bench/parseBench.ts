import { parseBundle } from '../src/core/bundle/parseBundle';

/** A deterministic bundle of about `bytes` characters in every header variant. */
export function makeLargeBundle(bytes: number): string {
  const paragraph = 'NATO leaders met in Brussels on Wednesday. "We will stand by Ukraine," the secretary-general said, adding that talks would follow. '.repeat(6);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let chunk: string;
    switch (i % 4) {
      case 0: chunk = `<<<FILE ${String(i).padStart(6, '0')}_report.txt>>>\n${paragraph}\n${paragraph}\n`; break;
      case 1: chunk = `<<<FILE name="Outlet ${i}.txt" source="Outlet ${i}" date="2024-12-18" url="https://example.org/${i}">>>\r\n${paragraph}\r\n`; break;
      case 2: chunk = `<<<FILE name="x${i}" BEGIN>>>\n${paragraph}\n<<<FILE END>>>\n`; break;
      default: chunk = `<<<FILE b${i} path=notes/${i}.txt>>>\n<<<FILE quoted-inside.txt>>>\n${paragraph}\n<<<END FILE b${i}>>>\n`;
    }
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

/** Prints the parse time of a 50 MB bundle (median of 5 runs after a warm-up). */
export async function runParseBench(): Promise<void> {
  const text = makeLargeBundle(50 * 1024 * 1024);
  const mb = text.length / (1024 * 1024);
  parseBundle(text);
  const times: number[] = [];
  let articles = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    articles = parseBundle(text).articles.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[2];
  console.log(`parse: ${mb.toFixed(1)} MB, ${articles} articles: median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}), ${(mb / (median / 1000)).toFixed(0)} MB/s`);
}
