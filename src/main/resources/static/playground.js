'use strict';
/*
 * The EDC playground: the reference web-IDE client of API.md, in plain browser JavaScript.
 *
 * One run: make a uuid, subscribe to its topics (status, output, tests, result), and only then
 * POST /execute-code with that uuid, so that nothing is pushed before anyone listens. Output comes
 * live on /topic/output/<uuid> into the terminal; an interactive run's input goes line by line to
 * POST /executions/<uuid>/stdin with the controlToken the 202 gave, and Stop is its cancel. The
 * final result comes once on the result topic, and holds the whole output: what the live chunks
 * missed (a reconnect, say) is written from it.
 */

const $ = (id) => document.getElementById(id);

let languages = [];   // the entries of GET /languages
let language = null;  // the language shown in the editor
const drafts = {};    // code typed per language, kept while switching
let current = null;   // the execution in flight: see start()

CodeMirror.modeURL = '/webjars/codemirror/mode/%N/%N.js';
const editor = CodeMirror.fromTextArea($('code'), {
  lineNumbers: true,
  indentUnit: 4,
  matchBrackets: true,
  autoCloseBrackets: true,
  extraKeys: { 'Ctrl-Enter': run, 'Cmd-Enter': run },
});

const terminal = new Terminal({
  convertEol: true,           // programs write \n
  cursorBlink: true,
  fontSize: 13,
  rows: 14,
  scrollback: 5000,
  screenReaderMode: true,     // output is read out as it comes
  theme: { background: '#1f2328', red: '#ff7b72' }, // the background is --terminal in playground.css
});
const fit = new FitAddon.FitAddon();
terminal.loadAddon(fit);
terminal.open($('terminal'));
$('terminal').xterm = terminal; // as CodeMirror does on its element: for scripts and tests
terminal.onData(typed);
terminal.attachCustomKeyEventHandler((event) => {
  if (event.key === 'Tab') return false; // moves the focus on, as everywhere on the page: no keyboard trap
  if (event.key === 'c' && event.ctrlKey && terminal.hasSelection()) return false; // copies, does not stop
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { // Run, as in the editor; never input
    if (event.type === 'keydown') run();
    return false;
  }
  return true;
});
let atLineStart = true; // where the terminal's cursor is after what was written

const stomp = new StompJs.Client({
  brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  reconnectDelay: 2000,
  onConnect: () => {
    showConnection('connected');
    if (current) subscribe(current); // after a reconnect: the server replays a result already stored
  },
  onWebSocketClose: () => showConnection('disconnected'),
});

$('run').addEventListener('click', run);
$('stop').addEventListener('click', stop);
$('run-tests').addEventListener('click', runTests);
$('add-case').addEventListener('click', () => addCase());
$('compare').addEventListener('change', () => { $('epsilon-label').hidden = $('compare').value !== 'float'; });
$('language').addEventListener('change', () => switchLanguage(selected().language));
for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => showTab(tab));
  tab.addEventListener('keydown', moveBetweenTabs);
}
window.addEventListener('resize', () => fit.fit());
window.addEventListener('pagehide', () => { if (current?.token) cancel(current, { keepalive: true }); });
fit.fit();
addCase();
loadLanguages();
stomp.activate();

async function loadLanguages() {
  try {
    const response = await fetch('/languages');
    if (!response.ok) throw new Error(`GET /languages answered ${response.status}`);
    languages = await response.json();
  } catch (error) {
    showMessage(`Could not load the languages: ${error.message}`);
    return;
  }
  const select = $('language');
  select.replaceChildren(...languages.map((entry) => new Option(`${entry.language} ${entry.version} — ${entry.runtime}`, key(entry))));
  select.value = key(languages.find((entry) => entry.default) ?? languages[0]); // the first language's default version
  select.disabled = false;
  switchLanguage(selected().language);
  updateButtons();
}

function key(entry) {
  return `${entry.language}:${entry.version}`;
}

function selected() {
  return languages.find((entry) => key(entry) === $('language').value);
}

/** Shows the draft (or the hello world) of another language; versions of one language share it. */
function switchLanguage(next) {
  if (next === language) return;
  if (language) drafts[language] = editor.getValue();
  language = next;
  const known = LANGUAGES[next];
  editor.setOption('mode', known?.mime ?? null);
  if (known?.mode) CodeMirror.autoLoadMode(editor, known.mode);
  editor.setValue(drafts[next] ?? known?.hello ?? '');
}

// ---- running

function run() {
  start({ stdin: $('stdin').value, interactive: $('interactive').checked });
}

function runTests() {
  const tests = [...$('cases').children].map((item) => ({
    name: item.querySelector('.case-name').value,
    stdin: item.querySelector('.case-stdin').value,
    expectedOutput: item.querySelector('.case-expected').value || undefined, // empty: any output passes
  }));
  if (tests.length === 0) return;
  const compare = $('compare').value;
  start({ tests, compare, epsilon: compare === 'float' ? Number($('epsilon').value) : undefined });
}

async function start(request) {
  if (current || !stomp.connected || !selected()) return;
  const execution = {
    uuid: newUuid(),
    status: 'SUBMITTING',
    subscriptions: [],
    token: null,
    tests: request.tests,
    inputOpen: Boolean(request.interactive), // the terminal's keys go to the program
    line: '',                                // typed, not yet sent
    input: Promise.resolve(),                // the inputs sent, in order
    nextSeq: 0,
    written: { stdout: '', stderr: '' },     // what came live
    gap: false,                              // a live chunk was missed
    nextCase: 0,
  };
  execution.accepted = new Promise((resolve) => { execution.accept = resolve; });
  current = execution;
  showPending(execution);
  subscribe(execution);
  updateButtons();

  const { language, version } = selected();
  let response;
  try {
    response = await fetch('/execute-code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uuid: execution.uuid, language, version, code: editor.getValue(), ...request }),
    });
  } catch (error) {
    return fail(execution, 'NETWORK ERROR', `The request did not reach EDC: ${error.message}`);
  }
  if (response.status !== 202) {
    return fail(execution, `HTTP ${response.status}`, await problem(response));
  }
  execution.token = (await response.json()).controlToken;
  execution.accept(execution.token);
  if (execution.status === 'SUBMITTING') showProgress(execution, { status: 'QUEUED' }); // unless a message came first
  if (execution.inputOpen && !execution.done) terminal.focus();
  updateButtons();
}

function subscribe(execution) {
  const json = (handler) => (message) => handler(execution, JSON.parse(message.body));
  const topics = { status: showProgress, output: showOutput, result: showResult };
  if (execution.tests) topics.tests = showVerdict;
  execution.subscriptions = Object.entries(topics)
    .map(([topic, handler]) => stomp.subscribe(`/topic/${topic}/${execution.uuid}`, json(handler)));
}

function finish(execution) {
  execution.done = true;
  execution.inputOpen = false;
  execution.accept(null);
  if (stomp.connected) execution.subscriptions.forEach((subscription) => subscription.unsubscribe());
  if (current === execution) current = null;
  updateButtons();
}

function fail(execution, status, detail) {
  finish(execution);
  showStatus(status, 'rejected');
  showMessage(detail);
}

async function stop() {
  const execution = current;
  if (!execution?.token || execution.stopping) return;
  execution.stopping = true;
  updateButtons();
  try {
    const response = await cancel(execution, {});
    if (response.status === 200) return showResult(execution, await response.json()); // it had not started
    if (response.status === 202 || response.status === 409) return; // the result follows, or came already
    showMessage(await problem(response));
  } catch (error) {
    showMessage(`The cancel did not reach EDC: ${error.message}`);
  }
  execution.stopping = false;
  updateButtons();
}

function cancel(execution, options) {
  return fetch(`/executions/${execution.uuid}/cancel`, {
    method: 'POST',
    headers: { 'X-Control-Token': execution.token },
    ...options,
  });
}

/** Keys typed into the terminal: a line at a time to the program, with local echo and backspace. */
function typed(data) {
  const execution = current;
  if (!execution) return;
  if (data.includes('\x03')) return stop(); // Ctrl+C
  if (!execution.inputOpen || data.startsWith('\x1b')) return; // not interactive; arrows and the like
  for (const char of data.replace(/\r\n?/g, '\n')) {
    if (char === '\n') {
      write('\n');
      send(execution, `${execution.line}\n`, false);
      execution.line = '';
    } else if (char === '\x7f' || char === '\b') {
      if (!execution.line) continue;
      execution.line = [...execution.line].slice(0, -1).join('');
      terminal.write('\b \b');
    } else if (char === '\x04') { // Ctrl+D: what is typed, then the end of the input
      if (!atLineStart) write('\n');
      send(execution, execution.line, true);
      execution.line = '';
      execution.inputOpen = false;
      return;
    } else if (char >= ' ') {
      execution.line += char;
      write(char);
    }
  }
}

function send(execution, text, eof) {
  execution.input = execution.input
    .then(async () => {
      const token = await execution.accepted;
      if (!token || execution.done) return;
      const response = await fetch(`/executions/${execution.uuid}/stdin${eof ? '?eof=true' : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Control-Token': token },
        body: text,
      });
      if (response.status !== 204 && response.status !== 409) showMessage(await problem(response)); // 409: it ended
    })
    .catch((error) => showMessage(`The input did not reach EDC: ${error.message}`));
}

async function problem(response) {
  const detail = await response.json().catch(() => ({}));
  return `${detail.title ?? response.statusText}: ${detail.detail ?? ''}`;
}

/** A random version 4 UUID; crypto.randomUUID() exists only on https and localhost. */
function newUuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- what the page shows

function showPending(execution) {
  $('uuid').textContent = execution.uuid;
  $('compile-output').textContent = '';
  for (const id of ['exit', 'time', 'memory']) $(id).textContent = '–';
  $('compile').hidden = true;
  terminal.reset();
  atLineStart = true;
  if (execution.tests) {
    for (const item of $('cases').children) showCaseVerdict(item, null);
    $('tests-summary').textContent = `${execution.tests.length} cases queued`;
  }
  showMessage('');
  showStatus('SUBMITTING', 'pending');
}

function showProgress(execution, record) {
  if (current !== execution) return; // late progress of a finished run
  execution.status = record.status;
  showStatus(record.status, 'pending');
}

function showOutput(execution, chunk) {
  if (execution.done) return;
  if (chunk.seq !== execution.nextSeq) execution.gap = true;
  execution.nextSeq = chunk.seq + 1;
  execution.written[chunk.stream] += chunk.data;
  if (execution.tests) announceCase(execution);
  write(chunk.data, chunk.stream);
}

/** In a run of test cases, the terminal says which case the output that follows is from. */
function announceCase(execution) {
  if (execution.announced === execution.nextCase) return;
  execution.announced = execution.nextCase;
  note(execution.tests[execution.nextCase]?.name || `case ${execution.nextCase + 1}`);
}

function showVerdict(execution, verdict) {
  if (current !== execution) return;
  announceCase(execution);
  note(`${verdict.status}${verdict.timeMs == null ? '' : `, ${verdict.timeMs} ms`}`);
  execution.nextCase = verdict.index + 1;
  const item = $('cases').children[verdict.index];
  if (item) showCaseVerdict(item, verdict);
  $('tests-summary').textContent = `${execution.nextCase} of ${execution.tests.length} cases ran`;
}

function showCaseVerdict(item, verdict) {
  const badge = item.querySelector('.verdict');
  badge.textContent = verdict?.status ?? '';
  badge.className = `verdict ${verdict?.status === 'PASSED' ? 'success' : 'failure'}`;
  badge.title = verdict?.timeMs == null ? '' : `${verdict.timeMs} ms, exit ${verdict.exitCode ?? '–'}`;
  const why = verdict?.difference ?? (verdict && verdict.status !== 'PASSED' ? verdict.stderr : '');
  item.querySelector('.difference').textContent = why ?? '';
  item.querySelector('.difference').hidden = !why;
}

function showResult(execution, result) {
  if (execution.done) return;
  execution.status = result.status;
  finish(execution);
  if (!execution.tests) writeWhatWasMissed(execution, result);
  showStatus(result.status, { SUCCESS: 'success', CANCELLED: 'cancelled' }[result.status] ?? 'failure');
  $('exit').textContent = result.signal ? `${result.exitCode ?? '–'} (${result.signal})` : (result.exitCode ?? '–');
  $('time').textContent = result.timeMs == null ? '–' : `${result.timeMs} ms`;
  $('memory').textContent = result.memoryKb == null ? '–' : `${(result.memoryKb / 1024).toFixed(1)} MB`;
  $('compile-output').textContent = result.compileOutput ?? '';
  $('compile').hidden = !result.compileOutput;
  showMessage(result.message ?? (result.outputTruncated ? 'The output passed its limit: what was kept is shown.' : ''));
  if (execution.tests) {
    for (const verdict of result.tests ?? []) {
      const item = $('cases').children[verdict.index];
      if (item) showCaseVerdict(item, verdict);
    }
    $('tests-summary').textContent = result.summary && result.status !== 'COMPILATION_ERROR'
      ? `${result.summary.passed} of ${result.summary.total} passed`
      : `${result.status}: no case ran`;
  }
}

/** The result holds the whole output: writes what did not come live (all of it after a gap). */
function writeWhatWasMissed(execution, result) {
  const rest = (stream) => {
    const whole = result[stream] ?? '';
    return whole.startsWith(execution.written[stream]) ? whole.slice(execution.written[stream].length) : null;
  };
  const stdout = rest('stdout');
  const stderr = rest('stderr');
  if (execution.gap || stdout === null || stderr === null) {
    terminal.reset();
    atLineStart = true;
    write(result.stdout ?? '', 'stdout');
    write(result.stderr ?? '', 'stderr');
  } else {
    write(stdout, 'stdout');
    write(stderr, 'stderr');
  }
}

function write(text, stream) {
  if (!text) return;
  terminal.write(stream === 'stderr' ? `\x1b[31m${text}\x1b[0m` : text);
  atLineStart = text.endsWith('\n');
}

/** A line of the playground's own in the terminal, dimmed apart from the program's output. */
function note(text) {
  write(`${atLineStart ? '' : '\n'}\x1b[2m-- ${text}\x1b[0m\n`);
}

function showStatus(text, kind) {
  $('status').textContent = text;
  $('status').className = `status ${kind}`;
}

function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

function showConnection(state) {
  $('connection').textContent = state;
  $('connection').className = `connection ${state}`;
  updateButtons();
}

function updateButtons() {
  const busy = Boolean(current) || !stomp.connected || languages.length === 0;
  $('run').disabled = busy;
  $('run-tests').disabled = busy || $('cases').children.length === 0;
  $('stop').disabled = !current?.token || current.stopping;
  $('panel-tests').querySelector('fieldset').disabled = Boolean(current?.tests);
}

// ---- the Tests panel and the tabs

function addCase() {
  const item = $('case-template').content.firstElementChild.cloneNode(true);
  item.querySelector('.case-name').value = `case ${$('cases').children.length + 1}`;
  item.querySelector('.remove').addEventListener('click', () => {
    item.remove();
    updateButtons();
  });
  $('cases').append(item);
  updateButtons();
  return item;
}

function showTab(chosen) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const selected = tab === chosen;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
  }
}

function moveBetweenTabs(event) {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  if (!step) return;
  const next = tabs[(tabs.indexOf(event.target) + step + tabs.length) % tabs.length];
  showTab(next);
  next.focus();
}
