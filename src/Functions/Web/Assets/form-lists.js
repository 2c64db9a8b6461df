// The proposal form's parts that depend on other choices (BeneficiariesSection, ProposalSection): the beneficiary rows
// of a đề án nhóm show only for an implementing unit's entity type (#group-beneficiaries data-entity-types), with a button
// adding rows; the level of a typical-product round shows only for that kind or activity (#round-level-box). A part
// hidden here is disabled too, so what it holds is not sent. Without script every part shows and the server decides.
(function () {
  'use strict';

  var form = document.getElementById('proposal-form');
  if (!form) {
    return;
  }

  var group = document.getElementById('group-beneficiaries');
  var rows = document.getElementById('beneficiary-rows');
  var add = document.getElementById('add-beneficiary');
  var roundBox = document.getElementById('round-level-box');

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && typeof field.value === 'string' ? field.value : '';
  }

  function show(part, on) {
    if (!part) {
      return;
    }

    part.hidden = !on;
    var controls = part.querySelectorAll('input, select, textarea');
    for (var i = 0; i < controls.length; i++) {
      controls[i].disabled = !on;
    }
  }

  function update() {
    if (group) {
      var types = (group.getAttribute('data-entity-types') || '').split(' ');
      show(group, types.indexOf(value('entityType')) >= 0);
    }

    if (roundBox) {
      show(roundBox, value('kind') === roundBox.getAttribute('data-kind') || value('activity') === roundBox.getAttribute('data-activity'));
    }
  }

  // A new row: the last one copied, emptied, its ids and legend numbered after it.
  function addRow() {
    var last = rows.lastElementChild;
    var copy = last.cloneNode(true);
    var n = rows.children.length + 1;
    var legend = copy.querySelector('legend');
    legend.textContent = legend.textContent.replace(/\d+$/, String(n));
    var controls = copy.querySelectorAll('input, select');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      control.value = '';
      control.removeAttribute('aria-invalid');
      var label = copy.querySelector('label[for="' + control.id + '"]');
      control.id = control.id.replace(/-\d+$/, '') + '-' + n;
      if (control.id === 'beneficiaries-' + n) {
        control.id = 'beneficiary-name-' + n;
      }

      if (label) {
        label.setAttribute('for', control.id);
      }
    }

    rows.appendChild(copy);
    copy.querySelector('input').focus();
  }

  if (add && rows) {
    add.hidden = false;
    add.addEventListener('click', addRow);
  }

  form.addEventListener('change', function (event) {
    var name = event.target && event.target.name;
    if (name === 'entityType' || name === 'kind' || name === 'activity') {
      update();
    }
  });

  update();
})();
