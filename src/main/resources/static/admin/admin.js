'use strict';
/*
 * The EDC admin page: workers, queue, throughput and recent executions (failures first).
 *
 * It loads GET /admin/overview and GET /executions over HTTP, then follows the STOMP topic
 * /topic/admin: an overview every 2 s, and every execution as it ends. With EDC_ADMIN_KEYS set,
 * it asks for an admin key (kept for this tab only) and sends it in X-API-Key with each request
 * and in the STOMP CONNECT. Where the topic is refused (API keys on, no admin keys: no session
 * is an admin's), it polls the HTTP endpoints instead.
 */

const SHOWN = 200;        // executions listed
const POLL_MS = 5000;     // when the topic is refused
const KEY = 'edc-admin-key';
const PENDING = new Set(['QUEUED', 'RUNNING']);

const $ = (id) => document.getElementById(id);

let key = sessionStorage.getItem(KEY);
let stomp = null;
let poller = null;
const executions = new Map(); // "<owner>/<uuid>" → summary

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  key = $('key').value.trim();
  sessionStorage.setItem(KEY, key);
  start();
});
start();

async function start() {
  stopLive();
  if (!(await refresh())) return;
  $('key-form').hidden = true;
  $('dashboard').hidden = false;
  follow();
}

/** Loads everything over HTTP; false (and the key form shown) when a key is needed. */
async function refresh() {
  try {
    const [overview, recent] = await Promise.all([get('/admin/overview'), get(`/executions?limit=${SHOWN}`)]);
    executions.clear();
    recent.forEach(remember);
    showOverview(overview);
    showExecutions();
    showMessage('');
    return true;
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      stopLive();
      $('dashboard').hidden = true;
      $('key-form').hidden = false;
      $('key-message').textContent = key ? error.message : '';
      $('key').focus();
    } else {
      showMessage(`Could not load: ${error.message}`);
    }
    return false;
  }
}

async function get(path) {
  const response = await fetch(path, { headers: key ? { 'X-API-Key': key } : {} });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail ?? `${path} answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function follow() {
  stomp = new StompJs.Client({
    brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
    connectHeaders: key ? { 'X-API-Key': key } : {},
    reconnectDelay: 2000,
    onConnect: () => {
      showConnection('live');
      stomp.subscribe('/topic/admin', (message) => onMessage(JSON.parse(message.body)));
      refresh(); // what ended while this page was not connected
    },
    onStompError: (frame) => {
      // the topic (or the connection) refused: not an admin session here; poll instead
      stomp.deactivate();
      stomp = null;
      showConnection('polling', frame.headers.message);
      poller = setInterval(refresh, POLL_MS);
    },
    onWebSocketClose: () => { if (stomp) showConnection('disconnected'); },
  });
  stomp.activate();
}

function stopLive() {
  if (stomp) stomp.deactivate();
  stomp = null;
  clearInterval(poller);
  poller = null;
}

function onMessage(message) {
  if (message.type === 'overview') showOverview(message.overview);
  if (message.type === 'execution') {
    remember(message.execution);
    showExecutions();
  }
}

function remember(execution) {
  executions.set(`${execution.owner ?? ''}/${execution.uuid}`, execution);
}

// ---- what the page shows

function showOverview(overview) {
  const workers = overview.workers;
  $('worker-count').textContent = workers.length;
  $('busy').textContent = `${sum(workers, (w) => w.busy)} / ${sum(workers, (w) => w.concurrency)}`;
  $('workers').replaceChildren(...workers.map((worker) => row({ 'data-id': worker.id }, [
    worker.id,
    worker.host,
    worker.languages.map((l) => `${l.language} ${l.version}${
      (worker.rebuilding ?? []).some((r) => r.language === l.language && r.version === l.version)
        ? ' (rebuilding)' : ''}`).join(', '),
    `${worker.busy} / ${worker.concurrency}`,
    worker.pool,
    time(worker.startedAt),
    `${Math.max(0, Math.round((Date.parse(overview.at) - Date.parse(worker.lastSeenAt)) / 1000))} s ago`,
  ])));
  const queue = overview.queue;
  $('queue-depth').textContent = queue ? queue.depth : '?';
  $('queue-consumers').textContent = queue ? queue.consumers : '?';
  $('queue-dead-letters').textContent = queue ? queue.deadLetters : '?';
  $('queue-error').textContent = overview.queueError ?? '';
  $('queue-error').hidden = !overview.queueError;
  const minutes = overview.finished.map((m) => ({ total: sum(Object.values(m.counts), (n) => n), ok: m.counts.SUCCESS ?? 0 }));
  const last5 = minutes.slice(-5);
  $('finished-5m').textContent = sum(last5, (m) => m.total);
  $('failed-5m').textContent = sum(last5, (m) => m.total - m.ok);
  showThroughput(minutes);
}

function showThroughput(minutes) {
  const svg = $('throughput');
  const width = 600;
  const height = 100;
  const most = Math.max(1, ...minutes.map((m) => m.total));
  const step = width / Math.max(1, minutes.length);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const bars = [];
  minutes.forEach((m, i) => {
    const ok = (m.ok / most) * height;
    const failed = ((m.total - m.ok) / most) * height;
    bars.push(bar(i * step, height - ok, step * 0.8, ok, 'ok', `${m.ok} succeeded`));
    bars.push(bar(i * step, height - ok - failed, step * 0.8, failed, 'failed', `${m.total - m.ok} failed`));
  });
  svg.replaceChildren(...bars);
}

function bar(x, y, width, height, kind, title) {
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  Object.entries({ x, y, width, height, class: kind }).forEach(([name, value]) => rect.setAttribute(name, value));
  const tooltip = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  tooltip.textContent = title;
  rect.append(tooltip);
  return rect;
}

/** Failures first, then the rest; each newest first. */
function showExecutions() {
  const all = [...executions.values()];
  const newest = (a, b) => Date.parse(b.queuedAt) - Date.parse(a.queuedAt);
  const shown = [...all.filter(isFailure).sort(newest), ...all.filter((e) => !isFailure(e)).sort(newest)].slice(0, SHOWN);
  $('executions').closest('table').classList.toggle('no-owners', !all.some((e) => e.owner));
  $('executions').replaceChildren(...shown.map((e) => {
    const tr = row({ 'data-uuid': e.uuid }, [
      e.status,
      e.uuid,
      e.owner ?? '',
      `${e.language} ${e.version}`,
      e.signal ? `${e.exitCode ?? '–'} (${e.signal})` : (e.exitCode ?? '–'),
      e.timeMs == null ? '–' : `${e.timeMs} ms`,
      e.memoryKb == null ? '–' : `${(e.memoryKb / 1024).toFixed(1)} MB`,
      time(e.queuedAt),
      e.message ?? '',
    ]);
    tr.className = isFailure(e) ? 'failure' : PENDING.has(e.status) ? 'pending' : 'success';
    tr.children[2].className = 'owner';
    tr.children[8].className = 'message';
    tr.children[8].title = e.message ?? '';
    return tr;
  }));
}

function isFailure(execution) {
  return !PENDING.has(execution.status) && execution.status !== 'SUCCESS';
}

function row(attributes, cells) {
  const tr = document.createElement('tr');
  Object.entries(attributes).forEach(([name, value]) => tr.setAttribute(name, value));
  tr.append(...cells.map((text) => {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }));
  return tr;
}

function sum(items, value) {
  return items.reduce((total, item) => total + value(item), 0);
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '–';
}

function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

function showConnection(state, why) {
  $('connection').textContent = state;
  $('connection').className = `connection ${state}`;
  $('connection').title = why ?? 'Live updates over STOMP (/topic/admin)';
}
