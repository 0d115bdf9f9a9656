/* newsarchive: small progressive enhancements; every page works without this file. */
"use strict";

// Re-run the search when the sort order or the "hide copies" box changes.
document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
  control.addEventListener("change", function () { control.form.submit(); });
});

// Combobox type-ahead (ARIA 1.2 combobox + listbox): the input keeps focus, arrows move the active option
// (aria-activedescendant), Enter picks it, Escape closes. Two kinds:
//  - official names (data-typeahead): /api/v1/officials?q=… → options linking to profiles (province and
//    main title shown, so namesakes stay apart); picking one opens the profile;
//  - known titles (data-suggest): /api/v1/officials/titles?q=… → picking one fills the input.
function combobox(input, fetchOptions, pick) {
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var status = input.getAttribute("aria-describedby") && document.getElementById(input.getAttribute("aria-describedby"));
  var timer = null, controller = null, active = -1;

  function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
  function setActive(index) {
    var all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) { input.setAttribute("aria-activedescendant", all[active].id); all[active].scrollIntoView({ block: "nearest" }); }
    else { input.removeAttribute("aria-activedescendant"); }
  }
  function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); setActive(-1); }
  function show(items) {
    list.replaceChildren();
    items.forEach(function (item, i) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.id = list.id + "-" + i;
      option.appendChild(item.node);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); pick(item, input); close(); });
      option.dataset.index = i;
      list.appendChild(option);
      option.item = item;
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    active = -1;
    if (status) { status.textContent = items.length + " " + (input.dataset.matches || ""); }
  }
  function lookup() {
    var q = input.value.trim();
    if (q.length < 2) { show([]); return; }
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetchOptions(q, controller.signal).then(show).catch(function () { /* aborted or offline: the form still works */ });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(options()[active].item, input); close(); }
  });
}

function getJson(url, signal) {
  return fetch(url, { signal: signal }).then(function (response) { return response.ok ? response.json() : null; });
}

document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
  combobox(input, function (q, signal) {
    return getJson(input.dataset.typeahead + "?q=" + encodeURIComponent(q), signal).then(function (officials) {
      return (officials || []).slice(0, 10).map(function (official) {
        var link = document.createElement("a");
        link.href = input.dataset.profileUrl.replace("__id__", encodeURIComponent(official.id));
        link.tabIndex = -1;
        link.textContent = official.name;
        var where = document.createElement("span");
        where.className = "muted";
        where.textContent = " " + official.province + (official.main_title ? " · " + official.main_title : "");
        link.appendChild(where);
        return { node: link, href: link.href };
      });
    });
  }, function (item) { window.location.href = item.href; });
});

document.querySelectorAll("input[data-suggest]").forEach(function (input) {
  combobox(input, function (q, signal) {
    return getJson(input.dataset.suggest + "?q=" + encodeURIComponent(q), signal).then(function (answer) {
      return ((answer && answer.titles) || []).map(function (title) {
        var text = document.createElement("span");
        text.textContent = title;
        return { node: text, value: title };
      });
    });
  }, function (item, field) { field.value = item.value; });
});
