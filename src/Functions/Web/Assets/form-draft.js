// A draft of the proposal form kept on the device (localStorage) as the applicant types, restored when the form is
// opened again blank (after a reload, or after the browser killed the tab while the file picker was open; issue 16
// item 2). Files cannot be kept: the status line says so. The draft is removed once the proposal is sent (form.js
// raises "proposal-sent"). Nothing leaves the device; without script or storage the form works as before.
(function () {
  'use strict';

  var form = document.getElementById('proposal-form');
  var status = document.getElementById('draft-status');
  var KEY = 'khuyencong.proposal-draft.v1';
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(KEY + '.probe', '1');
    storage.removeItem(KEY + '.probe');
  } catch (e) {
    storage = null;
  }

  if (!form || !storage) {
    return;
  }

  function controls() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== 'file' && el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button';
    });
  }

  // Every value by field name, in page order (the beneficiary rows repeat their names); ticked boxes by their value.
  function collect() {
    var values = {};
    controls().forEach(function (el) {
      var list = values[el.name] || (values[el.name] = []);
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) {
          list.push(el.value);
        }
      } else {
        list.push(el.value);
      }
    });
    return values;
  }

  function isBlank() {
    return controls().every(function (el) {
      return el.type === 'checkbox' || el.type === 'radio' ? true : el.value === '';
    });
  }

  function say(key) {
    if (status && status.getAttribute('data-' + key)) {
      var time = new Date().toTimeString().slice(0, 5);
      status.textContent = status.getAttribute('data-' + key).replace('{time}', time);
      status.hidden = false;
    }
  }

  // While the draft is put back, the change events the restore raises (so the parts that follow the choices update)
  // must not save it again: that would replace "restored" in the status line within half a second.
  var restoring = false;
  var timer = null;
  function save() {
    if (restoring) {
      return;
    }

    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      try {
        storage.setItem(KEY, JSON.stringify({ savedAt: new Date().toISOString(), values: collect() }));
        say('saved');
      } catch (e) {
        // A full storage keeps the form working; there is just no draft.
      }
    }, 400);
  }

  function restore() {
    var draft;
    try {
      draft = JSON.parse(storage.getItem(KEY) || 'null');
    } catch (e) {
      draft = null;
    }

    if (!draft || !draft.values || !isBlank()) {
      return;
    }

    var values = draft.values;
    var rows = values.beneficiaryName ? values.beneficiaryName.length : 0;
    var add = document.getElementById('add-beneficiary');
    while (add && form.querySelectorAll('[name="beneficiaryName"]').length < rows) {
      add.click();
    }

    var seen = {};
    controls().forEach(function (el) {
      var list = values[el.name];
      if (!list) {
        return;
      }

      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = list.indexOf(el.value) >= 0;
      } else {
        var i = seen[el.name] || 0;
        seen[el.name] = i + 1;
        if (i < list.length) {
          el.value = list[i];
        }
      }
    });
    // The parts that follow the choices (documents, list fields, the cap box) update as if chosen by hand.
    restoring = true;
    try {
      ['callId', 'entityType', 'kind', 'activity', 'province', 'fundingSource'].forEach(function (name) {
        var el = form.elements.namedItem(name);
        var target = el && el.length !== undefined && !el.tagName ? el[0] : el;
        if (target) {
          target.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
    } finally {
      restoring = false;
    }

    say('restored');
  }

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('proposal-sent', function () {
    window.clearTimeout(timer);
    storage.removeItem(KEY);
  });
  restore();
})();
