/* Khuyến công: the proposal form's rules and values (form.js's first part; form-caps.js and form.js use it through
   window.KhuyenCongForm). Reads the rules from <script type="application/json" id="form-rules"> (the server's own rules
   and messages, in the page language) and reads each field as ProposalValidator does. Plain JavaScript, no build step. */
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
  var fileInput = document.getElementById(attachmentRules.field);

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

  // dd/MM/yyyy as people write it (one-digit day and month too), or yyyy-MM-dd; the value is the ISO day.
  function readDate(rule, value) {
    var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    var dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (!iso && !dmy) {
      return { error: rule.messages.invalidFormat };
    }

    var y = Number(iso ? iso[1] : dmy[3]);
    var mo = Number(iso ? iso[2] : dmy[2]);
    var d = Number(iso ? iso[3] : dmy[1]);
    value = String(y) + '-' + String(100 + mo).slice(1) + '-' + String(100 + d).slice(1);
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

  window.KhuyenCongForm = {
    form: form,
    rules: rules,
    texts: texts,
    attachmentRules: attachmentRules,
    fieldRules: fieldRules,
    fileInput: fileInput,
    format: format,
    formatAmount: formatAmount,
    formatPercent: formatPercent,
    formatSize: formatSize,
    newKey: newKey,
    element: element,
    read: read,
    problem: problem,
  };
})();
