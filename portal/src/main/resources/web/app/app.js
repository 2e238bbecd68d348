// The portal's only script: htmx for partial updates, the live stream, the charts (ECharts, only what is used).
import htmx from 'htmx.org';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const RAG = ['#1b7a3a', '#b26a00', '#b3261e', '#6b7278'];
const lang = () => document.documentElement.lang || 'vi';
const number = (v) => new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(v);

// Requests made by script say so: an expired session then answers 499 instead of a redirect into a fragment,
// and the page reloads, which takes the user through sign-in and back.
document.addEventListener('htmx:configRequest', (e) => {
  e.detail.headers['X-Requested-With'] = 'XMLHttpRequest';
  const csrf = document.querySelector('meta[name="nq57-csrf"]');
  if (csrf) e.detail.headers['X-CSRF-TOKEN'] = csrf.content;
});
document.addEventListener('htmx:responseError', (e) => {
  if (e.detail.xhr && (e.detail.xhr.status === 499 || e.detail.xhr.status === 401)) window.location.reload();
});

function drawCharts(root) {
  (root || document).querySelectorAll('.chart[data-chart]').forEach((el) => {
    const old = echarts.getInstanceByDom(el);
    if (old) old.dispose();
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    const labels = (el.dataset.labels || '').split('|');
    const base = { animation: false, grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: number },
      legend: { top: 0, textStyle: { fontSize: 13 } }, textStyle: { fontFamily: 'inherit' } };
    if (el.dataset.chart === 'systems') {
      const rows = el.dataset.rows.split(';').filter(Boolean).map((r) => r.split(':'));
      chart.setOption({ ...base, xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((r) => r[0]), inverse: true },
        series: labels.map((name, i) => ({ name, type: 'bar', stack: 'n', itemStyle: { color: RAG[i] },
          data: rows.map((r) => Number(r[1].split(',')[i])) })) });
    } else if (el.dataset.chart === 'line') {
      const pts = el.dataset.points.split(';').filter(Boolean).map((p) => p.split(':'));
      const val = (s) => (s === '' ? null : Number(s));
      chart.setOption({ ...base, xAxis: { type: 'category', data: pts.map((p) => p[0]) },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: number } },
        series: [
          { name: labels[0], type: 'line', data: pts.map((p) => val(p[1])), connectNulls: true, symbolSize: 8,
            itemStyle: { color: '#0b4f8a' }, lineStyle: { width: 3 } },
          { name: labels[1], type: 'line', data: pts.map((p) => val(p[2])), connectNulls: true, symbol: 'none',
            itemStyle: { color: '#b26a00' }, lineStyle: { type: 'dashed', width: 2 } }] });
    } else if (el.dataset.chart === 'budget') {
      const rows = el.dataset.rows.split(';').filter(Boolean).map((r) => r.split(':'));
      chart.setOption({ ...base, xAxis: { type: 'category', data: rows.map((r) => r[0]) },
        yAxis: { type: 'value', axisLabel: { formatter: number } },
        series: labels.map((name, i) => ({ name, type: 'bar', itemStyle: { color: ['#0b4f8a', '#1b7a3a'][i] },
          data: rows.map((r) => Number(r[i + 1])) })) });
    }
  });
}

window.addEventListener('resize', () => document.querySelectorAll('.chart[data-chart]').forEach((el) => {
  const c = echarts.getInstanceByDom(el);
  if (c) c.resize();
}));

// Live: one stream per tab, relayed by the portal; a change refreshes the page's figures in place.
function live() {
  const url = document.body.dataset.live;
  if (!url) return;
  const status = document.getElementById('live-status');
  let pending = null;
  let source = null;
  let dropped = false;
  const refresh = () => {
    pending = null;
    htmx.ajax('GET', window.location.pathname + window.location.search,
      { target: '#live', select: '#live', swap: 'outerHTML' }).then(() => {
      drawCharts(document.getElementById('live'));
      const now = new Date().toLocaleTimeString(lang() === 'en' ? 'en-GB' : 'vi-VN');
      status.textContent = (status.dataset.text || '') + ' ' + now;
      document.body.dataset.refreshed = String(Date.now());
    });
  };
  const connect = () => {
    source = new EventSource(url);
    source.onopen = () => {
      document.body.dataset.liveState = 'open';
      // back after a drop: the service sends what the tab missed (Last-Event-ID), but a new connection after a
      // closed one starts afresh, so the figures are refreshed once
      if (dropped) { dropped = false; if (!pending) pending = setTimeout(refresh, 150); }
    };
    source.onmessage = (e) => {
      let change;
      try { change = JSON.parse(e.data); } catch (x) { return; }
      if (change.kind === 'heartbeat') return;
      if (!pending) pending = setTimeout(refresh, 150);
    };
    source.onerror = () => {
      document.body.dataset.liveState = 'closed';
      dropped = true;
      if (source.readyState !== EventSource.CLOSED) return;
      fetch('/session', { headers: { 'X-Requested-With': 'XMLHttpRequest' } }).then((r) => {
        if (r.status === 499 || r.status === 401) window.location.reload();
        else setTimeout(connect, 3000);
      }).catch(() => setTimeout(connect, 5000));
    };
  };
  connect();
  window.addEventListener('pagehide', () => source && source.close());
}

// A form sends once: its submit buttons are disabled while the request is on its way (the Idempotency-Key the form
// carries makes a second send harmless anyway); the button pressed still reaches the server.
function sendOnce() {
  document.querySelectorAll('form').forEach((form) => form.addEventListener('submit', (e) => {
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = '1';
    const pressed = e.submitter;
    if (pressed && pressed.name) {
      const keep = document.createElement('input');
      keep.type = 'hidden'; keep.name = pressed.name; keep.value = pressed.value;
      form.appendChild(keep);
    }
    setTimeout(() => form.querySelectorAll('button[data-once]').forEach((b) => { b.disabled = true; }), 0);
  }));
}

// The data-entry grid: arrow keys and Enter move between cells, as in a spreadsheet.
function gridKeys() {
  document.querySelectorAll('table.grid').forEach((table) => table.addEventListener('keydown', (e) => {
    if (!e.target.classList.contains('cell')) return;
    const cells = Array.from(table.querySelectorAll('input.cell'));
    const i = cells.indexOf(e.target);
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'Enter') next = i + 1;
    else if (e.key === 'ArrowUp') next = i - 1;
    if (next < 0 || next >= cells.length) return;
    e.preventDefault();
    cells[next].focus();
    cells[next].select();
  }));
}

document.addEventListener('DOMContentLoaded', () => {
  drawCharts();
  live();
  sendOnce();
  gridKeys();
  document.querySelectorAll('input[data-select-all]').forEach((all) => all.addEventListener('change', () => {
    document.querySelectorAll(`input[name="${all.dataset.selectAll}"]`).forEach((c) => { c.checked = all.checked; });
  }));
  const refusal = document.getElementById('refusal');
  if (refusal) refusal.focus();
});
