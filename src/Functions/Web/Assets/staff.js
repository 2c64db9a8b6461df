/* Khuyến công: the staff pages. Plain JavaScript, no build step.
   Sends each action form ([data-staff-action]) to its API route as JSON and, when it is recorded, reloads the page with
   a confirmation; otherwise shows each message of the problem at its field (the field's error line, aria-invalid) and
   the others at the foot of the form. Several values of one name (tick-boxes) are sent comma-separated. Without this script the forms post as HTML
   forms (with their hidden csrfToken field) and the routes answer with a redirect or an error page. A JSON post needs
   no token: the server takes JSON only as application/json from this site's own pages. */
(function () {
  'use strict';

  function pageUrl(action) {
    var url = new URL(window.location.href);
    url.searchParams.set('done', action);
    return url.toString();
  }

  function fieldOf(form, name) {
    var control = form.querySelector('[name="' + name + '"]');
    var field = control && control.closest('.field');
    return field && field.querySelector('.field-error') ? field : null;
  }

  function clearFields(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.field.has-error'), function (field) {
      field.classList.remove('has-error');
      field.querySelector('.field-error').textContent = '';
      Array.prototype.forEach.call(field.querySelectorAll('[aria-invalid]'), function (control) {
        control.removeAttribute('aria-invalid');
      });
    });
  }

  function showAtField(field, messages) {
    field.classList.add('has-error');
    field.querySelector('.field-error').textContent = messages.join(' ');
    Array.prototype.forEach.call(field.querySelectorAll('input, select, textarea'), function (control) {
      control.setAttribute('aria-invalid', 'true');
    });
  }

  function show(form, lines) {
    var box = form.querySelector('[data-error]');
    if (!box) {
      return;
    }
    box.textContent = '';
    lines.forEach(function (line) {
      var p = document.createElement('span');
      p.textContent = line;
      box.appendChild(p);
      box.appendChild(document.createElement('br'));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-staff-action]'), function (form) {
    var sending = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending) {
        return;
      }
      var body = {};
      new FormData(form).forEach(function (value, key) {
        if (key !== 'csrfToken' && typeof value === 'string' && value.trim() !== '') {
          body[key] = body[key] === undefined ? value : body[key] + ',' + value;
        }
      });
      var button = form.querySelector('button[type="submit"]');
      sending = true;
      if (button) {
        button.disabled = true;
      }
      show(form, []);
      clearFields(form);
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (response.ok) {
          window.location.assign(pageUrl(form.id.replace(/^form-/, '')));
          return null;
        }
        return response.json().then(function (problem) {
          var lines = [problem.detail || problem.title || String(response.status)];
          var first = null;
          if (problem.errors) {
            Object.keys(problem.errors).forEach(function (name) {
              var field = fieldOf(form, name);
              if (field) {
                showAtField(field, problem.errors[name]);
                first = first || field.querySelector('input, select, textarea');
              } else {
                problem.errors[name].forEach(function (message) {
                  lines.push(message);
                });
              }
            });
          }
          show(form, lines);
          if (first) {
            first.focus();
          }
        }, function () {
          show(form, [String(response.status)]);
        });
      }, function () {
        show(form, [document.documentElement.lang === 'en' ? 'The request could not be sent: check the connection and try again.' : 'Không gửi được yêu cầu: vui lòng kiểm tra kết nối và thử lại.']);
      }).then(function () {
        sending = false;
        if (button) {
          button.disabled = false;
        }
      });
    });
  });
}());
