/* lexgraph's page: search, a document's page (its status and its relations laid out as the portals' "Lược đồ"),
   and a graph that stays readable. Plain JS, no build step; everything it shows comes from the API of the same
   service, and the relations' headings from GET /vocabulary (ontology/relations.tsv). Routes live in the hash:
   #/?q=…  #/document/REF?at=YYYY-MM-DD  #/graph/REF?depth=N  #/graph?agency=ID; /graph/view?ref=… too. */
"use strict";

const UI = {
  vi: {
    skip: "Bỏ qua, đến nội dung", nav_search: "Tra cứu", nav_graph: "Đồ thị", nav_api: "API", other_lang: "English",
    lang_hint: "Đổi ngôn ngữ của trang", foot: "lexgraph đọc văn bản, không đoán: mỗi quan hệ đi kèm câu văn nói ra nó.",
    title_search: "Tra cứu văn bản pháp luật",
    lead: "Tìm theo số hiệu (viết kiểu nào cũng được), tên luật, hoặc từ trong trích yếu — có dấu hay không dấu đều được.",
    q_label: "Số hiệu, tên luật hoặc từ trong trích yếu", q_ph: "ví dụ 42/2022/NĐ-CP, Luật Du lịch, dich vu cong truc tuyen",
    find: "Tìm", examples: "Ví dụ:", found: (n) => `${n} văn bản`, exact: "Khớp đúng số hiệu hoặc tên",
    none: (q) => `Không tìm thấy văn bản nào cho “${q}”.`, more: "Xem thêm", did_you_mean: "Có phải bạn muốn tìm:",
    not_found: (r) => `Không tìm thấy văn bản “${r}”.`, ambiguous: (r) => `“${r}” chỉ nhiều văn bản — hãy chọn một:`,
    not_number: (r) => `“${r}” không phải là số hiệu văn bản.`, bad_agency: (r) => `Không tìm thấy cơ quan “${r}”.`,
    unavailable: "Kho dữ liệu đang không trả lời (Neo4j chưa chạy?). Thử lại sau ít phút.",
    empty_store: "Kho dữ liệu chưa có văn bản nào: hãy chạy lexgraph build trước (ví dụ: lexgraph build seeds/), rồi khởi động lại dịch vụ.",
    offline: "Không kết nối được máy chủ lexgraph.", failed: "Có lỗi ở máy chủ; thử lại sau.",
    number: "Số hiệu", type: "Loại văn bản", issuer: "Cơ quan ban hành", co_issuers: "Cơ quan cùng ban hành",
    issued: "Ngày ban hành", effective: "Ngày có hiệu lực", expires: "Hiệu lực đến hết ngày", status: "Tình trạng",
    unknown_date: "chưa rõ", since: (d) => `từ ${d}`, status_at: "Tình trạng vào ngày", show: "Xem",
    why: "Vì sao", evidence: "Câu làm bằng chứng", evidence_n: (n) => n > 1 ? `Bằng chứng (${n} câu)` : "Bằng chứng",
    schema: "Lược đồ", acts_on: "Văn bản này tác động đến", acted_on: "Các văn bản tác động đến văn bản này",
    nothing: "Không có.", show_all: (n) => `Hiện thêm ${n}`, chain: "Chuỗi thay thế", in_force_now: "Văn bản đang có hiệu lực (theo các văn bản đã đọc):",
    timeline: "Diễn biến", graph_of: "Xem đồ thị", json: "Dữ liệu JSON",
    title_graph: "Đồ thị quan hệ", ref_label: "Số hiệu văn bản hoặc tên cơ quan", depth: "Độ sâu", draw: "Vẽ",
    graph_hint: "Nhập số hiệu văn bản (ví dụ 42/2022/NĐ-CP) hoặc tên cơ quan (ví dụ Bộ TT&TT) rồi bấm Vẽ.",
    folded: (parts) => `Đã gộp, chưa vẽ: ${parts}.`, unfold: "Vẽ cả văn bản căn cứ và dẫn chiếu", fold: "Gộp lại",
    cut: (n) => `Hình vẽ dừng ở ${n} nút gần nhất: còn văn bản khác trong độ sâu này chưa được vẽ. Giảm độ sâu, hoặc mở trang văn bản để xem đủ.`,
    drawn: (n, m) => `${n} nút, ${m} cạnh`, nodes_list: "Các nút đã vẽ (bấm để mở trang)", agency: "Cơ quan",
    tap_hint: "Bấm vào một nút để mở trang của nó; bấm vào một cạnh để xem câu làm bằng chứng.",
    edge_of: (a, rel, b) => `${a} — ${rel} — ${b}`, docs_of_agency: (n) => `${n} văn bản do cơ quan này ban hành`,
    at_invalid: "Ngày không hợp lệ.", page_of: (x) => `lexgraph — ${x}`,
    parts: "Các phần của văn bản", parts_state: (d) => `Tình trạng từng phần vào ngày ${d}:`,
    not_read: "Văn bản này chưa được đọc toàn văn: chỉ có các phần mà văn bản khác tác động đến.",
    ended_parts: "Các phần đã hết hiệu lực:", effects: "Bảng tác động", effects_none: "Chưa văn bản nào đã đọc tác động đến từng phần của văn bản này.",
    col_part: "Phần bị tác động", col_effect: "Tác động", col_by: "Văn bản tác động (phần)", col_since: "Từ ngày", col_ev: "Câu làm bằng chứng",
    whole: "cả văn bản", effects_on: (n) => `${n} tác động`, of_holder: "(phần chứa nó)",
  },
  en: {
    skip: "Skip to content", nav_search: "Search", nav_graph: "Graph", nav_api: "API", other_lang: "Tiếng Việt",
    lang_hint: "Change the page's language", foot: "lexgraph reads texts and does not guess: every relation comes with the sentence that states it.",
    title_search: "Look up Vietnamese legal documents",
    lead: "Search by number (written any way), a law's name, or words of a title — with or without diacritics.",
    q_label: "Number, law name or words of the title", q_ph: "e.g. 42/2022/NĐ-CP, Luật Du lịch, dich vu cong truc tuyen",
    find: "Search", examples: "Examples:", found: (n) => `${n} document${n === 1 ? "" : "s"}`, exact: "Matches the number or name",
    none: (q) => `No document found for “${q}”.`, more: "Show more", did_you_mean: "Did you mean:",
    not_found: (r) => `No document “${r}”.`, ambiguous: (r) => `“${r}” names several documents — choose one:`,
    not_number: (r) => `“${r}” is not a document number.`, bad_agency: (r) => `No body “${r}”.`,
    unavailable: "The store is not answering (is Neo4j down?). Try again in a few minutes.",
    empty_store: "The store holds no documents yet: run lexgraph build first (e.g. lexgraph build seeds/), then start the service again.",
    offline: "Cannot reach the lexgraph service.", failed: "The service failed; try again later.",
    number: "Number", type: "Type", issuer: "Issued by", co_issuers: "Co-issued by", issued: "Date of issue",
    effective: "In force from", expires: "In force until the end of", status: "Status", unknown_date: "not stated",
    since: (d) => `since ${d}`, status_at: "Status on", show: "Show", why: "Why", evidence: "Evidence",
    evidence_n: (n) => n > 1 ? `Evidence (${n} sentences)` : "Evidence",
    schema: "Relations", acts_on: "What this text acts on", acted_on: "What acts on this text", nothing: "None.",
    show_all: (n) => `Show ${n} more`, chain: "Chain of replacements", in_force_now: "In force now, as far as the texts read say:",
    timeline: "Timeline", graph_of: "See the graph", json: "JSON data",
    title_graph: "Graph of relations", ref_label: "Document number or body name", depth: "Depth", draw: "Draw",
    graph_hint: "Type a document number (e.g. 42/2022/NĐ-CP) or a body (e.g. Bộ TT&TT), then Draw.",
    folded: (parts) => `Folded, not drawn: ${parts}.`, unfold: "Draw legal bases and citations too", fold: "Fold them",
    cut: (n) => `The drawing stops at the ${n} nearest nodes: other documents within this depth are not drawn. Lower the depth, or open the document's page to see them all.`,
    drawn: (n, m) => `${n} nodes, ${m} edges`, nodes_list: "Nodes drawn (select one to open its page)", agency: "Body",
    tap_hint: "Select a node to open its page; select an edge to read the sentence that states it.",
    edge_of: (a, rel, b) => `${a} — ${rel} — ${b}`, docs_of_agency: (n) => `${n} documents issued by this body`,
    at_invalid: "Not a valid date.", page_of: (x) => `lexgraph — ${x}`,
    parts: "Parts of the text", parts_state: (d) => `Each part's status on ${d}:`,
    not_read: "This text was not read in full: only the parts other texts act on are known.",
    ended_parts: "Parts no longer in force:", effects: "Table of effects", effects_none: "No text read acts on a part of this text.",
    col_part: "Affected part", col_effect: "Effect", col_by: "By (and part)", col_since: "From", col_ev: "Evidence",
    whole: "the whole text", effects_on: (n) => `${n} effect${n === 1 ? "" : "s"}`, of_holder: "(a part holding it)",
  },
};
const EFFECTS = {
  vi: {repealed: "bãi bỏ", amended: "sửa đổi", inserted: "bổ sung", replaced: "thay thế", words_substituted: "thay thế cụm từ",
       words_removed: "bỏ cụm từ", suspended: "đình chỉ thi hành", detailed: "quy định chi tiết", guided: "hướng dẫn"},
  en: {repealed: "repealed", amended: "amended", inserted: "inserted", replaced: "replaced", words_substituted: "words substituted",
       words_removed: "words removed", suspended: "suspended", detailed: "detailed", guided: "guided"},
};

const STATES = {
  vi: {in_force: "Còn hiệu lực", amended: "Còn hiệu lực, đã được sửa đổi, bổ sung", partly_in_force: "Hết hiệu lực một phần",
       replaced: "Hết hiệu lực — bị thay thế",
       repealed: "Hết hiệu lực — bị bãi bỏ", expired: "Hết hiệu lực — hết thời hạn", not_yet_in_force: "Chưa có hiệu lực",
       unknown: "Chưa rõ tình trạng", suspended: "Bị đình chỉ thi hành"},
  en: {in_force: "In force", amended: "In force, amended", partly_in_force: "Partly in force",
       replaced: "No longer in force — replaced",
       repealed: "No longer in force — repealed", expired: "No longer in force — its term ended",
       not_yet_in_force: "Not yet in force", unknown: "Status not known", suspended: "Suspended"},
};
const EVENTS_VI = {issued: "Ban hành", in_force: "Có hiệu lực", part_in_force: "Một phần có hiệu lực",
  amended: "Được sửa đổi, bổ sung bởi", replaced: "Bị thay thế bởi", repealed: "Bị bãi bỏ bởi",
  suspended: "Bị ngưng hiệu lực thi hành bởi",
  term_ends: "Hết thời hạn (văn bản tự quy định)", conflict: "Một ngày mâu thuẫn (không dùng)"};

let lang = (new URLSearchParams(location.search).get("lang") || localStorage.getItem("lexgraph.lang") || "vi") === "en" ? "en" : "vi";
/** append, leaving out the kids that are null or false */
function put(parent, ...kids) { for (const c of kids.flat()) if (c != null && c !== false) parent.append(c); return parent; }
const t = (k, ...a) => { const v = UI[lang][k]; return typeof v === "function" ? v(...a) : v; };
const main = document.getElementById("main");
let VOCAB = null;        // GET /vocabulary
let READY = null;        // the problem /ready answered with, or null when ready
let CY = null;

// ---- helpers ---------------------------------------------------------------------------------------------------
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of kids.flat()) if (c != null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
/** One line, at most n characters, cut at a word with "…" when anything is left out (the CLI's app/messages.clip). */
function clip(s, n) {
  s = String(s || "").replace(/\s+/g, " ").trim();
  if (s.length <= n) return s;
  let head = s.slice(0, n - 1);
  const cut = head.lastIndexOf(" ");
  if (s[head.length] !== " " && cut >= n / 2) head = head.slice(0, cut);
  return head.replace(/[\s,;:.\-–—(]+$/, "") + "…";
}
function fmtDate(d) {
  if (!d) return t("unknown_date");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m && lang === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : d;
}
const enc = encodeURIComponent;
const docHref = (key) => `#/document/${enc(key)}`;
const agencyHref = (id) => `#/graph?agency=${enc(id)}`;
function badge(state) { return el("span", {class: `badge state-${state}`, text: STATES[lang][state] || state}); }
function relation(id) { return (VOCAB && VOCAB.relations.find((r) => r.id === id)) || {id, label_vi: id, label_en: id, acting: true}; }
function relLabel(id) { const r = relation(id); return lang === "vi" ? r.label_vi : r.label_en; }
function typeColour(typeId) { const x = VOCAB && VOCAB.document_types.find((d) => d.id === typeId); return x ? x.colour : "#A5ABB6"; }

function evidenceBlock(evs) {
  if (!evs || !evs.length) return null;
  const d = el("details", {class: "evidence"}, el("summary", {}, t("evidence_n", evs.length)));
  for (const e of evs) d.append(el("blockquote", {}, e.sentence, el("span", {class: "source", text: `${e.source}:${e.start}-${e.end}`})));
  return d;
}

/** GET a JSON answer; a problem becomes an exception carrying status and body. */
async function api(path) {
  let r;
  try { r = await fetch(path, {headers: {Accept: "application/json"}}); } catch (_) { throw {status: 0, body: {}}; }
  let body = {};
  try { body = await r.json(); } catch (_) { /* not JSON */ }
  if (!r.ok) throw {status: r.status, body};
  return body;
}

/** The one message an error gets, in the page's language, with close matches or candidates as links. */
function problemMessage(err, ref, kind) {
  const box = el("div", {class: "message", role: "alert"});
  const b = err.body || {};
  if (err.status === 0) box.append(t("offline"));
  else if (err.status === 503 || b.empty_store) box.append(b.empty_store ? t("empty_store") : t("unavailable"));
  else if (err.status === 404) {
    box.append(kind === "agency" ? t("bad_agency", ref) : t("not_found", ref));
    const sug = b.suggestions || [];
    if (sug.length) box.append(" ", t("did_you_mean"), " ", ...sug.flatMap((s, i) => [i ? ", " : "", el("a", {href: kind === "agency" ? agencyHref(s) : docHref(s), text: s})]));
  } else if (err.status === 409) {
    box.append(t("ambiguous", ref), " ", ...(b.candidates || []).flatMap((s, i) => [i ? ", " : "", el("a", {href: docHref(s), text: s})]));
  } else if (err.status === 422) box.append(t("not_number", ref));
  else box.append(t("failed"));
  return box;
}

// ---- routing ---------------------------------------------------------------------------------------------------
function route() {
  const h = location.hash.replace(/^#/, "");
  if (h) {
    const [path, qs] = h.split("?");
    const params = new URLSearchParams(qs || "");
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "document" && parts.length > 1) return {view: "document", ref: decodeURIComponent(parts.slice(1).join("/")), params};
    if (parts[0] === "graph") return {view: "graph", ref: parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : "", params};
    return {view: "search", params};
  }
  const params = new URLSearchParams(location.search);
  if (location.pathname.replace(/\/$/, "") === "/graph/view") return {view: "graph", ref: params.get("ref") || "", params};
  return {view: "search", params};
}

async function render() {
  if (CY) { CY.destroy(); CY = null; window.cy = null; }
  const r = route();
  main.replaceChildren();
  if (r.view === "document") await documentView(r.ref, r.params);
  else if (r.view === "graph") await graphView(r.ref, r.params);
  else await searchView(r.params);
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.getElementById("lang").textContent = t("other_lang");
  document.getElementById("lang").setAttribute("lang", lang === "vi" ? "en" : "vi");
  showBanner();
}
function showBanner() {
  const b = document.getElementById("banner");
  if (READY) { b.hidden = false; b.textContent = READY.body && READY.body.empty_store ? t("empty_store") : (READY.status === 0 ? t("offline") : t("unavailable")); }
  else b.hidden = true;
}

// ---- search ----------------------------------------------------------------------------------------------------
async function searchView(params) {
  const q = (params.get("q") || "").trim();
  document.title = q ? t("page_of", q) : t("page_of", t("title_search"));
  const input = el("input", {type: "search", id: "q", name: "q", value: q, placeholder: t("q_ph"), autocomplete: "off"});
  const form = el("form", {class: "search", role: "search", onsubmit: (e) => {
    e.preventDefault(); location.hash = "#/?q=" + enc(input.value.trim());
  }}, el("div", {class: "field"}, el("label", {for: "q", text: t("q_label")}), input), el("button", {class: "primary", type: "submit", text: t("find")}));
  const ex = el("p", {class: "examples"}, t("examples"), " ",
    ...["42/2022/NĐ-CP", "Luật Du lịch", "nghi dinh 43/2011", "dịch vụ công trực tuyến"].map((x) => el("a", {href: "#/?q=" + enc(x), text: x})));
  put(main, el("h1", {text: t("title_search")}), el("p", {class: "lead", text: t("lead")}), form, ex);
  const out = el("section", {id: "results", "aria-label": t("find")});
  put(main, out);
  if (!q) { input.focus(); return; }
  await runSearch(q, out, 0);
}

async function runSearch(q, out, offset) {
  const limit = 20;
  const list = api(`/documents?${new URLSearchParams({q, limit, offset, state: "true"})}`);
  // a number or a law's name resolves on its own: shown first, when the words do not find it
  const exact = offset ? Promise.resolve(null) : api(`/documents/${enc(q)}`).then((d) => d, (e) => ({error: e}));
  let page;
  try { page = await list; } catch (e) { out.replaceChildren(problemMessage(e, q)); return; }
  const one = await exact;
  if (!offset) out.replaceChildren();
  let items = page.data;
  let ol = out.querySelector("ol.results");
  if (!ol) {
    const hit = one && !one.error ? one : null;
    if (hit && !items.some((d) => d.key === hit.key)) items = [{...hit, state: hit.status.state, exact: true}, ...items];
    const count = page.count + (hit && !page.data.some((d) => d.key === hit.key) ? 1 : 0);
    if (!items.length) {
      const e = one && one.error;
      if (e && (e.status === 404 || e.status === 409 || e.status === 503 || e.body.empty_store)) out.append(problemMessage(e, q));
      else out.append(el("div", {class: "message", role: "alert", text: t("none", q)}));
      return;
    }
    out.append(el("p", {class: "count", id: "count", text: t("found", count)}));
    ol = el("ol", {class: "results"});
    out.append(ol);
  }
  for (const d of items) ol.append(resultItem(d));
  out.querySelector("button.more")?.remove();
  if (offset + page.data.length < page.count) {
    out.append(el("button", {class: "link more", type: "button", text: t("more"), onclick: () => runSearch(q, out, offset + limit)}));
  }
}

function resultItem(d) {
  const label = d.number || d.name || d.key;
  return el("li", {},
    el("a", {class: "number", href: docHref(d.key), text: d.name && d.number ? `${d.name} ${d.number}` : `${d.type} ${label}`}),
    " ", d.state ? badge(d.state) : null,
    d.title ? el("p", {class: "title", text: clip(d.title, 220)}) : null,
    el("div", {class: "meta"},
      el("span", {}, `${t("type")}: ${d.type}`),
      d.issuer ? el("span", {}, `${t("issuer")}: ${lang === "vi" ? d.issuer.name : d.issuer.name_en}`) : null,
      el("span", {}, `${t("issued")}: ${d.date ? fmtDate(d.date) : (d.year || t("unknown_date"))}`),
      d.exact ? el("span", {}, t("exact")) : null));
}

// ---- a document's page -----------------------------------------------------------------------------------------
function reasonsVi(st, doc) {
  const out = [];
  if (st.effective) out.push(`Có hiệu lực từ ngày ${fmtDate(st.effective)}.`);
  else if (doc.date) out.push(`Chưa văn bản nào đã đọc nêu ngày có hiệu lực; ban hành ngày ${fmtDate(doc.date)}.`);
  else out.push("Chưa văn bản nào đã đọc nêu ngày ban hành hay ngày có hiệu lực.");
  const verb = {REPLACES: "Bị thay thế bởi", REPEALS: "Bị bãi bỏ bởi", AMENDS: "Được sửa đổi, bổ sung bởi",
                CITES: "Bị ngưng hiệu lực thi hành bởi"};
  for (const c of st.changes) {
    const when = c.since ? (c.basis === "effective" ? `, có hiệu lực từ ngày ${fmtDate(c.since)}` : `, ban hành ngày ${fmtDate(c.since)} (chưa rõ ngày có hiệu lực)`) : " (chưa rõ ngày)";
    out.push(`${verb[c.type] || c.type} ${c.label}${when}.`);
  }
  const at = fmtDate(st.at);
  if (st.state === "not_yet_in_force") out.push(`Vào ngày ${at} văn bản chưa có hiệu lực.`);
  else if (st.state === "expired") out.push(`Văn bản tự quy định thời hạn: có hiệu lực đến hết ngày ${fmtDate(doc.expires)}.`);
  else if (st.state === "in_force") out.push(`Đến ngày ${at}, chưa văn bản nào đã đọc thay thế hoặc bãi bỏ văn bản này.`);
  else if (st.state === "unknown") out.push("Chưa rõ văn bản còn hiệu lực vào ngày đó hay không.");
  else if (st.state === "suspended") out.push(`Vào ngày ${at} văn bản bị ngưng hiệu lực thi hành${st.since ? ` (từ ngày ${fmtDate(st.since)})` : ""}${st.until ? ` đến hết ngày ${fmtDate(st.until)}.` : "; các văn bản đã đọc không cho biết ngày kết thúc."}`);
  else if (st.state === "partly_in_force") out.push(`Hết hiệu lực một phần: ${st.parts.map(partLabelOf).join(", ")} đã bị bãi bỏ hoặc đình chỉ thi hành; phần còn lại còn hiệu lực.`);
  return out;
}

function statusBox(doc, at) {
  const st = doc.in_force;
  const input = el("input", {type: "date", id: "at", name: "at", value: at || st.at});
  const form = el("form", {onsubmit: (e) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) { input.setCustomValidity(t("at_invalid")); input.reportValidity(); return; }
    location.hash = `${docHref(doc.key)}?at=${input.value}`;
  }}, el("div", {class: "field"}, el("label", {for: "at", text: t("status_at")}), input), el("button", {class: "primary", type: "submit", text: t("show")}));
  const reasons = lang === "vi" ? reasonsVi(st, doc) : st.reasons;
  return el("section", {class: "status-box", "aria-labelledby": "status-h"},
    el("h2", {id: "status-h"}, `${t("status")} (${fmtDate(st.at)}): `, badge(st.state), st.since ? ` ${t("since", fmtDate(st.since))}` : ""),
    el("h3", {text: t("why")}), el("ul", {id: "reasons"}, ...reasons.map((x) => el("li", {text: x}))),
    evidenceBlock(st.evidence), form);
}

function relationEntry(r) {
  const href = r.other_kind === "agency" ? agencyHref(r.other) : docHref(r.other);
  const head = r.other_kind === "document" && r.other_type ? `${r.other_type} ${r.other_label}` : r.other_label;
  const li = el("li", {}, el("a", {href, text: head}), r.other_date ? el("span", {class: "meta"}, fmtDate(r.other_date)) : null);
  if (r.other_title) li.append(el("div", {class: "title", text: clip(r.other_title, 160)}));
  const ev = evidenceBlock(r.evidence);
  if (ev) {  // the summary previews the first sentence, cut at a word
    ev.querySelector("summary").textContent = `${t("evidence_n", r.evidence.length)}: “${clip(r.evidence[0].sentence, 90)}”`;
    li.append(ev);
  }
  return li;
}

function schemaColumn(doc, direction, id, title) {
  const sec = el("section", {id, "aria-labelledby": `${id}-h`}, el("h2", {id: `${id}-h`, text: title}));
  const rels = doc.relations.filter((r) => r.direction === direction);
  let any = false;
  for (const rt of VOCAB.relations.filter((r) => r.range === "Document")) {
    const heading = rt[`heading_${direction}_${lang}`];
    const group = rels.filter((r) => r.type === rt.id);
    if (!heading || !group.length) continue;
    any = true;
    const hid = `${id}-${rt.id}`;
    const ul = el("ul", {"aria-labelledby": hid});
    const first = 12;
    group.slice(0, first).forEach((r) => ul.append(relationEntry(r)));
    sec.append(el("h3", {id: hid, "data-relation": rt.id}, `${heading} (${group.length})`), ul);
    if (group.length > first) {
      const more = el("button", {class: "link", type: "button", text: t("show_all", group.length - first), onclick: () => {
        group.slice(first).forEach((r) => ul.append(relationEntry(r))); more.remove();
      }});
      sec.append(more);
    }
  }
  if (!any) sec.append(el("p", {class: "empty", text: t("nothing")}));
  return sec;
}

async function documentView(ref, params) {
  const at = params.get("at") || "";
  document.title = t("page_of", ref);
  put(main, el("p", {class: "count", text: "…"}));
  let doc, chain = null, timeline = null, parts = null, effects = null;
  try {
    doc = await api(`/documents/${enc(ref)}` + (at ? `?at=${enc(at)}` : ""));
    [chain, timeline, parts, effects] = await Promise.all([
      api(`/documents/${enc(doc.key)}/replaced-by`).catch(() => null),
      api(`/documents/${enc(doc.key)}/timeline`).catch(() => null),
      api(`/documents/${enc(doc.key)}/parts` + (at ? `?at=${enc(at)}` : "")).catch(() => null),
      api(`/documents/${enc(doc.key)}/effects`).catch(() => null)]);
  } catch (e) { main.replaceChildren(el("h1", {text: ref}), problemMessage(e, ref)); return; }
  main.replaceChildren();
  const label = doc.number || doc.name || doc.key;
  const heading = doc.name && doc.number ? `${doc.name} ${doc.number}` : `${doc.type} ${label}`;
  document.title = t("page_of", heading);
  const issuer = (a) => el("a", {href: agencyHref(a.id), text: lang === "vi" ? a.name : `${a.name_en} (${a.name})`});
  put(main, 
    el("h1", {id: "doc-title", text: heading}),
    doc.title ? el("p", {class: "lead", text: doc.title}) : null,
    el("dl", {class: "facts"},
      el("dt", {text: t("number")}), el("dd", {text: label}),
      el("dt", {text: t("type")}), el("dd", {text: doc.type}),
      el("dt", {text: t("issuer")}), el("dd", {}, doc.issuer ? issuer(doc.issuer) : t("unknown_date")),
      doc.co_issuers.length ? [el("dt", {text: t("co_issuers")}), el("dd", {}, ...doc.co_issuers.flatMap((a, i) => [i ? ", " : "", issuer(a)]))] : null,
      el("dt", {text: t("issued")}), el("dd", {text: doc.date ? fmtDate(doc.date) : (doc.year || t("unknown_date"))}),
      el("dt", {text: t("effective")}), el("dd", {text: fmtDate(doc.effective)}),
      doc.expires ? [el("dt", {text: t("expires")}), el("dd", {text: fmtDate(doc.expires)})] : null,
      el("dt", {text: t("status")}), el("dd", {id: "doc-state"}, badge(doc.status.state))),
    el("div", {class: "actions"}, el("a", {href: `#/graph/${enc(doc.key)}`, text: t("graph_of")}),
      el("a", {href: `/documents/${enc(doc.key)}`, text: t("json")})),
    statusBox(doc, at));
  if (chain && chain.chain.length) {
    const ol = el("ol", {class: "chain"}, el("li", {}, el("strong", {text: label})));
    for (const s of chain.chain) {
      const li = el("li", {}, el("a", {href: docHref(s.document.key), text: `${s.document.type} ${s.document.number || s.document.key}`}),
        s.document.date ? ` (${fmtDate(s.document.date)})` : "");
      const ev = evidenceBlock(s.evidence); if (ev) li.append(ev);
      ol.append(li);
    }
    const last = chain.in_force;
    put(main, el("section", {id: "chain", "aria-labelledby": "chain-h"}, el("h2", {id: "chain-h", text: t("chain")}), ol,
      last ? el("p", {}, t("in_force_now"), " ", el("a", {href: docHref(last.key), text: last.number || last.key})) : null));
  }
  put(main, el("h2", {text: t("schema")}),
    el("div", {class: "schema", id: "schema"}, schemaColumn(doc, "out", "acts-on", t("acts_on")), schemaColumn(doc, "in", "acted-on", t("acted_on"))));
  if (parts && parts.count) put(main, partsSection(parts, effects ? effects.data : []));
  if (effects && (effects.count || (parts && parts.count))) put(main, effectsSection(effects.data));
  if (timeline && timeline.data.length) {
    const names = Object.fromEntries(doc.relations.map((r) => [r.other, r.other_label]));
    const ol = el("ol", {class: "timeline", id: "timeline"});
    for (const e of timeline.data) {
      const what = lang === "vi" ? (EVENTS_VI[e.kind] || e.kind) : e.text;
      const li = el("li", {}, el("span", {class: "when", text: e.date ? fmtDate(e.date) : "?"}), what);
      if (lang === "vi" && e.other) li.append(" ", el("a", {href: docHref(e.other), text: names[e.other] || e.other}));
      const ev = evidenceBlock(e.evidence); if (ev) li.append(ev);
      ol.append(li);
    }
    put(main, el("h2", {text: t("timeline")}), ol);
  }
}

// ---- a document's parts and the effects on them (issue 25) --------------------------------------------------------
const effectWord = (k) => EFFECTS[lang][k] || k;
function byLink(e) {
  return el("span", {}, el("a", {href: docHref(e.by), text: e.by_label}), e.by_part ? ` (${partLabelOf(e.by_part)})` : "");
}
/** 'dieu_8/khoan_2' -> 'khoản 2 Điều 8' (graph.provisions.label_of) */
function partLabelOf(id) {
  const words = {phan: "Phần", chuong: "Chương", muc: "Mục", dieu: "Điều", khoan: "khoản", diem: "điểm", phu_luc: "Phụ lục", kem_theo: "Kèm theo", mau: "Mẫu"};
  return id.split("/").map((seg) => {
    const m = /^(phu_luc|kem_theo|phan|chuong|muc|dieu|khoan|diem|mau)(?:_(.+))?$/.exec(seg);
    if (!m) return seg;
    const n = m[1] === "diem" && m[2] === "dd" ? "đ" : (m[2] || "");
    return `${words[m[1]]} ${n}`.trim();
  }).reverse().join(" ");
}
function effectLine(e, holder) {
  const li = el("li", {}, el("span", {class: "when", text: e.since ? fmtDate(e.since) : "?"}),
    `${effectWord(e.kind)} `, holder ? `${e.part_labels.join(", ")} ${t("of_holder")} ` : "", byLink(e));
  const ev = evidenceBlock([e.evidence]);
  ev.querySelector("summary").textContent = `“${clip(e.evidence.sentence, 90)}”`;
  li.append(ev);
  return li;
}
function partNode(p, byPart) {
  const own = byPart.get(p.id) || [];
  const head = [el("span", {class: "part-label", text: p.label}), p.heading ? el("span", {class: "part-heading", text: `. ${p.heading}`}) : null,
    " ", badge(p.state), p.since && p.state !== "in_force" ? el("span", {class: "meta", text: t("since", fmtDate(p.since))}) : null];
  const body = [];
  if (own.length) body.push(el("ul", {class: "part-effects"}, own.map((e) => effectLine(e, false))));
  if (p.children.length) body.push(el("ul", {class: "parts"}, p.children.map((c) => partNode(c, byPart))));
  if (!body.length) return el("li", {class: "part", "data-part": p.id, "data-state": p.state}, ...head);
  const open = own.length > 0 || p.state !== "in_force";
  return el("li", {class: "part", "data-part": p.id, "data-state": p.state},
    el("details", {open}, el("summary", {}, ...head, own.length ? el("span", {class: "meta", text: t("effects_on", own.length)}) : null), ...body));
}
function partsSection(parts, effects) {
  const byPart = new Map();
  for (const e of effects) for (const id of e.parts) { if (!byPart.has(id)) byPart.set(id, []); byPart.get(id).push(e); }
  const sec = el("section", {id: "parts", "aria-labelledby": "parts-h"},
    el("h2", {id: "parts-h"}, `${t("parts")} (${parts.count})`),
    el("p", {}, t("parts_state", fmtDate(parts.at)), " ", badge(parts.state)),
    parts.read_in_full ? null : el("p", {class: "note", text: t("not_read")}));
  if (parts.ended_parts.length) {
    sec.append(el("p", {id: "ended-parts"}, t("ended_parts"), " ",
      ...parts.ended_parts.flatMap((e, i) => [i ? "; " : "", `${e.label} (${STATES[lang][e.state] || e.state}${e.since ? ", " + t("since", fmtDate(e.since)) : ""})`])));
  }
  sec.append(el("ul", {class: "parts tree"}, parts.parts.map((p) => partNode(p, byPart))));
  return sec;
}
function effectsSection(rows) {
  const sec = el("section", {id: "effects", "aria-labelledby": "effects-h"}, el("h2", {id: "effects-h", text: t("effects")}));
  if (!rows.length) { sec.append(el("p", {class: "empty", text: t("effects_none")})); return sec; }
  const head = el("tr", {}, ...["col_part", "col_effect", "col_by", "col_since", "col_ev"].map((k) => el("th", {scope: "col", text: t(k)})));
  const body = rows.map((e) => {
    const ev = evidenceBlock([e.evidence]);
    ev.querySelector("summary").textContent = `“${clip(e.evidence.sentence, 60)}”`;
    return el("tr", {"data-kind": e.kind}, el("td", {text: e.part_labels.join(", ") || t("whole")}), el("td", {text: effectWord(e.kind)}),
      el("td", {}, byLink(e)), el("td", {text: e.since ? fmtDate(e.since) : "?"}), el("td", {}, ev));
  });
  sec.append(el("div", {class: "table-wrap"}, el("table", {class: "effects"}, el("thead", {}, head), el("tbody", {}, body))));
  return sec;
}

// ---- the graph -------------------------------------------------------------------------------------------------
async function graphView(ref, params) {
  const agency = params.get("agency") || "";
  const depth = ["0", "1", "2", "3"].includes(params.get("depth")) ? params.get("depth") : "1";
  const unfolded = params.get("all") === "1";
  document.title = t("page_of", t("title_graph") + (ref || agency ? `: ${ref || agency}` : ""));
  const input = el("input", {type: "text", id: "ref", name: "ref", value: ref || agency, placeholder: "42/2022/NĐ-CP"});
  const sel = el("select", {id: "depth", name: "depth"}, ...["0", "1", "2", "3"].map((d) => el("option", {value: d, selected: d === depth, text: d})));
  const form = el("form", {class: "graph", onsubmit: (e) => {
    e.preventDefault();
    const v = input.value.trim();
    if (!v) return;
    // a number draws the document; a body's name or code (no digit in it) draws the body
    location.hash = /\d/.test(v) ? `#/graph/${enc(v)}?depth=${sel.value}` : `#/graph?agency=${enc(v)}`;
  }}, el("div", {class: "field grow"}, el("label", {for: "ref", text: t("ref_label")}), input),
     el("div", {class: "field"}, el("label", {for: "depth", text: t("depth")}), sel),
     el("button", {class: "primary", type: "submit", text: t("draw")}));
  const message = el("div", {id: "message", class: "message", role: "alert"});
  const notice = el("div", {id: "notice", class: "notice", role: "status"});
  const cut = el("div", {id: "cut", class: "notice cut", role: "status"});
  const side = el("aside", {class: "graph-side", id: "side", "aria-label": t("nodes_list")});
  const box = el("div", {id: "graph", role: "img", "aria-label": t("title_graph")});
  put(main, el("h1", {text: t("title_graph")}), form, message, cut, notice, el("div", {class: "graph-wrap"}, box, side));
  if (!ref && !agency) { side.append(el("p", {text: t("graph_hint")})); input.focus(); return; }
  let data;
  try {
    const limit = /^\d{1,4}$/.test(params.get("limit") || "") ? params.get("limit") : "300";
    data = await api(agency ? `/agencies/${enc(agency)}/graph?limit=${limit}` : `/graph?${new URLSearchParams({ref, depth, limit})}`);
  } catch (e) { message.replaceWith(problemMessage(e, ref || agency, agency ? "agency" : "document")); return; }
  draw(data, {box, side, notice, cut, unfolded, ref, agency, depth});
}

function draw(data, o) {
  const acting = new Set(VOCAB.relations.filter((r) => r.acting).map((r) => r.id));
  const start = data.start;
  // what is drawn: the start and what acting relations reach from it; legal bases and citations are counted
  let shown = new Set([start]);
  if (o.unfolded || o.agency) shown = new Set(data.nodes.map((n) => n.id));
  else {
    const adj = {};
    for (const e of data.edges) if (acting.has(e.type)) {
      (adj[e.source] ||= []).push(e.target); (adj[e.target] ||= []).push(e.source);
    }
    const todo = [start];
    while (todo.length) { const k = todo.pop(); for (const n of adj[k] || []) if (!shown.has(n)) { shown.add(n); todo.push(n); } }
  }
  const hidden = {};  // relation type -> documents not drawn
  for (const e of data.edges) {
    if (shown.has(e.source) && shown.has(e.target)) continue;
    const other = shown.has(e.source) ? e.target : e.source;
    const key = `${e.type}|${shown.has(e.source) ? "out" : "in"}`;
    (hidden[key] ||= new Set()).add(other);
  }
  const parts = Object.entries(hidden).map(([k, s]) => {
    const [type, dir] = k.split("|"); const r = relation(type);
    return `${s.size} ${(r[`heading_${dir}_${lang}`] || relLabel(type)).toLowerCase()}`;
  });
  o.notice.replaceChildren();
  if (parts.length) {
    o.notice.append(t("folded", parts.join("; ")), " ",
      el("a", {href: `#/graph/${enc(o.ref)}?depth=${o.depth}&all=1`, id: "unfold", text: t("unfold")}));
  } else if (o.unfolded && !o.agency) {
    o.notice.append(el("a", {href: `#/graph/${enc(o.ref)}?depth=${o.depth}`, text: t("fold")}));
  }
  o.cut.textContent = data.truncated ? t("cut", data.limit) : "";

  const used = new Map();
  const elements = [];
  for (const n of data.nodes) {
    if (!shown.has(n.id)) continue;
    const colour = n.kind === "agency" ? VOCAB.agency_colour : typeColour(n.type_id);
    used.set(n.kind === "agency" ? t("agency") : n.type, colour);
    elements.push({data: {id: n.id, label: n.label, colour, kind: n.kind, start: n.id === start ? 1 : 0, info: n}});
  }
  let m = 0;
  data.edges.forEach((e, i) => {
    if (!shown.has(e.source) || !shown.has(e.target)) return;
    m += 1;
    elements.push({data: {id: "e" + i, source: e.source, target: e.target, label: relLabel(e.type), type: e.type,
      folded: acting.has(e.type) ? 0 : 1, info: e}});
  });
  const small = elements.length - m <= 40;
  const cy = cytoscape({
    container: o.box, elements,
    style: [
      {selector: "node", style: {"background-color": "data(colour)", label: "data(label)", "font-size": 12, "text-valign": "bottom",
        "text-margin-y": 4, color: "#1d232b", "text-outline-width": 3, "text-outline-color": "#fff", width: 34, height: 34,
        "text-wrap": "ellipsis", "text-max-width": 150}},
      {selector: "node[start = 1]", style: {width: 52, height: 52, "border-width": 4, "border-color": "#1d232b", "font-size": 14, "font-weight": "bold"}},
      {selector: "node[kind = 'agency']", style: {shape: "round-rectangle", width: 46, height: 30}},
      {selector: "edge", style: {"curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)", "font-size": 9,
        width: 2, "line-color": "#8c96a1", "target-arrow-color": "#8c96a1", "text-rotation": "autorotate", "text-background-color": "#fff",
        "text-background-opacity": 0.85, "text-background-padding": 1}},
      {selector: "edge[folded = 1]", style: {"line-style": "dashed", "line-color": "#c3c9d0", "target-arrow-color": "#c3c9d0", width: 1}},
      {selector: "edge[type = 'REPLACES'], edge[type = 'REPEALS']", style: {"line-color": "#EB2728", "target-arrow-color": "#EB2728", width: 3}},
      {selector: "edge[type = 'AMENDS']", style: {"line-color": "#F36924", "target-arrow-color": "#F36924", width: 3}},
      {selector: ":selected", style: {"overlay-opacity": 0.15}},
    ],
    layout: small && !o.agency ? {name: "concentric", concentric: (n) => n.data("start") ? 2 : 1, levelWidth: () => 1,
      minNodeSpacing: 150, startAngle: 7 / 4 * Math.PI, animate: false}
      : {name: o.agency ? "concentric" : "cose", animate: false, nodeRepulsion: 12000, idealEdgeLength: 140,
         concentric: (n) => n.data("start") ? 2 : 1, levelWidth: () => 1, minNodeSpacing: 10},
  });
  if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }  // a few nodes are not drawn as a poster
  CY = cy; window.cy = cy;
  cy.on("tap", "node", (ev) => {
    const n = ev.target.data("info");
    location.hash = n.kind === "agency" ? agencyHref(n.id) : docHref(n.id);
  });
  cy.on("tap", "edge", (ev) => showEdge(ev.target.data("info"), data, o.side));

  // beside the drawing: the legend, and every node as a link (the keyboard's way in), and the evidence of an edge
  const legend = el("div", {class: "legend"});
  for (const [name, c] of used) { const i = el("i"); i.style.background = c; legend.append(el("span", {}, i, name)); }
  const list = el("ul", {id: "nodes"});
  for (const n of data.nodes) if (shown.has(n.id)) {
    list.append(el("li", {}, el("a", {href: n.kind === "agency" ? agencyHref(n.id) : docHref(n.id), text: n.label}),
      n.kind === "document" && n.title ? el("span", {class: "meta"}, clip(n.title, 70)) : null));
  }
  o.side.replaceChildren(el("p", {class: "count", id: "drawn", text: t("drawn", elements.length - m, m) + (o.agency ? ` — ${t("docs_of_agency", data.nodes.length - 1)}` : "")}),
    el("p", {text: t("tap_hint")}), legend, el("div", {id: "edge-info", "aria-live": "polite"}),
    el("h2", {text: t("nodes_list")}), list);
}

function showEdge(e, data, side) {
  const name = (id) => (data.nodes.find((n) => n.id === id) || {label: id}).label;
  const box = side.querySelector("#edge-info");
  box.replaceChildren(el("h3", {text: t("edge_of", name(e.source), relLabel(e.type), name(e.target))}),
    e.evidence ? el("blockquote", {text: e.evidence}) : null);
}

// ---- start -----------------------------------------------------------------------------------------------------
document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "vi" ? "en" : "vi";
  localStorage.setItem("lexgraph.lang", lang);
  applyLanguage();
  render();
});
window.addEventListener("hashchange", () => { render().then(() => main.focus({preventScroll: true})); });

(async function start() {
  applyLanguage();
  try { VOCAB = await api("/vocabulary"); } catch (_) { VOCAB = {relations: [], document_types: [], agency_colour: "#6C3483"}; }
  try { await api("/ready"); READY = null; } catch (e) { READY = e; }
  showBanner();
  await render();
  document.body.dataset.ready = "1";
})();
