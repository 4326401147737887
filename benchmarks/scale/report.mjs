// Turns the raw measurements of scripts/benchmark-scale into scale.json and Markdown tables with the targets of
// issue 7 marked met / not met. Usage: node report.mjs <raw.jsonl> <scale.json> <scale.md> '<meta json>'
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const [rawFile, jsonFile, mdFile, metaJson] = process.argv.slice(2);
if (!rawFile || !jsonFile || !mdFile) {
  console.error('usage: node benchmarks/scale/report.mjs <raw.jsonl> <scale.json> <scale.md> [meta json]');
  process.exit(2);
}
const meta = metaJson ? JSON.parse(metaJson) : {};
const STAGES = ['asciidoctor start', 'config', 'content', 'pdf', 'bake', 'search', 'publish'];
const PROBLEM_LINE = /^[^\s:][^:]*:\d+: /;

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const mib = (n) => (Number.isFinite(n) ? String(Math.round(n)) : '–');
const times = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const met = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');

/** What a run's log says: the project's stage times and problem lines, JBake's error count. */
function readLog(run) {
  const path = run.log;
  const text = path && existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines = text.split('\n');
  const built = lines.find((l) => l.startsWith('Built '));
  const stages = {};
  let inProcessMs = NaN;
  let pages = NaN;
  let documents = NaN;
  if (built) {
    const m = built.match(/^Built (\d+) pages from (\d+) documents into .* in (\d+) ms \((.*)\)\.$/);
    if (m) {
      pages = Number(m[1]);
      documents = Number(m[2]);
      inProcessMs = Number(m[3]);
      for (const part of m[4].split(', ')) {
        const s = part.match(/^(.*) (\d+) ms$/);
        if (s) stages[s[1]] = Number(s[2]);
      }
    }
  }
  const problemLines = lines.filter((l) => PROBLEM_LINE.test(l));
  const stopped = lines.find((l) => l.startsWith('Build stopped:'));
  // Past its limit the build counts the rest: "… and N more problem(s); F file(s) have problems in all."
  const counted = lines.map((l) => l.match(/and (\d+) more problem\(s\); (\d+) file\(s\) have problems in all/))
    .find(Boolean);
  return {
    filesWithProblems: counted ? Number(counted[2]) : new Set(problemLines.map((l) => l.split(':')[0])).size,
    pages,
    documents,
    inProcessMs,
    stages,
    problemLines: problemLines.length,
    problemFiles: [...new Set(problemLines.map((l) => l.split(':')[0]))],
    stoppedLine: stopped ?? null,
    outOfMemory: /OutOfMemoryError/.test(text),
  };
}

const runs = readFileSync(rawFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const r of runs) Object.assign(r, readLog(r));

const groups = new Map();
for (const r of runs) {
  const key = `${r.tool}|${r.label}|${r.kind}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
const rows = [...groups.entries()].map(([key, rs]) => {
  const [tool, label, kind] = key.split('|');
  const stages = {};
  for (const s of STAGES) stages[s] = median(rs.map((r) => r.stages[s]));
  return {
    tool,
    label,
    kind,
    runs: rs.length,
    exits: rs.map((r) => r.exit),
    wallS: median(rs.map((r) => r.wall_s)),
    peakMiB: median(rs.map((r) => r.peak_kb / 1024)),
    daemonPeakMiB: median(rs.map((r) => (r.daemon_peak_kb ?? NaN) / 1024)),
    inProcessMs: median(rs.map((r) => r.inProcessMs)),
    stages,
    pages: median(rs.map((r) => r.pages)),
    documents: median(rs.map((r) => r.documents)),
    problemLines: median(rs.map((r) => r.problemLines)),
    problemFiles: rs[0].problemFiles.length,
    filesWithProblems: median(rs.map((r) => r.filesWithProblems)),
    problemFilesInOrder: rs.every((r) => r.problemFiles.every((f, i, a) => i === 0 || a[i - 1] <= f)),
    outOfMemory: rs.some((r) => r.outOfMemory),
    loadAverages: rs.map((r) => r.load),
    editedFiles: rs.map((r) => (existsSync(r.log.replace(/\.log$/, '.file'))
      ? readFileSync(r.log.replace(/\.log$/, '.file'), 'utf8').trim() : null)).filter(Boolean),
  };
});
const find = (tool, label, kind = 'cold') => rows.find((r) => r.tool === tool && r.label === String(label) && r.kind === kind);

const sizes = String(meta.sizes ?? '').split(',').filter(Boolean).map(Number).sort((a, b) => a - b);
const small = sizes[0];
const large = sizes[sizes.length - 1];
const TOOLS = [
  ['project', 'Leitbild Publisher'],
  ['antora', 'Antora 3.1 (minimal UI)'],
  ['jbake', 'plain JBake 2.7.0'],
  ['jbake-one-type', 'plain JBake 2.7.0, all documents of one type'],
  ['asciidoctorjs', 'Asciidoctor.js (CLI)'],
];

const out = [];
out.push('## Build benchmark at scale');
out.push('');
out.push(`Started ${meta.started ?? '?'} on ${meta.cpus ?? '?'} CPUs; load average at start ${meta.load_start ?? '?'}, ` +
  `at the end ${meta.load_end ?? '?'}. Median of the runs per cell (${meta.runs ?? '?'} planned, one fresh process each; ` +
  `the column "runs" says how many are in), output and ` +
  `build cache deleted before every cold run. Corpus: seed ${meta.seed ?? '?'}, translations ` +
  `${meta.translations || 'none'} (the project builds them too; JBake, Antora and Asciidoctor.js get the German documents). ` +
  `Project JVM: \`${meta.project_java ?? 'java'}\`; JBake: \`java\` with the default heap. ` +
  `"All documents of one type": the same documents with one \`:jbake-type:\`, for which JBake's previous/next ` +
  `lookup (all documents of the type, per document) is quadratic in all documents.`);
out.push('');
out.push('### Whole process');
out.push('');
out.push('| tool | corpus | run | runs | wall s (median) | peak MiB (median) | exit codes | pages | documents |');
out.push('|---|---|---|---:|---:|---:|---|---:|---:|');
const KIND_NAMES = { cold: 'cold', edit: 'edit 1 doc, rebuild', 'edit-daemon': 'edit 1 doc, rebuild with `build --daemon` (warm, edits in a row)' };
const labelName = (l) => (l === 'default' ? 'default site' : l === 'broken' ? `${large} docs, ${meta.broken} broken`
  : l === 'german' ? `${large} docs, German-only site` : `${l} docs`);
for (const [tool, name] of TOOLS) {
  for (const r of rows.filter((x) => x.tool === tool)) {
    const kind = KIND_NAMES[r.kind] ?? r.kind;
    const peak = Number.isFinite(r.daemonPeakMiB) ? `${mib(r.peakMiB)} (daemon: ${mib(r.daemonPeakMiB)})` : mib(r.peakMiB);
    out.push(`| ${name} | ${labelName(r.label)} | ${kind} | ${r.runs} | ${sec(r.wallS)} | ${peak} | ${r.exits.join(' ')} | ` +
      `${Number.isFinite(r.pages) ? r.pages : '–'} | ${Number.isFinite(r.documents) ? r.documents : '–'} |`);
  }
}
out.push('');
out.push('### Project stages (median ms; "in process" is the time the build prints, without JVM start)');
out.push('');
out.push(`| corpus | run | ${STAGES.join(' | ')} | in process | whole process |`);
out.push(`|---|---|${STAGES.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows.filter((x) => x.tool === 'project' && x.label !== 'broken')) {
  out.push(`| ${labelName(r.label)} | ${KIND_NAMES[r.kind] ?? r.kind} | ${STAGES.map((s) => (Number.isFinite(r.stages[s]) ? r.stages[s] : '–')).join(' | ')} | ` +
    `${Number.isFinite(r.inProcessMs) ? r.inProcessMs : '–'} | ${Number.isFinite(r.wallS) ? Math.round(r.wallS * 1000) : '–'} |`);
}
out.push('');
out.push(large !== small ? `### Growth ${large} / ${small} and project / other tools` : `### Project / other tools (one size only: no growth)`);
out.push('');
out.push(`| tool | ${small} docs s | ${large} docs s | growth ${large}/${small} | project / this tool at ${small} | project / this tool at ${large} |`);
out.push('|---|---:|---:|---:|---:|---:|');
const growth = {};
for (const [tool, name] of TOOLS) {
  const a = find(tool, small);
  const b = find(tool, large);
  if (!a && !b) continue;
  growth[tool] = b && a && large !== small ? b.wallS / a.wallS : NaN;
  const p = (label) => find('project', label)?.wallS / find(tool, label)?.wallS;
  out.push(`| ${name} | ${sec(a?.wallS)} | ${sec(b?.wallS)} | ${times(growth[tool])} | ` +
    `${tool === 'project' ? '–' : times(p(small))} | ${tool === 'project' ? '–' : times(p(large))} |`);
}
out.push('');

const projectLarge = find('project', large);
const jbakeLarge = find('jbake', large);
const jbakeOneTypeLarge = find('jbake-one-type', large);
const antoraLarge = find('antora', large);
const edit = find('project', large, 'edit');
const editDaemon = find('project', large, 'edit-daemon');
const broken = find('project', 'broken');
const german = find('project', 'german');
const targets = [];
const target = (text, value, ok) => targets.push({ text, value, ok });
const fasterThan = (site, peer, name) => target(name,
  site && peer ? `${sec(site.wallS)} s / ${sec(peer.wallS)} s = ${times(site.wallS / peer.wallS)}` : '–',
  site && peer ? site.wallS < peer.wallS && site.exits.every((e) => e === 0) : undefined);
fasterThan(projectLarge, antoraLarge, `${large} German documents, HTML and search index, cold: faster than Antora 3.1 in the same run (the site in eight languages)`);
fasterThan(german, antoraLarge, `the same, the German-only site (one page per document, as Antora builds)`);
if (large === 2000 && small === 200) {
  target(`${large} German documents, HTML and search index, cold: faster than the 13.9 s the issue measured for Antora (the site in eight languages)`,
    `${sec(projectLarge?.wallS)} s`, projectLarge ? projectLarge.wallS < 13.9 : undefined);
  target(`the same, the ${large} German documents as a German-only site (one page per document, as the peers build)`,
    `${sec(german?.wallS)} s`, german ? german.wallS < 13.9 && german.exits.every((e) => e === 0) : undefined);
} else {
  target(`${large} documents cold: faster than Antora's 13.9 s (stated for 2000 documents)`,
    `${sec(projectLarge?.wallS)} s`, undefined);
}
const atMost = (site, peer, name) => target(name,
  site && peer ? `${times(site.wallS / peer.wallS)} (${sec(site.wallS)} s / ${sec(peer.wallS)} s)` : '–',
  site && peer ? site.wallS / peer.wallS <= 0.15 : undefined);
atMost(projectLarge, jbakeLarge, `at most 0.15 × plain JBake at ${large} in the same run (the documents' types as generated; the site in eight languages)`);
atMost(german, jbakeLarge, `the same for the German-only site`);
atMost(projectLarge, jbakeOneTypeLarge, `at most 0.15 × plain JBake with all documents of one type (the site in eight languages)`);
atMost(german, jbakeOneTypeLarge, `the same for the German-only site`);
target(`growth ${small} → ${large} at most 10.5×`, times(growth.project),
  Number.isFinite(growth.project) ? growth.project <= 10.5 : undefined);
target(`peak memory at ${large} under 1 GiB`, `${mib(projectLarge?.peakMiB)} MiB`,
  projectLarge ? projectLarge.peakMiB < 1024 : undefined);
target(`one-document rebuild at ${large} from the command line under 3 s (JVM start included), in a fresh JVM`,
  `${sec(edit?.wallS)} s`, edit ? edit.wallS < 3 && edit.exits.every((e) => e === 0) : undefined);
target(`the same with \`build --daemon\` (the command line's JVM start included; the daemon warm from three builds, then the edits one after another)`,
  `${sec(editDaemon?.wallS)} s`, editDaemon ? editDaemon.wallS < 3 && editDaemon.exits.every((e) => e === 0) : undefined);
target(`broken corpus (${meta.broken} of ${large}): exits 1, problems in path order, no out-of-memory, not slower than a good build`,
  broken ? `exit ${broken.exits.join(' ')}, ${broken.problemLines} problem lines in ${broken.problemFiles} files` +
    `${broken.problemFilesInOrder ? ', in order' : ', NOT in order'}, ${sec(broken.wallS)} s, ${mib(broken.peakMiB)} MiB` : '–',
  broken && projectLarge ? broken.exits.every((e) => e === 1) && broken.problemFilesInOrder && !broken.outOfMemory &&
    broken.wallS <= projectLarge.wallS : undefined);
target(`broken corpus: every broken document reported (${meta.broken} files, or up to a limit and then a count)`,
  broken ? `${broken.problemFiles} files named, ${broken.filesWithProblems} of ${meta.broken} counted` : '–',
  broken ? broken.filesWithProblems >= meta.broken : undefined);

out.push('### Targets of issue 7');
out.push('');
out.push('| target | measured | |');
out.push('|---|---|---|');
for (const t of targets) out.push(`| ${t.text} | ${t.value} | ${met(t.ok)} |`);
out.push('');
const edited = [...(edit?.editedFiles ?? []), ...(editDaemon?.editedFiles ?? [])];
if (edited.length) {
  out.push(`Edited for the rebuild rows: ${edited.map((f) => `\`${f}\``).join(', ')}.`);
  out.push('');
}

const md = out.join('\n');
writeFileSync(mdFile, md + '\n');
writeFileSync(jsonFile, JSON.stringify({ meta, rows, targets, runs }, null, 2) + '\n');
console.log(md);
