/* Khuyến công: the staff pages. Plain JavaScript, no build step.
   Sends each action form ([data-staff-action]) to its API route as JSON and, when it is recorded, reloads the page with
   a confirmation; otherwise shows the problem's messages in the form. Without this script the forms post as HTML
   forms (with their hidden csrfToken field) and the routes answer with a redirect or an error page. A JSON post needs
   no token: the server takes JSON only as application/json from this site's own pages. */
(function () {
  'use strict';

  function pageUrl(action) {
    var url = new URL(window.location.href);
    url.searchParams.set('done', action);
    return url.toString();
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
          body[key] = value;
        }
      });
      var button = form.querySelector('button[type="submit"]');
      sending = true;
      if (button) {
        button.disabled = true;
      }
      show(form, []);
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
          if (problem.errors) {
            Object.keys(problem.errors).forEach(function (field) {
              problem.errors[field].forEach(function (message) {
                lines.push(field + ': ' + message);
              });
            });
          }
          show(form, lines);
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
