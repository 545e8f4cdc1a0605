#!/usr/bin/env node
// Reference harness: reads a JSON array of strings on stdin and prints a JSON array of
// {weightedLength, valid} computed by the official twitter-text package (parseTweet, v3 config).
// Used only by tests/test_x_length.py to check autograders/x_length.py against the reference.
"use strict";

const twitterText = require("twitter-text");

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function measure(text) {
  if (typeof text !== "string") {
    return { error: "bukan string" };
  }
  const result = twitterText.parseTweet(text);
  return { weightedLength: result.weightedLength, valid: result.valid };
}

async function main() {
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch (err) {
    process.stderr.write("Masukan harus berupa larik JSON berisi teks: " + err.message + "\n");
    process.exit(2);
  }
  if (!Array.isArray(input)) {
    process.stderr.write("Masukan harus berupa larik JSON berisi teks.\n");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(input.map(measure)) + "\n");
}

main();
