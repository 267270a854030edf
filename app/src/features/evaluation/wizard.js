// Progressive enhancement of the self-assessment wizard (the page works without it): instant
// step changes, debounced autosave with a visible state, edits kept in localStorage while
// offline and sent later, conflicts shown side by side, uploads with progress and retry.
"use strict";
(() => {
  const root = document.getElementById("wizard");
  if (!root) return;
  const text = JSON.parse(document.getElementById("wizard-text").textContent);
  const id = root.dataset.id;
  const saveUrl = root.dataset.saveUrl;
  const maxBytes = Number(root.dataset.maxBytes);
  const readOnly = root.dataset.readOnly === "true";
  const storeKey = `kinerja:evaluasi:${id}`;
  const stateEl = root.querySelector("[data-save-state]");
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : `{${k}}`));

  // ---- Step navigation -------------------------------------------------------------------
  const sections = [...root.querySelectorAll(".wizard-step")];
  const sectionOf = (n) => root.querySelector(`.wizard-step[data-step="${n}"]`);
  let step = Number(root.dataset.step);
  // Work the new step does not need to be seen and used waits until it has been painted.
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

  function show(n, push) {
    const target = sectionOf(n);
    if (!target) return false;
    for (const s of sections) s.hidden = s !== target;
    for (const a of root.querySelectorAll(".wizard-progress [data-goto]")) {
      if (a.dataset.goto === String(n)) a.setAttribute("aria-current", "step");
      else a.removeAttribute("aria-current");
    }
    step = n;
    root.dataset.step = String(n);
    window.scrollTo(0, 0);
    afterPaint(() => {
      if (push) {
        const url = new URL(location.href);
        url.searchParams.set("langkah", String(n));
        url.hash = "";
        history.pushState({ step: n }, "", url);
      }
      target.querySelector("h2")?.focus({ preventScroll: true });
    });
    return true;
  }

  function go(n) {
    if (n === 5) {
      // The review is computed by the server from what is saved.
      if (!navigator.onLine) return setState("offline", text.review_needs_connection);
      flush().then(() => {
        if (!Object.keys(state.pending).length) location.assign(`${location.pathname}?langkah=5`);
      });
      return;
    }
    show(n, true);
    if (!readOnly) {
      stepChanged = true;
      afterPaint(() => schedule(0));
    }
  }

  root.addEventListener("click", (e) => {
    const el = e.target.closest("[data-goto], [data-next], [data-back]");
    if (!el || !root.contains(el)) return;
    const n = Number(el.dataset.goto ?? el.value);
    if (!n || (n !== 5 && !sectionOf(n))) return;
    e.preventDefault();
    go(n);
  });
  window.addEventListener("popstate", () => {
    const n = Number(new URL(location.href).searchParams.get("langkah")) || 1;
    if (n !== 5 || sectionOf(5)) show(n, false);
  });

  if (readOnly) return;

  // ---- Autosave ----------------------------------------------------------------------------
  const controls = () => [...document.querySelectorAll("[data-autosave]")];
  const valueOf = (name) => {
    const els = document.getElementsByName(name);
    if (els[0]?.type === "radio") return [...els].find((r) => r.checked)?.value ?? "";
    return els[0]?.value ?? "";
  };
  const setValue = (name, value) => {
    for (const el of document.getElementsByName(name)) {
      if (el.type === "radio") el.checked = el.value === value;
      else el.value = value;
    }
  };
  const labelOf = (name) => document.getElementsByName(name)[0]?.dataset.label || name;

  const confirmed = {};
  for (const el of controls()) confirmed[el.name] = valueOf(el.name);

  let state = { version: Number(root.dataset.version), pending: {} };
  try {
    const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
    if (saved && saved.pending) state.pending = saved.pending;
  } catch {
    /* unreadable storage: start clean */
  }
  // The page is the freshest copy the browser has seen; stored edits keep their own base,
  // and those the page already shows (a plain post saved them) are done.
  state.version = Number(root.dataset.version);
  for (const [name, entry] of Object.entries(state.pending)) {
    if (valueOf(name) === entry.value) delete state.pending[name];
    else setValue(name, entry.value);
  }

  const persist = () => {
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch {
      /* storage full or disabled: the server copy is still written when online */
    }
  };

  // Plain posts of the step forms (adding a link, removing evidence) carry the version too.
  const setVersion = (version) => {
    state.version = version;
    for (const el of root.querySelectorAll('form input[name="version"]')) el.value = String(version);
  };

  // What each step still lacks, as the server counted it after the save.
  function showOpen(open) {
    open.forEach((n, i) => {
      const item = root.querySelector(`[data-progress="${i + 1}"]`);
      const badge = item?.querySelector(".step-missing");
      if (!badge) return;
      badge.hidden = n === 0;
      badge.textContent = n ? fill(text.missing_count, { n }) : "";
      item.classList.toggle("done", n === 0 && i < open.length - 1);
    });
  }

  function setState(kind, message) {
    stateEl.dataset.state = kind;
    stateEl.textContent = message;
  }

  let timer = 0;
  let inFlight = false;
  let stepChanged = false;
  const schedule = (ms) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  function changed(e) {
    const el = e.target.closest?.("[data-autosave]");
    if (!el) return;
    const name = el.name;
    const value = valueOf(name);
    const base = state.pending[name]?.base ?? confirmed[name] ?? "";
    if (value === base) delete state.pending[name];
    else state.pending[name] = { value, base };
    const err = document.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (err) err.textContent = "";
    el.removeAttribute("aria-invalid");
    blocked.delete(name);
    persist();
    // Never show "saved" while an edit is still waiting for its debounce.
    setState(navigator.onLine ? "saving" : "offline", navigator.onLine ? text.saving : text.offline);
    schedule(800);
  }
  document.addEventListener("input", changed);
  document.addEventListener("change", changed);

  const blocked = new Set();

  async function flush() {
    clearTimeout(timer);
    const names = Object.keys(state.pending).filter((n) => !blocked.has(n));
    if (inFlight || (!names.length && !stepChanged)) return;
    if (!navigator.onLine) return setState("offline", text.offline);
    inFlight = true;
    const sent = {};
    const body = new URLSearchParams({ version: String(state.version), step: String(step) });
    for (const n of names) {
      sent[n] = state.pending[n].value;
      body.append(n, sent[n]);
    }
    stepChanged = false;
    setState("saving", text.saving);
    let res;
    try {
      res = await fetch(saveUrl, {
        method: "POST",
        headers: { Accept: "application/json" },
        body,
        credentials: "same-origin",
      });
    } catch {
      inFlight = false;
      stepChanged = true;
      setState("offline", text.offline);
      return;
    }
    let data = {};
    try {
      data = await res.json();
    } catch {
      /* no JSON: handled by the status below */
    }
    inFlight = false;
    if (res.ok || res.status === 422) {
      if (data.version) setVersion(data.version);
      if (data.open) showOpen(data.open);
      const stored = data.values || {};
      for (const n of names) {
        if (n in stored) {
          confirmed[n] = sent[n];
          if (state.pending[n]?.value === sent[n]) delete state.pending[n];
        }
      }
      for (const e of data.errors || []) {
        blocked.add(e.field);
        const el = document.querySelector(`[data-error-for="${CSS.escape(e.field)}"]`);
        if (el) el.textContent = e.message;
        document.getElementsByName(e.field)[0]?.setAttribute("aria-invalid", "true");
      }
      persist();
      // Edits typed while this request was out are still unsaved.
      const more = Object.keys(state.pending).some((n) => !blocked.has(n));
      if ((data.errors || []).length) setState("error", data.errors[0].message);
      else if (more) setState("saving", text.saving);
      else setState("saved", fill(text.saved, { time: data.saved_at || "" }));
      if (more) schedule(0);
    } else if (res.status === 409) {
      setVersion(data.version);
      const conflicts = [];
      for (const n of names) {
        const server = (data.values || {})[n] ?? "";
        const entry = state.pending[n];
        if (!entry) continue;
        if (server === entry.value) {
          confirmed[n] = server;
          delete state.pending[n];
        } else if (server === entry.base) {
          // Untouched on the server since this edit began: safe to send again.
        } else {
          conflicts.push({ name: n, server });
        }
      }
      persist();
      if (conflicts.length) resolve(conflicts);
      else schedule(0);
    } else if (res.status === 401) {
      setState("error", text.session_ended);
    } else if (res.status === 423) {
      setState("error", text.read_only);
      document.removeEventListener("input", changed);
      document.removeEventListener("change", changed);
    } else {
      stepChanged = true;
      setState("error", text.error);
      schedule(15000);
    }
  }

  // Both versions side by side; the employee decides per field or for all.
  function resolve(conflicts) {
    const dialog = document.createElement("dialog");
    dialog.className = "conflict-dialog";
    const h = document.createElement("h2");
    h.textContent = text.conflict_title;
    const intro = document.createElement("p");
    intro.textContent = text.conflict_intro;
    dialog.append(h, intro);
    const open = new Set(conflicts.map((c) => c.name));
    const decide = (c, keepDevice, row) => {
      const entry = state.pending[c.name];
      if (keepDevice && entry) entry.base = c.server;
      else {
        delete state.pending[c.name];
        confirmed[c.name] = c.server;
        setValue(c.name, c.server);
      }
      open.delete(c.name);
      row?.remove();
      persist();
      if (!open.size) {
        dialog.close();
        dialog.remove();
        schedule(0);
      }
    };
    const button = (label, onClick, secondary) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = secondary ? "button button-secondary" : "button";
      b.textContent = label;
      b.addEventListener("click", onClick);
      return b;
    };
    for (const c of conflicts) {
      const row = document.createElement("section");
      row.className = "conflict";
      const title = document.createElement("h3");
      title.textContent = labelOf(c.name);
      const mine = document.createElement("p");
      mine.innerHTML = "<strong></strong> <span class=pre-line></span>";
      mine.firstChild.textContent = `${text.conflict_device}:`;
      mine.lastChild.textContent = state.pending[c.name]?.value || "—";
      const theirs = document.createElement("p");
      theirs.innerHTML = "<strong></strong> <span class=pre-line></span>";
      theirs.firstChild.textContent = `${text.conflict_server}:`;
      theirs.lastChild.textContent = c.server || "—";
      const actions = document.createElement("div");
      actions.className = "wizard-actions";
      actions.append(
        button(text.use_device, () => decide(c, true, row)),
        button(text.use_server, () => decide(c, false, row), true),
      );
      row.append(title, mine, theirs, actions);
      dialog.append(row);
    }
    if (conflicts.length > 1) {
      const all = document.createElement("div");
      all.className = "wizard-actions";
      all.append(
        button(text.use_all_device, () => conflicts.filter((c) => open.has(c.name)).forEach((c) => decide(c, true))),
        button(text.use_all_server, () => conflicts.filter((c) => open.has(c.name)).forEach((c) => decide(c, false)), true),
      );
      dialog.append(all);
    }
    document.body.append(dialog);
    dialog.addEventListener("cancel", (e) => e.preventDefault());
    dialog.showModal();
    dialog.querySelector("button")?.focus();
  }

  window.addEventListener("online", () => flush());
  window.addEventListener("offline", () => setState("offline", text.offline));
  setInterval(() => navigator.onLine && flush(), 15000);
  if (Object.keys(state.pending).length) schedule(0);

  // Submitting waits for pending edits.
  for (const form of root.querySelectorAll("[data-submit-evaluation]")) {
    form.addEventListener("submit", async (e) => {
      if (!Object.keys(state.pending).length) return;
      e.preventDefault();
      if (!navigator.onLine) return setState("offline", text.submit_needs_connection);
      await flush();
      if (!Object.keys(state.pending).length) form.submit();
    });
  }

  // ---- Uploads -----------------------------------------------------------------------------
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1).replace(".", ",")} MB`;

  async function downscale(file) {
    const image = /^image\/(jpeg|png|webp)$/.test(file.type);
    if (!image || !window.createImageBitmap) return file;
    try {
      const bitmap = await createImageBitmap(file);
      const long = Math.max(bitmap.width, bitmap.height);
      if (file.size <= 1.5e6 && long <= 2560) return file;
      const scale = Math.min(1, 2560 / long);
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((r) => canvas.toBlob(r, "image/jpeg", 0.85));
      if (!blob || blob.size >= file.size) return file;
      return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
    } catch {
      return file; // the server decides
    }
  }

  function send(block, file) {
    const error = block.querySelector("[data-upload-error]");
    const bar = block.querySelector("progress");
    const button = block.querySelector("[data-upload]");
    block.querySelector("[data-retry]")?.remove();
    error.textContent = "";
    const data = new FormData();
    data.append("indikator", button.value);
    data.append("berkas", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", block.dataset.uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    };
    const done = () => {
      bar.hidden = true;
      button.disabled = false;
    };
    const retry = () => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "button button-secondary";
      b.dataset.retry = "";
      b.textContent = text.upload_retry;
      b.addEventListener("click", () => send(block, file));
      error.after(b);
    };
    xhr.onload = () => {
      done();
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200) {
        const evidence = block.closest(".evidence");
        const item = evidence.querySelector("template[data-evidence-item]").content.firstElementChild.cloneNode(true);
        const link = item.querySelector("[data-link]");
        link.href = body.url;
        link.textContent = body.name;
        item.querySelector("[data-size]").textContent = body.size;
        item.querySelector("[data-delete]").formAction = body.delete_url;
        evidence.querySelector(".evidence-list").append(item);
        block.querySelector('input[type="file"]').value = "";
      } else if (xhr.status >= 500 || !body.message) {
        error.textContent = text.upload_failed;
        retry();
      } else {
        error.textContent = body.message;
      }
    };
    xhr.onerror = () => {
      done();
      error.textContent = text.upload_failed;
      retry();
    };
    bar.value = 0;
    bar.hidden = false;
    button.disabled = true;
    error.textContent = text.uploading;
    xhr.send(data);
  }

  async function upload(block) {
    const input = block.querySelector('input[type="file"]');
    const original = input.files?.[0];
    if (!original) return;
    const error = block.querySelector("[data-upload-error]");
    const file = await downscale(original);
    if (file.size > maxBytes) {
      error.textContent = fill(text.file_too_large, { name: original.name, size: mb(file.size), max: mb(maxBytes) });
      input.value = "";
      return;
    }
    send(block, file);
  }

  for (const block of root.querySelectorAll(".evidence-upload")) {
    block.querySelector("[data-upload]").addEventListener("click", (e) => {
      e.preventDefault();
      upload(block);
    });
    block.querySelector('input[type="file"]').addEventListener("change", () => upload(block));
  }

  // Enter in a link field adds the link (the step form's own Enter only saves).
  for (const input of root.querySelectorAll("[data-link-input]")) {
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      input.closest(".evidence-link").querySelector("[data-add-link]").click();
    });
  }
})();
