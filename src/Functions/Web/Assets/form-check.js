/* Khuyến công: the proposal form's "check your answers" step (ADR 0030). Loaded after form.js: when the form's own
   checks pass, the first press of the button does not send. It hides the form's parts and shows #check-answers, every
   answer grouped by the part it belongs to with a "Sửa" link back to its field, and the files chosen; the button
   becomes "Gửi hồ sơ", and the second press sends (form.js, with progress). Nothing leaves the device before that
   press. The files stay in their inputs (hidden parts are still sent), so nothing has to be chosen twice.
   Without script the section stays hidden and the form posts at once: the server's one-pass check answers it. */
(function () {
  'use strict';

  var K = window.KhuyenCongForm;
  var panel = document.getElementById('check-answers');
  var list = document.getElementById('check-answers-list');
  var back = document.getElementById('check-answers-back');
  var button = document.getElementById('submit-button');
  if (!K || !panel || !list || !button) {
    return;
  }

  var form = K.form;
  var texts = panel.dataset;
  var checking = false;

  function clean(text) {
    return String(text || '').replace(/\s+/g, ' ').trim();
  }

  /* A label's or legend's own words, without "(bắt buộc)" / "(không bắt buộc)" (RequirementMark). */
  function words(element) {
    if (!element) {
      return '';
    }

    var copy = element.cloneNode(true);
    copy.querySelectorAll('.required, .optional, input').forEach(function (mark) { mark.remove(); });
    return clean(copy.textContent);
  }

  function parts() {
    return Array.prototype.filter.call(form.children, function (child) {
      return child.tagName === 'FIELDSET';
    });
  }

  function shown(control) {
    return !control.disabled && !control.closest('[hidden]');
  }

  /* A control's own label: label[for] or the label around it (radios and tick-boxes). */
  function ownLabel(control) {
    return (control.id && form.querySelector('label[for="' + control.id + '"]')) || control.closest('label');
  }

  function labelOf(control) {
    if ((control.type === 'radio' || control.type === 'checkbox') && control.closest('.choices')) {
      return words(control.closest('fieldset').querySelector('legend'));
    }

    return words(ownLabel(control)) || control.name;
  }

  function choiceText(control) {
    return words(ownLabel(control)) || control.value;
  }

  function fileText(control) {
    return Array.prototype.map.call(control.files || [], function (file) {
      return file.name + ' (' + K.formatSize(file.size) + ')';
    }).join(', ');
  }

  function valueOf(controls) {
    var first = controls[0];
    if (first.type === 'file') {
      return fileText(first) || texts.noFile;
    }

    if (first.type === 'radio' || first.type === 'checkbox') {
      return controls.filter(function (c) { return c.checked; }).map(choiceText).join(', ');
    }

    if (first.tagName === 'SELECT') {
      var option = first.options[first.selectedIndex];
      return option && option.value ? clean(option.textContent) : '';
    }

    return clean(first.value);
  }

  /* The answers of one part: its shown controls by name, in the form's order. */
  function answers(part) {
    var byName = {};
    var order = [];
    part.querySelectorAll('input, select, textarea').forEach(function (control) {
      if (!control.name || control.type === 'hidden' || control.type === 'submit' || control.type === 'button' || !shown(control)) {
        return;
      }

      if (!byName[control.name]) {
        byName[control.name] = [];
        order.push(control.name);
      }

      byName[control.name].push(control);
    });
    return order.map(function (name) {
      var controls = byName[name];
      return { name: name, id: controls[0].id, label: labelOf(controls[0]), value: valueOf(controls) };
    });
  }

  function row(answer) {
    var item = document.createElement('div');
    item.className = 'check-row';
    item.setAttribute('data-field', answer.name);
    var term = document.createElement('dt');
    term.textContent = answer.label;
    var value = document.createElement('dd');
    value.textContent = answer.value || texts.empty;
    var change = document.createElement('dd');
    change.className = 'check-change';
    var link = document.createElement('a');
    link.href = '#' + answer.id;
    link.setAttribute('data-target', answer.id);
    link.textContent = texts.change;
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ' ' + answer.label;
    link.appendChild(hidden);
    change.appendChild(link);
    item.appendChild(term);
    item.appendChild(value);
    item.appendChild(change);
    return item;
  }

  function fill() {
    list.textContent = '';
    parts().forEach(function (part) {
      if (part.hidden || part.disabled) {
        return;
      }

      var rows = answers(part);
      if (rows.length === 0) {
        return;
      }

      var heading = document.createElement('h3');
      heading.textContent = words(part.querySelector('legend'));
      var group = document.createElement('dl');
      group.className = 'check-list';
      group.setAttribute('data-part', part.id);
      rows.forEach(function (answer) { group.appendChild(row(answer)); });
      list.appendChild(heading);
      list.appendChild(group);
    });
  }

  function show(on) {
    checking = on;
    parts().forEach(function (part) { part.classList.toggle('check-hidden', on); });
    panel.hidden = !on;
    button.textContent = on ? texts.sendButton : texts.reviewButton;
  }

  /* Called by form.js when the form's checks pass: true when the answers were checked and the form may be sent. */
  K.checkAnswers = function () {
    if (checking) {
      return true;
    }

    fill();
    show(true);
    var title = document.getElementById('check-answers-title');
    title.focus();
    title.scrollIntoView();
    return false;
  };

  /* Back to the form (a "Sửa" link, the back button, or the server refusing the form), at a field if given. */
  K.leaveCheck = function (id) {
    if (!checking) {
      return;
    }

    show(false);
    var target = id ? document.getElementById(id) : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  };

  list.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-target]');
    if (link) {
      event.preventDefault();
      K.leaveCheck(link.getAttribute('data-target'));
    }
  });

  back.addEventListener('click', function () {
    var first = form.querySelector('fieldset:not(.check-hidden) input:not([type="hidden"]), fieldset select, fieldset textarea');
    K.leaveCheck(first && first.id);
  });

  button.textContent = texts.reviewButton;
})();
