// Runs each case through the real piston-client package against a Piston server (EDC) and prints,
// as one JSON object, the runtimes the client read and what it answered for each case:
//   node run-cases.mjs <server, e.g. http://localhost:8080> <cases.json>
// A case is {name, language, code, version?, stdin?, args?, runTimeout?}; the assertions are
// PistonClientIT's.
import { readFile } from 'node:fs/promises';
import piston from 'piston-client';

const [server, casesFile] = process.argv.slice(2);
if (!server || !casesFile) {
  console.error('usage: node run-cases.mjs <server> <cases.json>');
  process.exit(2);
}

const client = piston({ server });
const cases = JSON.parse(await readFile(casesFile, 'utf8'));
const runtimes = await client.runtimes();
const results = [];
for (const c of cases) {
  const config = {};
  for (const option of ['version', 'stdin', 'args', 'runTimeout']) {
    if (c[option] !== undefined) config[option] = c[option];
  }
  results.push({ name: c.name, answer: await client.execute(c.language, c.code, config) });
}
console.log(JSON.stringify({ runtimes, results }));
