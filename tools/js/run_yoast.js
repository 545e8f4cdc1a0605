#!/usr/bin/env node
// Reference harness for benchmarks/yoast/compare.py: runs yoastseo 3.6.0's readability
// (ContentAssessor) and SEO (SeoAssessor) analyses on papers read as JSON from stdin.
//
// Input:  [{"text": "<p>HTML</p>", "keyword", "title", "description", "url", "slug", "locale",
//           "titleWidth"}]   (all but text optional; locale like "id_ID" or "en_US")
// Output: {"yoastseo": "3.6.0", "repeat": n, "median_ms_per_analysis": m,
//          "papers": [{"readability": [{"id", "score", "rating", "text"}], "seo": [...],
//                      "median_ms": t}]}
// Options: --repeat N (timed runs per paper, default 7), --warmup N (default 2), --no-timing.
"use strict";

const path = require("path");
const { performance } = require("perf_hooks");
const yoast = require("yoastseo");

const { Paper, ContentAssessor, SeoAssessor } = yoast;
const scoreToRating = yoast.interpreters.scoreToRating;
const RESEARCHERS = {
  id: "yoastseo/build/languageProcessing/languages/id/Researcher",
  en: "yoastseo/build/languageProcessing/languages/en/Researcher",
};

function parseArgs(argv) {
  const options = { repeat: 7, warmup: 2, timing: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--repeat") options.repeat = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (argv[i] === "--warmup") options.warmup = Math.max(0, parseInt(argv[++i], 10) || 0);
    else if (argv[i] === "--no-timing") options.timing = false;
  }
  return options;
}

function researcherClass(locale) {
  const language = String(locale || "id_ID").slice(0, 2).toLowerCase();
  const modulePath = RESEARCHERS[language];
  if (!modulePath) {
    throw new Error(`Bahasa "${language}" belum didukung oleh harness ini (pilih id atau en).`);
  }
  return require(modulePath).default;
}

function slugFrom(url) {
  if (!url) return "";
  const parts = String(url).replace(/[?#].*$/, "").split("/").filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1] : "";
}

function makePaper(input) {
  const locale = input.locale || "id_ID";
  return new Paper(String(input.text || ""), {
    keyword: input.keyword || "",
    title: input.title || "",
    description: input.description || "",
    slug: input.slug || slugFrom(input.url),
    permalink: input.url || "",
    titleWidth: Number(input.titleWidth) || 0,
    locale: locale,
  });
}

function collect(assessor) {
  return assessor.getValidResults().map((result) => {
    const score = result.getScore();
    return {
      id: result.getIdentifier(),
      score: score,
      rating: scoreToRating(score),
      text: result.getText(),
    };
  });
}

function analyse(input) {
  const Researcher = researcherClass(input.locale);
  const paper = makePaper(input);
  const readability = new ContentAssessor(new Researcher(paper));
  readability.assess(paper);
  const seo = new SeoAssessor(new Researcher(paper));
  seo.assess(paper);
  return { readability: collect(readability), seo: collect(seo) };
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeAnalysis(input, options) {
  for (let i = 0; i < options.warmup; i++) analyse(input);
  const times = [];
  for (let i = 0; i < options.repeat; i++) {
    const start = performance.now();
    analyse(input);
    times.push(performance.now() - start);
  }
  return median(times);
}

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let papers;
  try {
    papers = JSON.parse(await readStdin());
  } catch (err) {
    process.stderr.write(`Masukan harus berupa larik JSON berisi naskah: ${err.message}\n`);
    process.exit(2);
  }
  if (!Array.isArray(papers)) {
    process.stderr.write("Masukan harus berupa larik JSON berisi naskah.\n");
    process.exit(2);
  }
  const output = { yoastseo: require("yoastseo/package.json").version, repeat: options.repeat, papers: [] };
  const medians = [];
  for (const input of papers) {
    try {
      const result = analyse(input);
      if (options.timing) {
        result.median_ms = timeAnalysis(input, options);
        medians.push(result.median_ms);
      }
      output.papers.push(result);
    } catch (err) {
      output.papers.push({ error: String(err && err.message ? err.message : err) });
    }
  }
  output.median_ms_per_analysis = median(medians);
  process.stdout.write(JSON.stringify(output) + "\n");
}

main();
