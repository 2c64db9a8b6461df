/* Khuyến công: the proposal form. Plain JavaScript, no build step.
   Reads its rules from <script type="application/json" id="form-rules"> (the server's own rules and messages, in the
   page language), checks each field as the user leaves or corrects it, keeps the cap box up to date, and sends the
   form with XMLHttpRequest so that the upload shows its progress. Without this script the form still posts. */
(function () {
  'use strict';

  var rulesElement = document.getElementById('form-rules');
  var form = document.getElementById('proposal-form');
  if (!rulesElement || !form) {
    return;
  }

  var rules = JSON.parse(rulesElement.textContent);
  var texts = rules.texts;
  var vietnamese = rules.language !== 'en';
  var attachmentRules = rules.attachments;
  var fieldRules = {};
  rules.fields.forEach(function (rule) {
    rule.regex = rule.pattern ? compile(rule.pattern) : null;
    fieldRules[rule.name] = rule;
  });

  var MAX_STRUCTURED_LENGTH = 1000;
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
  var fileInput = document.getElementById(attachmentRules.field);

  // The script validates and shows its own messages in the page language.
  form.noValidate = true;

  /* ---------- text helpers ---------- */

  function compile(pattern) {
    try {
      return new RegExp(pattern, 'u');
    } catch (e) {
      return new RegExp(pattern);
    }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  // As the server normalises (VietnameseText.Normalize): NFC, whitespace runs collapsed, trimmed; multi-line text
  // keeps its line breaks and at most one empty line between paragraphs.
  function normalize(value, multiline) {
    var text = value.normalize ? value.normalize('NFC') : value;
    if (!multiline) {
      return text.replace(/\s+/g, ' ').trim();
    }

    var lines = text.replace(/\r\n/g, '\n').split(/[\n\r\u2028\u2029]/);
    var out = [];
    var pendingBlank = false;
    lines.forEach(function (line) {
      var collapsed = line.replace(/\s+/g, ' ').trim();
      if (collapsed.length === 0) {
        pendingBlank = out.length > 0;
        return;
      }

      if (out.length > 0) {
        out.push(pendingBlank ? '\n\n' : '\n');
      }

      out.push(collapsed);
      pendingBlank = false;
    });
    return out.join('');
  }

  // Control characters other than tab and line breaks, bidirectional overrides and isolates, lone surrogates.
  var FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  function groupDigits(digits, separator) {
    var out = '';
    for (var i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) {
        out += separator;
      }

      out += digits.charAt(i);
    }

    return out;
  }

  // "1.200.000.000" in Vietnamese, "1,200,000,000" in English (DisplayFormat.Amount).
  function formatAmount(value) {
    return groupDigits(String(value), vietnamese ? '.' : ',');
  }

  // At most two decimals, no trailing zeros, decimal comma in Vietnamese (DisplayFormat.Percent).
  function formatPercent(value) {
    var text = String(Math.round(value * 100) / 100);
    return vietnamese ? text.replace('.', ',') : text;
  }

  function formatSize(bytes) {
    var mb = bytes / (1024 * 1024);
    var text = mb >= 1 ? (Math.round(mb * 10) / 10) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
    return vietnamese ? text.replace('.', ',') : text;
  }

  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }

    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /* ---------- field values and rules (the same as ProposalValidator) ---------- */

  function element(name) {
    return form.elements.namedItem(name);
  }

  function raw(name) {
    var el = element(name);
    return el && typeof el.value === 'string' ? el.value : '';
  }

  // { value } when valid alone (amounts as BigInt, dates as strings), { error } when not, { empty: true } when blank.
  function read(name) {
    var rule = fieldRules[name];
    var text = raw(name);
    var m = rule.messages;
    if (text.trim().length === 0) {
      return rule.required ? { error: m.required } : { empty: true };
    }

    if (FORBIDDEN.test(text)) {
      return { error: m.invalidCharacters };
    }

    var value = normalize(text, rule.kind === 'multilineText');
    var freeText = rule.kind === 'text' || rule.kind === 'multilineText' || rule.kind === 'email';
    if (freeText && value.length > rule.maxLength) {
      return { error: m.tooLong };
    }

    if (!freeText && value.length > MAX_STRUCTURED_LENGTH) {
      return { error: m.invalidFormat || m.unknownChoice };
    }

    switch (rule.kind) {
      case 'taxCode':
      case 'phone':
        return rule.regex.test(value) ? { value: value } : { error: m.invalidFormat };
      case 'email':
        return rule.regex.test(value) && value.lastIndexOf('@') <= 64 ? { value: value } : { error: m.invalidFormat };
      case 'choice':
        var lower = value.toLowerCase();
        return rule.choices.some(function (c) { return c.toLowerCase() === lower; }) ? { value: lower } : { error: m.unknownChoice };
      case 'amount':
        return readAmount(rule, value);
      case 'date':
        return readDate(rule, value);
      case 'integer':
        if (!rule.regex.test(value)) {
          return { error: /^[0-9]+$/.test(value) ? m.tooLarge : m.invalidFormat };
        }

        return Number(value) > Number(rule.max) ? { error: m.tooLarge } : { value: Number(value) };
      default:
        return { value: value };
    }
  }

  function readAmount(rule, value) {
    if (!rule.regex.test(value)) {
      return { error: rule.messages.invalidFormat };
    }

    var digits = value.replace(/[^0-9]/g, '').replace(/^0+/, '');
    if (digits.length > rule.max.length) {
      return { error: rule.messages.tooLarge };
    }

    var amount = BigInt(digits.length === 0 ? '0' : digits);
    if (amount > BigInt(rule.max)) {
      return { error: rule.messages.tooLarge };
    }

    if (amount < BigInt(rule.min)) {
      return { error: rule.messages.tooSmall };
    }

    return { value: amount };
  }

  function readDate(rule, value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) {
      return { error: rule.messages.invalidFormat };
    }

    var y = Number(match[1]);
    var mo = Number(match[2]);
    var d = Number(match[3]);
    var date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return { error: rule.messages.invalidFormat };
    }

    if (value < rule.min || value > rule.max) {
      return { error: rule.messages.outOfRange };
    }

    return { value: value };
  }

  // The first problem of a field, alone and then with the fields it depends on; null when fine.
  function problem(name) {
    if (name === attachmentRules.field) {
      return attachmentProblem();
    }

    var own = read(name);
    if (own.error) {
      return own.error;
    }

    if (own.empty) {
      return null;
    }

    var total;
    var requested;
    if (name === 'requestedSupport') {
      total = read('totalCost');
      if (total.value !== undefined && own.value > total.value) {
        return rules.crossField.requestedExceedsTotal;
      }
    } else if (name === 'ownContribution') {
      total = read('totalCost');
      requested = read('requestedSupport');
      if (total.value !== undefined && requested.value !== undefined && requested.value <= total.value &&
          own.value + requested.value !== total.value) {
        return format(rules.crossField.contributionMismatch, { amount: formatAmount(total.value - requested.value) });
      }
    } else if (name === 'endDate') {
      var start = read('startDate');
      if (start.value !== undefined && own.value < start.value) {
        return rules.crossField.endBeforeStart;
      }
    }

    return null;
  }

  function extensionOf(name) {
    var dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.slice(dot).toLowerCase();
  }

  function attachmentProblem() {
    if (!fileInput || !fileInput.files) {
      return null;
    }

    var files = Array.prototype.slice.call(fileInput.files);
    var problems = [];
    if (files.length > attachmentRules.maxFiles) {
      problems.push(texts.tooManyFiles);
    }

    var total = 0;
    files.forEach(function (file) {
      total += file.size;
      if (attachmentRules.allowedExtensions.indexOf(extensionOf(file.name)) < 0) {
        problems.push(format(texts.fileType, { name: file.name }));
      } else if (file.size === 0) {
        problems.push(format(texts.fileEmpty, { name: file.name }));
      } else if (file.size > attachmentRules.maxFileBytes) {
        problems.push(format(texts.fileTooLarge, { name: file.name }));
      }
    });
    if (total > attachmentRules.maxTotalBytes) {
      problems.push(texts.filesTooLarge);
    }

    return problems.length > 0 ? problems.join(' ') : null;
  }

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

  /* ---------- cap box ---------- */

  var capStatus = document.getElementById('cap-status');
  var capDetails = document.getElementById('cap-details');
  var costDetails = document.getElementById('cost-details');
  var capWarning = document.getElementById('cap-warning');
  var ownMismatch = document.getElementById('own-mismatch');

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = text;
    }
  }

  function findCap(source, province, kind) {
    var ofProvince = null;
    var nationwide = null;
    rules.caps.forEach(function (cap) {
      if (cap.fundingSource !== source || cap.kind !== kind) {
        return;
      }

      if (cap.province === null || cap.province === undefined) {
        nationwide = cap;
      } else if (cap.province.toLowerCase() === province) {
        ofProvince = cap;
      }
    });
    return ofProvince || nationwide;
  }

  // A percentage as a whole number of hundredths of a percent, for exact comparisons with BigInt.
  function hundredths(percent) {
    return BigInt(Math.round(percent * 100));
  }

  function updateCapBox() {
    if (!capStatus) {
      return;
    }

    var source = read('fundingSource').value;
    var province = read('province').value;
    var kind = read('kind').value;
    var total = read('totalCost').value;
    var requested = read('requestedSupport').value;
    var own = read('ownContribution').value;
    var cap = null;

    if (!rules.capsUnavailable) {
      if (!source || !province || !kind) {
        capStatus.textContent = texts.capChoose;
        capStatus.hidden = false;
        capDetails.hidden = true;
      } else {
        cap = findCap(source, province, kind);
        if (!cap) {
          capStatus.textContent = texts.capNone;
          capStatus.hidden = false;
          capDetails.hidden = true;
        } else {
          capStatus.hidden = true;
          capDetails.hidden = false;
          // A figure the texts do not give (null) is shown as a dash and limits nothing.
          setText('cap-max-percent', cap.maxPercent === null ? '—' : formatPercent(cap.maxPercent) + '%');
          setText('cap-max-amount', cap.maxAmount === null ? '—' : formatAmount(cap.maxAmount) + ' ' + texts.currency);
          setText('cap-basis', cap.basis);
          var maxSupportRow = document.getElementById('cap-max-support').parentNode;
          if (total !== undefined) {
            var byPercent = cap.maxPercent === null ? total : total * hundredths(cap.maxPercent) / 10000n;
            var maxAmount = cap.maxAmount === null ? total : BigInt(cap.maxAmount);
            setText('cap-max-support', formatAmount(byPercent < maxAmount ? byPercent : maxAmount) + ' ' + texts.currency);
            maxSupportRow.hidden = false;
          } else {
            maxSupportRow.hidden = true;
          }
        }
      }
    }

    var costsKnown = total !== undefined && requested !== undefined && requested <= total;
    costDetails.hidden = !costsKnown;
    if (costsKnown) {
      var percent = Number(requested * 1000000n / total) / 10000;
      setText('cap-requested-percent', formatPercent(percent) + '%');
      setText('cap-own-computed', formatAmount(total - requested) + ' ' + texts.currency);
    }

    var warnings = [];
    if (cap && requested !== undefined) {
      if (cap.maxAmount !== null && requested > BigInt(cap.maxAmount)) {
        warnings.push(texts.capExceedsAmount);
      }

      if (cap.maxPercent !== null && total !== undefined && requested * 10000n > hundredths(cap.maxPercent) * total) {
        warnings.push(texts.capExceedsPercent);
      }
    }

    capWarning.textContent = warnings.join(' ');
    capWarning.hidden = warnings.length === 0;

    var mismatch = costsKnown && own !== undefined && own + requested !== total;
    ownMismatch.hidden = !mismatch;
    ownMismatch.textContent = mismatch
      ? format(texts.ownMismatch, { own: formatAmount(own), expected: formatAmount(total - requested) })
      : '';
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
