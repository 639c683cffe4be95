// detsim timeline: draws the run embedded in #timeline-data on one canvas. No network, no libraries.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  const events = data.events;       // [timeNanos, lane, kind, peerLane or -1, detail or null]
  const flights = data.flights;     // [sendEvent, endEvent or -1, outcome (0 delivered, 1 dropped, 2 never ended), duplicate]
  const lanes = data.lanes;
  const kinds = data.kinds;
  const canvas = document.getElementById("timeline");
  const tooltip = document.getElementById("tooltip");
  const context = canvas.getContext("2d");

  const GUTTER = 168, AXIS = 30, MIN_SPAN = 1000;
  const KIND_COLOURS = {
    send: "#2563eb", deliver: "#16a34a", drop: "#dc2626", duplicate: "#d97706", hold: "#7c3aed", timer: "#9ca3af",
    start: "#059669", crash: "#111827", kill: "#111827", corrupt: "#b45309", fault: "#475569"
  };
  const FAULT_COLOURS = {
    crash: "#ef4444", pause: "#f59e0b", kill: "#111827", partition: "#8b5cf6", clog: "#0ea5e9", delay: "#14b8a6",
    loss: "#f97316", duplicate: "#eab308", reorder: "#06b6d4", clock_skew: "#ec4899", disk: "#a16207", burst: "#64748b",
    heal: "#22c55e"
  };
  const OTHER_KIND = "#9333ea";
  const kindColour = kinds.map(k => KIND_COLOURS[k] || OTHER_KIND);
  const kindIndex = name => kinds.indexOf(name);
  const TIMER = kindIndex("timer");

  // Lanes a fault covers: a node covers its own lane and its actors' lanes.
  const laneOf = new Map(lanes.map((name, i) => [name, i]));
  function lanesCovered(nodes) {
    if (nodes.length === 0) return null; // every lane
    const covered = [];
    lanes.forEach((lane, i) => {
      if (nodes.some(node => lane === node || lane.startsWith(node + "/"))) covered.push(i);
    });
    return covered;
  }
  const faults = data.faults.map(f => Object.assign({}, f, { lanes: lanesCovered(f.nodes) }));

  // Flights sorted by send time already (send order); the longest tells how far back to look.
  let longestFlight = 0;
  for (const f of flights) {
    if (f[1] >= 0) longestFlight = Math.max(longestFlight, events[f[1]][0] - events[f[0]][0]);
  }
  // Messages between actors of one node are drawn lighter than messages across the network.
  const processOf = lanes.map(name => name.split("/")[0]);
  const internal = lanes.map((_, a) => lanes.map((_, b) => processOf[a] === processOf[b]));
  const flightOfEvent = new Map();
  flights.forEach((f, i) => { flightOfEvent.set(f[0], i); if (f[1] >= 0) flightOfEvent.set(f[1], i); });

  const start = data.startNanos;
  const end = Math.max(data.endNanos, start + MIN_SPAN);
  let view = initialView();
  let laneHeight = 40, width = 800, height = 400, hovered = -1;

  function initialView() {
    const match = /from=([0-9.]+)&to=([0-9.]+)/.exec(location.hash);
    if (match && +match[2] > +match[1]) return { t0: +match[1] * 1e9, t1: +match[2] * 1e9 };
    const pad = (end - start) * 0.01;
    return { t0: start - pad, t1: end + pad };
  }

  // ---- text in the header ----
  function seconds(nanos, decimals) {
    return (nanos / 1e9).toFixed(decimals === undefined ? 3 : decimals) + " s";
  }
  if (data.violation) {
    const v = data.violation;
    document.getElementById("violation").textContent = v.kind + " at " + seconds(v.t, 6) + (v.detail ? ": " + v.detail : "");
    document.getElementById("violation").title = v.detail;
  } else {
    document.getElementById("to-violation").hidden = true;
  }
  const delivered = flights.filter(f => f[2] === 0).length;
  const dropped = flights.filter(f => f[2] === 1).length;
  let note = events.length.toLocaleString("en") + " events on " + lanes.length + " lanes, " +
    flights.length.toLocaleString("en") + " messages (" + delivered.toLocaleString("en") + " delivered, " +
    dropped.toLocaleString("en") + " dropped, " + (flights.length - delivered - dropped).toLocaleString("en") +
    " never delivered), " + data.faults.length + " fault intervals.";
  if (events.length < data.totalEvents) {
    note += " Showing events " + data.firstShown.toLocaleString("en") + " to " +
      (data.firstShown + events.length - 1).toLocaleString("en") + " of " + data.totalEvents.toLocaleString("en") +
      (data.violation ? ", the window leading up to the violation" : ", the first ones") +
      ": the trace is longer than the page can draw; the JSON Lines file has it all.";
  }
  document.getElementById("note").textContent = note + " Wheel to zoom, drag to pan, hover for details.";
  const legend = [["send", KIND_COLOURS.send], ["deliver", KIND_COLOURS.deliver], ["drop", KIND_COLOURS.drop],
    ["duplicate", KIND_COLOURS.duplicate], ["timer", KIND_COLOURS.timer], ["node trace", OTHER_KIND],
    ["message", "#4338ca"], ["inside a node", "#94a3b8"], ["violation", "#dc2626"]];
  const seenFaultKinds = [...new Set(data.faults.map(f => f.kind))];
  document.getElementById("legend").innerHTML = legend.concat(seenFaultKinds.map(k => [k + " (fault)",
    (FAULT_COLOURS[k] || "#64748b") + "55"]))
    .map(([label, colour]) => '<span><i style="background:' + colour + '"></i>' + label.replace(/[<>&]/g, "") + "</span>")
    .join("");

  // ---- geometry ----
  function x(t) { return GUTTER + (t - view.t0) / (view.t1 - view.t0) * (width - GUTTER - 12); }
  function time(px) { return view.t0 + (px - GUTTER) / (width - GUTTER - 12) * (view.t1 - view.t0); }
  function laneY(lane) { return AXIS + lane * laneHeight + laneHeight / 2; }
  function firstEventAtOrAfter(t) {
    let lo = 0, hi = events.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (events[mid][0] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function firstFlightSentAtOrAfter(t) {
    let lo = 0, hi = flights.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (events[flights[mid][0]][0] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function resize() {
    const header = document.querySelector("header").getBoundingClientRect().height;
    width = document.documentElement.clientWidth;
    laneHeight = Math.max(24, Math.min(110, Math.floor((window.innerHeight - header - AXIS - 8) / Math.max(1, lanes.length))));
    height = AXIS + laneHeight * lanes.length + 8;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = height + "px";
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw();
  }

  // ---- drawing ----
  function draw() {
    context.clearRect(0, 0, width, height);
    drawLanes();
    drawFaults();
    drawAxis();
    const drawn = drawFlights() + drawEvents();
    drawViolation();
    drawGutter();
    const span = view.t1 - view.t0;
    const decimals = decimalsFor(span / 10);
    document.getElementById("range").textContent = "showing " + seconds(Math.max(view.t0, 0), decimals) + " to " +
      seconds(view.t1, decimals);
    document.body.setAttribute("data-drawn", String(drawn));
  }

  function drawLanes() {
    for (let i = 0; i < lanes.length; i++) {
      context.fillStyle = i % 2 === 0 ? "#ffffff" : "#f8fafc";
      context.fillRect(GUTTER, AXIS + i * laneHeight, width - GUTTER, laneHeight);
      context.strokeStyle = "#e5e7eb";
      context.beginPath();
      context.moveTo(GUTTER, laneY(i) + 0.5);
      context.lineTo(width, laneY(i) + 0.5);
      context.stroke();
    }
  }

  function drawFaults() {
    context.font = "11px system-ui, sans-serif";
    const labelRights = new Map();
    for (const fault of faults) {
      if (fault.end < view.t0 || fault.start > view.t1) continue;
      const colour = FAULT_COLOURS[fault.kind] || "#64748b";
      const x0 = Math.max(GUTTER, x(fault.start)), x1 = Math.min(width, x(fault.end));
      const rows = fault.lanes === null ? [[AXIS, AXIS + laneHeight * lanes.length]] :
        fault.lanes.map(l => [AXIS + l * laneHeight + 1, AXIS + (l + 1) * laneHeight - 1]);
      if (fault.start === fault.end) {
        context.strokeStyle = colour;
        context.setLineDash([3, 3]);
        for (const [y0, y1] of rows) { context.beginPath(); context.moveTo(x0 + 0.5, y0); context.lineTo(x0 + 0.5, y1); context.stroke(); }
        context.setLineDash([]);
      } else {
        context.fillStyle = colour + (fault.lanes === null ? "14" : "30");
        for (const [y0, y1] of rows) context.fillRect(x0, y0, Math.max(1, x1 - x0), y1 - y0);
        context.fillStyle = colour;
        for (const [y0] of rows) context.fillRect(x0, y0, Math.max(1, x1 - x0), 2);
      }
      if (rows.length > 0) {
        const textWidth = context.measureText(fault.label).width;
        const slot = labelSlot(labelRights, fault.lanes === null ? -1 : fault.lanes[0], x0, textWidth);
        context.fillStyle = "rgba(255,255,255,0.75)";
        context.fillRect(x0 + 2, rows[0][0] + 3 + slot * 13, textWidth + 3, 13);
        context.fillStyle = colour;
        context.fillText(fault.label, x0 + 3, rows[0][0] + 13 + slot * 13);
      }
    }
  }

  // Labels of faults that start close together go on the next row down instead of over each other.
  function labelSlot(rights, lane, left, textWidth) {
    const taken = rights.get(lane) || [];
    let slot = 0;
    while (slot < taken.length && taken[slot] > left) slot++;
    taken[slot] = left + textWidth + 8;
    rights.set(lane, taken);
    return slot;
  }

  function decimalsFor(step) { return Math.max(0, Math.min(9, Math.ceil(-Math.log10(step / 1e9)))); }

  function drawAxis() {
    const span = view.t1 - view.t0;
    const rough = span / Math.max(2, (width - GUTTER) / 110);
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= rough);
    const decimals = decimalsFor(step);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, AXIS);
    context.font = "11px system-ui, sans-serif";
    context.textAlign = "center";
    for (let t = Math.ceil(view.t0 / step) * step; t <= view.t1; t += step) {
      const px = Math.round(x(t)) + 0.5;
      if (px < GUTTER) continue;
      context.strokeStyle = "#eef0f3";
      context.beginPath(); context.moveTo(px, AXIS); context.lineTo(px, AXIS + laneHeight * lanes.length); context.stroke();
      context.strokeStyle = "#9ca3af";
      context.beginPath(); context.moveTo(px, AXIS - 6); context.lineTo(px, AXIS); context.stroke();
      const label = seconds(t, decimals);
      const nearGutter = px - context.measureText(label).width / 2 < GUTTER + 2; // would run under the lane names
      context.textAlign = nearGutter ? "left" : "center";
      context.fillStyle = "#4b5563";
      context.fillText(label, nearGutter ? Math.max(px, GUTTER + 2) : px, AXIS - 10);
    }
    context.textAlign = "left";
    context.strokeStyle = "#d1d5db";
    context.beginPath(); context.moveTo(GUTTER, AXIS + 0.5); context.lineTo(width, AXIS + 0.5); context.stroke();
  }

  function drawFlights() {
    const from = firstFlightSentAtOrAfter(view.t0 - longestFlight);
    let visible = 0;
    for (let i = from; i < flights.length && events[flights[i][0]][0] <= view.t1; i++) {
      if (flights[i][1] < 0 || events[flights[i][1]][0] >= view.t0) visible++;
    }
    const alpha = visible > 3000 ? 0.12 : visible > 800 ? 0.25 : visible > 200 ? 0.45 : 0.75;
    context.lineWidth = 1;
    for (let i = from; i < flights.length; i++) {
      const f = flights[i];
      const send = events[f[0]];
      if (send[0] > view.t1) break;
      drawFlight(f, send, alpha, false);
    }
    if (hovered >= 0 && flightOfEvent.has(hovered)) {
      context.lineWidth = 2.5;
      drawFlight(flights[flightOfEvent.get(hovered)], events[flights[flightOfEvent.get(hovered)][0]], 1, true);
      context.lineWidth = 1;
    }
    return visible;
  }

  function drawFlight(f, send, alpha, arrow) {
    const x0 = x(send[0]), y0 = laneY(send[1]);
    context.globalAlpha = alpha;
    if (f[1] < 0) { // never delivered: a short dashed stub toward the target
      if (send[3] < 0) { context.globalAlpha = 1; return; }
      const y1 = y0 + (laneY(send[3]) - y0) * 0.35;
      context.strokeStyle = "#6b7280";
      context.setLineDash([2, 3]);
      line(x0, y0, x0 + 14, y1);
      context.setLineDash([]);
      context.globalAlpha = 1;
      return;
    }
    const target = events[f[1]];
    if (target[1] === send[1] && send[3] >= 0) { // refused on the way out: a red stub toward the target
      const y1 = y0 + (laneY(send[3]) - y0) * 0.35;
      context.strokeStyle = "#dc2626";
      context.setLineDash([3, 2]);
      line(x0, y0, x0 + 14, y1);
      context.setLineDash([]);
      context.globalAlpha = 1;
      return;
    }
    const x1 = x(target[0]), y1 = laneY(target[1]);
    context.strokeStyle = f[2] === 1 ? "#dc2626" : f[3] ? "#d97706" : internal[send[1]][send[3]] ? "#94a3b8" : "#4338ca";
    if (f[2] === 1) context.setLineDash([4, 3]);
    line(x0, y0, x1, y1);
    context.setLineDash([]);
    if ((arrow || alpha >= 0.45) && Math.hypot(x1 - x0, y1 - y0) > 10) arrowHead(x0, y0, x1, y1);
    context.globalAlpha = 1;
  }

  function line(x0, y0, x1, y1) { context.beginPath(); context.moveTo(x0, y0); context.lineTo(x1, y1); context.stroke(); }

  function arrowHead(x0, y0, x1, y1) {
    const angle = Math.atan2(y1 - y0, x1 - x0), size = 6;
    context.fillStyle = context.strokeStyle;
    context.beginPath();
    context.moveTo(x1, y1);
    context.lineTo(x1 - size * Math.cos(angle - 0.4), y1 - size * Math.sin(angle - 0.4));
    context.lineTo(x1 - size * Math.cos(angle + 0.4), y1 - size * Math.sin(angle + 0.4));
    context.closePath();
    context.fill();
  }

  function drawEvents() {
    const from = firstEventAtOrAfter(view.t0), to = firstEventAtOrAfter(view.t1 + 1);
    const crowded = to - from > 20000; // timers are the bulk and the least telling: skip them when crowded
    for (let i = from; i < to; i++) {
      const e = events[i];
      if (crowded && e[2] === TIMER) continue;
      marker(kinds[e[2]], kindColour[e[2]], x(e[0]), laneY(e[1]));
    }
    if (hovered >= 0) {
      const e = events[hovered];
      context.strokeStyle = "#111827";
      context.lineWidth = 2;
      context.beginPath(); context.arc(x(e[0]), laneY(e[1]), 7, 0, 2 * Math.PI); context.stroke();
      context.lineWidth = 1;
    }
    return to - from;
  }

  function marker(kind, colour, px, py) {
    context.fillStyle = colour;
    context.strokeStyle = colour;
    if (kind === "drop" || kind === "crash" || kind === "kill") {
      const s = kind === "drop" ? 4 : 7;
      context.lineWidth = kind === "drop" ? 2 : 3;
      line(px - s, py - s, px + s, py + s);
      line(px - s, py + s, px + s, py - s);
      context.lineWidth = 1;
    } else if (kind === "duplicate" || kind === "hold") {
      context.beginPath();
      context.moveTo(px, py - 5); context.lineTo(px + 5, py); context.lineTo(px, py + 5); context.lineTo(px - 5, py);
      context.closePath(); context.fill();
    } else if (kind === "timer") {
      context.fillRect(px - 0.5, py - 4, 1, 8);
    } else if (kind === "start") {
      context.beginPath();
      context.moveTo(px - 4, py - 6); context.lineTo(px + 6, py); context.lineTo(px - 4, py + 6);
      context.closePath(); context.fill();
    } else if (kind === "send" || kind === "deliver") {
      context.beginPath(); context.arc(px, py, 2.5, 0, 2 * Math.PI); context.fill();
    } else {
      context.fillRect(px - 3, py - 3, 6, 6);
    }
  }

  function drawViolation() {
    if (!data.violation) return;
    const px = Math.round(x(data.violation.t)) + 0.5;
    if (px < GUTTER || px > width) return;
    context.strokeStyle = "#dc2626";
    context.lineWidth = 2;
    context.beginPath(); context.moveTo(px, AXIS); context.lineTo(px, AXIS + laneHeight * lanes.length); context.stroke();
    context.lineWidth = 1;
    const label = data.violation.kind;
    context.font = "bold 11px system-ui, sans-serif";
    const w = context.measureText(label).width + 10;
    const left = px + w + 4 > width ? px - w - 4 : px + 4;
    context.fillStyle = "#dc2626";
    context.fillRect(left, AXIS + 2, w, 16);
    context.fillStyle = "#ffffff";
    context.fillText(label, left + 5, AXIS + 14);
  }

  function drawGutter() {
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, GUTTER, height);
    context.strokeStyle = "#d1d5db";
    context.beginPath(); context.moveTo(GUTTER - 0.5, AXIS); context.lineTo(GUTTER - 0.5, height); context.stroke();
    for (let i = 0; i < lanes.length; i++) {
      const name = lanes[i], actor = name.indexOf("/") >= 0;
      context.font = (actor ? "" : "600 ") + "12px system-ui, sans-serif";
      context.fillStyle = actor ? "#6b7280" : "#111827";
      const label = name === "sim" ? "sim (faults)" : actor ? "\u2514 " + name.substring(name.indexOf("/") + 1) : name;
      context.fillText(label, actor ? 22 : 10, laneY(i) + 4, GUTTER - 28);
    }
  }

  // ---- interaction ----
  function zoom(factor, anchorTime) {
    const span = Math.max(MIN_SPAN, (view.t1 - view.t0) * factor);
    const share = (anchorTime - view.t0) / (view.t1 - view.t0);
    view = { t0: anchorTime - share * span, t1: anchorTime + (1 - share) * span };
    draw();
  }
  canvas.addEventListener("wheel", event => {
    event.preventDefault();
    const rect = canvas.getBoundingClientRect();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, time(Math.max(GUTTER, event.clientX - rect.left)));
  }, { passive: false });
  document.getElementById("zoom-in").onclick = () => zoom(0.5, (view.t0 + view.t1) / 2);
  document.getElementById("zoom-out").onclick = () => zoom(2, (view.t0 + view.t1) / 2);
  document.getElementById("fit").onclick = () => { view = initialViewOfWholeRun(); draw(); };
  document.getElementById("to-violation").onclick = () => {
    const span = Math.min(end - start, Math.max((end - start) / 40, 2e6));
    view = { t0: data.violation.t - span * 0.8, t1: data.violation.t + span * 0.2 };
    draw();
  };
  function initialViewOfWholeRun() { const pad = (end - start) * 0.01; return { t0: start - pad, t1: end + pad }; }

  let drag = null;
  canvas.addEventListener("mousedown", event => { drag = { x: event.clientX, view: view }; canvas.classList.add("dragging"); });
  window.addEventListener("mouseup", () => { drag = null; canvas.classList.remove("dragging"); });
  window.addEventListener("mousemove", event => {
    if (drag) {
      const shift = (event.clientX - drag.x) / (width - GUTTER - 12) * (drag.view.t1 - drag.view.t0);
      view = { t0: drag.view.t0 - shift, t1: drag.view.t1 - shift };
      tooltip.hidden = true;
      draw();
      return;
    }
    hover(event);
  });

  function hover(event) {
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    const lane = Math.floor((py - AXIS) / laneHeight);
    let best = -1, bestDistance = 7;
    if (px >= GUTTER && lane >= 0 && lane < lanes.length) {
      const perPixel = (view.t1 - view.t0) / (width - GUTTER - 12);
      const to = firstEventAtOrAfter(time(px) + 7 * perPixel + 1);
      for (let i = firstEventAtOrAfter(time(px) - 7 * perPixel); i < to; i++) {
        if (events[i][1] !== lane) continue;
        const distance = Math.abs(x(events[i][0]) - px);
        if (distance < bestDistance) { best = i; bestDistance = distance; }
      }
    }
    if (best !== hovered) { hovered = best; draw(); }
    if (best < 0) { showFaultsAt(px, py, lane); return; }
    const e = events[best];
    const kind = kinds[e[2]];
    const arrow = kind === "send" || kind === "duplicate" ? " \u2192 " : " \u2190 ";
    tooltip.innerHTML = "";
    const head = document.createElement("b");
    head.textContent = seconds(e[0], 9) + "  " + lanes[e[1]] + "  " + kind + (e[3] >= 0 ? arrow + lanes[e[3]] : "");
    tooltip.appendChild(head);
    tooltip.appendChild(document.createTextNode("\n" + (e[4] === null ? "(no detail)" : e[4]) +
      "\nevent #" + (data.firstShown + best) + flightText(best)));
    placeTooltip(px, py);
  }

  function showFaultsAt(px, py, lane) {
    const t = time(px);
    const here = px < GUTTER || lane < 0 || lane >= lanes.length ? [] : faults.filter(f =>
      (f.lanes === null || f.lanes.includes(lane)) &&
      (f.start === f.end ? Math.abs(x(f.start) - px) < 4 : f.start <= t && t <= f.end));
    if (here.length === 0) { tooltip.hidden = true; return; }
    tooltip.textContent = here.map(f => f.label + "  (" + seconds(f.start, 3) +
      (f.start === f.end ? ")" : " to " + seconds(f.end, 3) + ")")).join("\n");
    placeTooltip(px, py);
  }

  function placeTooltip(px, py) {
    tooltip.hidden = false;
    tooltip.style.left = Math.max(0, Math.min(px + 14, width - tooltip.offsetWidth - 8)) + "px";
    tooltip.style.top = (py + 16) + "px";
  }

  function flightText(index) {
    if (!flightOfEvent.has(index)) return "";
    const f = flights[flightOfEvent.get(index)];
    if (f[1] < 0) return ", never delivered in this trace";
    const took = events[f[1]][0] - events[f[0]][0];
    return (f[2] === 1 ? ", dropped after " : ", in flight ") + (took / 1e6).toFixed(3) + " ms" + (f[3] ? " (duplicate)" : "");
  }
  canvas.addEventListener("mouseleave", () => { tooltip.hidden = true; if (hovered >= 0) { hovered = -1; draw(); } });
  window.addEventListener("resize", resize);

  resize();
  document.body.setAttribute("data-ready", "timeline-ready");
})();
