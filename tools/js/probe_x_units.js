#!/usr/bin/env node
// Probe for tools/make_x_emoji_units.py: which strings does twitter-text (parseTweet, v3 config) weigh as ONE
// emoji unit (weighted length 2)? Reads {"heads": [...], "joiner": "...", "tails": [...]} as JSON on stdin and
// prints the [i, j] index pairs for which heads[i] + joiner + tails[j] weighs exactly 2 (one unit: any two
// separate characters weigh at least 3 when the second is not light). Used only to write the engine's data file.
"use strict";

const twitterText = require("twitter-text");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const heads = input.heads;
  const tails = input.tails;
  const joiner = input.joiner || "";
  const hits = [];
  for (let i = 0; i < heads.length; i++) {
    for (let j = 0; j < tails.length; j++) {
      if (twitterText.parseTweet(heads[i] + joiner + tails[j]).weightedLength === 2) {
        hits.push([i, j]);
      }
    }
  }
  process.stdout.write(JSON.stringify(hits) + "\n");
});
