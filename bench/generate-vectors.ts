// Writes spec/vectors/*.json from src/crypto/known-answers.ts: run after a deliberate change of the spec.
import { writeFileSync } from 'node:fs';
import { knownAnswers } from '../src/crypto/known-answers.js';

for (const [name, value] of Object.entries(knownAnswers())) {
  const file = new URL(`../spec/vectors/${name}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
