'use strict';
/*
 * The EDC playground: the reference web-IDE client of API.md, in plain browser JavaScript.
 *
 * One run: make a uuid, subscribe to /topic/status/<uuid> and /topic/result/<uuid>, and only then
 * POST /execute-code with that uuid, so the result cannot arrive before anyone listens. Progress
 * (RUNNING) comes on the status topic, the final result exactly once on the result topic.
 */

const TEMPLATES = {
  java: `public class HelloWorld {
    public static void main(String[] args) {
        System.out.println("Hello, World!");
    }
}
`,
  javascript: `console.log('Hello, World!');
`,
};
const MODES = { java: 'text/x-java', javascript: 'javascript' }; // CodeMirror modes by language

const $ = (id) => document.getElementById(id);

let languages = [];   // the entries of GET /languages
let language = null;  // the language shown in the editor
const drafts = {};    // code typed per language, kept while switching
let current = null;   // the execution in flight: { uuid, status, subscriptions }

const editor = CodeMirror.fromTextArea($('code'), {
  lineNumbers: true,
  indentUnit: 4,
  matchBrackets: true,
  autoCloseBrackets: true,
  extraKeys: { 'Ctrl-Enter': run, 'Cmd-Enter': run },
});

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
$('language').addEventListener('change', () => switchLanguage(selected().language));
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
  updateRunButton();
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
  editor.setOption('mode', MODES[next] ?? null);
  editor.setValue(drafts[next] ?? TEMPLATES[next] ?? '');
}

async function run() {
  if (current || !stomp.connected || !selected()) return;
  const execution = { uuid: newUuid(), status: 'SUBMITTING', subscriptions: [] };
  current = execution;
  updateRunButton();
  showPending(execution);
  subscribe(execution);

  const { language, version } = selected();
  let response;
  try {
    response = await fetch('/execute-code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uuid: execution.uuid, language, version, code: editor.getValue(), stdin: $('stdin').value }),
    });
  } catch (error) {
    return fail(execution, 'NETWORK ERROR', `The request did not reach EDC: ${error.message}`);
  }
  if (response.status !== 202) {
    const problem = await response.json().catch(() => ({}));
    return fail(execution, `HTTP ${response.status}`, `${problem.title ?? response.statusText}: ${problem.detail ?? ''}`);
  }
  if (execution.status === 'SUBMITTING') showProgress(execution, { status: 'QUEUED' }); // unless a message came first
}

function subscribe(execution) {
  const json = (handler) => (message) => handler(execution, JSON.parse(message.body));
  execution.subscriptions = [
    stomp.subscribe(`/topic/status/${execution.uuid}`, json(showProgress)),
    stomp.subscribe(`/topic/result/${execution.uuid}`, json(showResult)),
  ];
}

function finish(execution) {
  if (stomp.connected) execution.subscriptions.forEach((subscription) => subscription.unsubscribe());
  if (current === execution) current = null;
  updateRunButton();
}

function fail(execution, status, detail) {
  finish(execution);
  showStatus(status, 'rejected');
  showMessage(detail);
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
  for (const id of ['stdout', 'stderr', 'compile-output']) $(id).textContent = '';
  for (const id of ['exit', 'time', 'memory']) $(id).textContent = '–';
  $('compile').hidden = true;
  showMessage('');
  showStatus('SUBMITTING', 'pending');
}

function showProgress(execution, record) {
  if (current !== execution) return; // late progress of a finished run
  execution.status = record.status;
  showStatus(record.status, 'pending');
}

function showResult(execution, result) {
  execution.status = result.status;
  finish(execution);
  showStatus(result.status, result.status === 'SUCCESS' ? 'success' : 'failure');
  $('exit').textContent = result.signal ? `${result.exitCode ?? '–'} (${result.signal})` : (result.exitCode ?? '–');
  $('time').textContent = result.timeMs == null ? '–' : `${result.timeMs} ms`;
  $('memory').textContent = result.memoryKb == null ? '–' : `${(result.memoryKb / 1024).toFixed(1)} MB`;
  $('stdout').textContent = result.stdout ?? '';
  $('stderr').textContent = result.stderr ?? '';
  $('compile-output').textContent = result.compileOutput ?? '';
  $('compile').hidden = !result.compileOutput;
  showMessage(result.message ?? (result.outputTruncated ? 'The output passed its limit: what was kept is shown.' : ''));
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
  updateRunButton();
}

function updateRunButton() {
  $('run').disabled = Boolean(current) || !stomp.connected || languages.length === 0;
}
