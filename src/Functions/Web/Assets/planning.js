/* Khuyến công: planning forms (programmes, plans). Plain JavaScript, no build step.
   A form with data-action and data-method is sent as JSON to the staff API; the answer's problem (title and errors by
   field) is shown above the form in the page's language, as the server wrote it. Fields:
   - name="target:{code}" (a number, empty = not a target) with "unit:{code}", "nameVi:{code}", "nameEn:{code}";
   - name="items": one planned item a line, "kind | expected amount | title";
   - data-type="number" inputs are sent as numbers (empty = null); everything else as text. */
(function () {
  'use strict';

  var form = document.getElementById('staff-form');
  if (!form) {
    return;
  }

  var messages = document.getElementById('form-messages');
  var params = new URLSearchParams(window.location.search);

  function withKeys(url) {
    var extra = [];
    if (params.get('code')) {
      extra.push('code=' + encodeURIComponent(params.get('code')));
    }
    if (params.get('lang')) {
      extra.push('lang=' + encodeURIComponent(params.get('lang')));
    }
    if (extra.length === 0) {
      return url;
    }
    return url + (url.indexOf('?') < 0 ? '?' : '&') + extra.join('&');
  }

  function number(text) {
    var cleaned = String(text || '').replace(/[\s.,]/g, '');
    if (cleaned === '') {
      return null;
    }
    var value = Number(cleaned);
    return isNaN(value) ? cleaned : value;
  }

  function collect() {
    var body = {};
    var targets = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.type === 'submit') {
        return;
      }
      var name = element.name;
      if (name.indexOf('target:') === 0) {
        if (String(element.value).trim() === '') {
          return;
        }
        var code = name.substring(7);
        targets.push({
          code: code,
          target: number(element.value),
          unit: form.elements['unit:' + code] ? form.elements['unit:' + code].value : null,
          nameVi: form.elements['nameVi:' + code] ? form.elements['nameVi:' + code].value : null,
          nameEn: form.elements['nameEn:' + code] ? form.elements['nameEn:' + code].value : null
        });
      } else if (name.indexOf(':') >= 0) {
        return;
      } else if (name === 'items') {
        body.items = String(element.value).split('\n').filter(function (line) {
          return line.trim() !== '';
        }).map(function (line) {
          var parts = line.split('|');
          return {
            kind: (parts[0] || '').trim(),
            expectedAmount: number(parts[1]),
            title: parts.slice(2).join('|').trim()
          };
        });
      } else if (element.getAttribute('data-type') === 'number') {
        body[name] = number(element.value);
      } else {
        body[name] = element.value;
      }
    });
    if (form.getAttribute('data-targets') === 'true') {
      body.targets = targets;
    }
    return body;
  }

  function show(problem) {
    messages.textContent = '';
    var title = document.createElement('p');
    title.textContent = problem.title || problem.detail || String(problem.status || '');
    messages.appendChild(title);
    if (problem.detail && problem.title) {
      var detail = document.createElement('p');
      detail.textContent = problem.detail;
      messages.appendChild(detail);
    }
    if (problem.errors) {
      var list = document.createElement('ul');
      Object.keys(problem.errors).forEach(function (field) {
        problem.errors[field].forEach(function (message) {
          var item = document.createElement('li');
          item.textContent = field + ': ' + message;
          list.appendChild(item);
        });
      });
      messages.appendChild(list);
    }
    messages.hidden = false;
    messages.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open(form.getAttribute('data-method'), withKeys(form.getAttribute('data-action')));
    request.setRequestHeader('Content-Type', 'application/json');
    request.onload = function () {
      var answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (e) {
        answer = { status: request.status };
      }
      if (request.status >= 200 && request.status < 300) {
        var next = form.getAttribute('data-next') || window.location.pathname;
        window.location.href = withKeys(next.replace('{id}', encodeURIComponent(answer.id || '')));
      } else {
        show(answer);
      }
    };
    request.onerror = function () {
      show({ title: form.getAttribute('data-offline') });
    };
    request.send(JSON.stringify(collect()));
  });
})();
