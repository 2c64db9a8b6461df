/* Khuyến công: the proposal form. Plain JavaScript, no build step. With form-values.js (the rules and how a field reads)
   and form-caps.js (the cap box), loaded before it: checks each field as the user leaves or corrects it, shows the
   messages at the fields and in the summary, lists the chosen files, and sends the form with XMLHttpRequest so that the
   upload shows its progress. Without these scripts the form still posts. */
(function () {
  'use strict';

  var K = window.KhuyenCongForm;
  if (!K) {
    return;
  }

  var form = K.form;
  var rules = K.rules;
  var texts = K.texts;
  var attachmentRules = K.attachmentRules;
  var fieldRules = K.fieldRules;
  var fileInput = K.fileInput;
  var format = K.format;
  var formatAmount = K.formatAmount;
  var formatSize = K.formatSize;
  var newKey = K.newKey;
  var element = K.element;
  var read = K.read;
  var problem = K.problem;
  var updateCapBox = K.updateCapBox || function () {};

  var touched = {};
  var sending = false;
  var succeeded = false;
  var idempotencyKey = newKey();

  var summary = document.getElementById('error-summary');
  var summaryList = document.getElementById('error-summary-list');
  var submitButton = document.getElementById('submit-button');
  var progress = document.getElementById('upload-progress');
  var percentText = document.getElementById('upload-percent');
  var submitMessage = document.getElementById('submit-message');

  // The script validates and shows its own messages in the page language.
  form.noValidate = true;

  /* ---------- showing errors ---------- */

  function showError(name, message) {
    var errorElement = document.getElementById(name + '-error');
    var control = element(name) || document.getElementById(name);
    var field = document.getElementById('field-' + name);
    if (!errorElement) {
      return false;
    }

    errorElement.textContent = message || '';
    if (control && control.setAttribute) {
      if (message) {
        control.setAttribute('aria-invalid', 'true');
      } else {
        control.removeAttribute('aria-invalid');
      }
    }

    if (field) {
      field.classList.toggle('has-error', Boolean(message));
    }

    return true;
  }

  function check(name) {
    var message = problem(name);
    showError(name, message);
    return message;
  }

  function allNames() {
    return rules.fields.map(function (r) { return r.name; }).concat([attachmentRules.field]);
  }

  function hideSummary() {
    summary.hidden = true;
    summaryList.textContent = '';
  }

  // items: [{ name, message }]; name null for a message that belongs to no field.
  function showSummary(items) {
    summaryList.textContent = '';
    items.forEach(function (item) {
      var li = document.createElement('li');
      if (item.name && document.getElementById(item.name)) {
        var link = document.createElement('a');
        link.href = '#' + item.name;
        link.textContent = item.message;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          var target = document.getElementById(item.name);
          var field = document.getElementById('field-' + item.name) || target;
          field.scrollIntoView({ block: 'start' });
          target.focus({ preventScroll: true });
        });
        li.appendChild(link);
      } else {
        li.textContent = item.message;
      }

      summaryList.appendChild(li);
    });
    summary.hidden = false;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }

  /* ---------- attachments list ---------- */

  function updateFileList() {
    var list = document.getElementById('attachments-list');
    var summaryLine = document.getElementById('attachments-summary');
    if (!fileInput || !list) {
      return;
    }

    list.textContent = '';
    var files = Array.prototype.slice.call(fileInput.files || []);
    var total = 0;
    files.forEach(function (file) {
      total += file.size;
      var li = document.createElement('li');
      li.textContent = file.name + ' (' + formatSize(file.size) + ')';
      list.appendChild(li);
    });
    summaryLine.textContent = files.length > 0 ? format(texts.filesSelected, { count: files.length, size: formatSize(total) }) : '';
  }

  /* ---------- events ---------- */

  var dependants = {
    totalCost: ['requestedSupport', 'ownContribution'],
    requestedSupport: ['ownContribution'],
    startDate: ['endDate'],
  };

  function revalidate(name) {
    if (touched[name]) {
      check(name);
    }

    (dependants[name] || []).forEach(function (other) {
      if (touched[other]) {
        check(other);
      }
    });
  }

  function tidy(name) {
    var el = element(name);
    var rule = fieldRules[name];
    if (!el || !rule) {
      return;
    }

    if (rule.kind === 'amount') {
      var amount = read(name).value;
      if (amount !== undefined) {
        el.value = formatAmount(amount);
      }
    } else if (rule.kind === 'date' && /^\s*[0-9]{8}\s*$/.test(el.value) && el.getAttribute('data-date-format')) {
      // The number pad has no slash: "31032026" is 31/03/2026.
      var typed = el.value.trim();
      el.value = typed.slice(0, 2) + '/' + typed.slice(2, 4) + '/' + typed.slice(4);
    } else if (rule.kind === 'taxCode' && /^\s*[0-9]{13}\s*$/.test(el.value)) {
      // The number pad of phones has no dash: "0101234567001" is the branch code 0101234567-001.
      var digits = el.value.trim();
      el.value = digits.slice(0, 10) + '-' + digits.slice(10);
    }
  }

  form.addEventListener('focusout', function (event) {
    var name = event.target && event.target.name;
    if (!name || (!fieldRules[name] && name !== attachmentRules.field)) {
      return;
    }

    tidy(name);
    touched[name] = true;
    revalidate(name);
    updateCapBox();
  });

  form.addEventListener('input', function (event) {
    var name = event.target && event.target.name;
    if (!name || !fieldRules[name]) {
      return;
    }

    revalidate(name);
    updateCapBox();
  });

  form.addEventListener('change', function (event) {
    var name = event.target && event.target.name;
    if (name === attachmentRules.field) {
      touched[name] = true;
      updateFileList();
      check(name);
      return;
    }

    if (name && fieldRules[name] && event.target.tagName === 'SELECT') {
      touched[name] = true;
      check(name);
    }

    updateCapBox();
  });

  /* ---------- sending ---------- */

  function setSending(on) {
    sending = on;
    submitButton.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    progress.hidden = !on;
    if (!on) {
      percentText.textContent = '';
    }
  }

  function showProgress(percent) {
    progress.value = percent;
    var announced = Math.floor(percent / 10) * 10;
    if (percentText.getAttribute('data-step') !== String(announced) || percent === 100) {
      percentText.setAttribute('data-step', String(announced));
      percentText.textContent = format(texts.sending, { percent: percent });
    }
  }

  function fail(message) {
    setSending(false);
    submitMessage.textContent = message;
    submitMessage.hidden = false;
  }

  function parseJson(xhr) {
    try {
      return JSON.parse(xhr.responseText);
    } catch (e) {
      return null;
    }
  }

  function fieldNameFor(key) {
    var names = allNames();
    for (var i = 0; i < names.length; i++) {
      if (names[i].toLowerCase() === String(key).toLowerCase()) {
        return names[i];
      }
    }

    return null;
  }

  function showServerErrors(body) {
    if (K.leaveCheck) {
      K.leaveCheck();
    }

    allNames().forEach(function (name) { showError(name, null); });
    var items = [];
    var errors = body && body.errors && typeof body.errors === 'object' ? body.errors : {};
    Object.keys(errors).forEach(function (key) {
      var messages = [].concat(errors[key]).filter(function (m) { return typeof m === 'string' && m.length > 0; });
      if (messages.length === 0) {
        return;
      }

      var name = fieldNameFor(key);
      var text = messages.join(' ');
      if (name && showError(name, text)) {
        touched[name] = true;
        items.push({ name: name, message: text });
      } else {
        items.push({ name: null, message: text });
      }
    });
    if (items.length === 0) {
      items.push({ name: null, message: (body && (body.detail || body.title)) || texts.serverInvalid });
    }

    showSummary(items);
  }

  function onResponse(xhr) {
    var status = xhr.status;
    var body = parseJson(xhr);
    if (status === 201 && body && typeof body.trackingCode === 'string' && body.trackingCode.length > 0) {
      succeeded = true;
      form.dispatchEvent(new CustomEvent('proposal-sent'));
      progress.value = 100;
      percentText.textContent = texts.sent;
      window.location.assign('/track/' + encodeURIComponent(body.trackingCode) + '?submitted=1');
      return;
    }

    // The server refused this content: nothing was created, so the corrected form is a new request with a new key.
    // For anything else the outcome is unknown, and a retry must carry the same key.
    if (status === 400) {
      idempotencyKey = newKey();
      setSending(false);
      showServerErrors(body);
    } else if (status === 413) {
      idempotencyKey = newKey();
      showError(attachmentRules.field, texts.tooLarge);
      fail(texts.tooLarge);
    } else if (status === 415) {
      idempotencyKey = newKey();
      showError(attachmentRules.field, texts.unsupportedType);
      fail(texts.unsupportedType);
    } else if (status === 0 || status === 408 || status === 409 || status === 429 || status === 502 || status === 503 || status === 504) {
      fail(texts.tryAgain);
    } else {
      fail(format(texts.unexpected, { status: status }));
    }
  }

  function send() {
    var data = new FormData(form);
    if (fileInput && fileInput.files && fileInput.files.length === 0) {
      data.delete(attachmentRules.field);
    }

    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable && event.total > 0) {
        showProgress(Math.min(100, Math.floor(event.loaded * 100 / event.total)));
      }
    });
    xhr.addEventListener('load', function () { onResponse(xhr); });
    xhr.addEventListener('error', function () { fail(texts.tryAgain); });
    xhr.addEventListener('timeout', function () { fail(texts.tryAgain); });
    xhr.addEventListener('abort', function () { fail(texts.tryAgain); });
    setSending(true);
    showProgress(0);
    xhr.send(data);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }

    submitMessage.hidden = true;
    submitMessage.textContent = '';
    var items = [];
    allNames().forEach(function (name) {
      tidy(name);
      touched[name] = true;
      var message = check(name);
      if (message) {
        items.push({ name: name, message: message });
      }
    });
    updateCapBox();
    if (items.length > 0) {
      showSummary(items);
      return;
    }

    hideSummary();
    // form-check.js: the first press shows the answers to check; the press from there sends.
    if (K.checkAnswers && !K.checkAnswers()) {
      return;
    }

    send();
  });

  // Back from the tracking page (page restored from the back-forward cache): that proposal is sent, so start afresh
  // rather than send it again under the same key.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && succeeded) {
      window.location.reload();
    }
  });

  updateFileList();
  updateCapBox();
})();
