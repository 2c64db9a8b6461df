// The documents to attach (thành phần hồ sơ) on the proposal form. Shows only the list of the chosen call's own documents
// for the kind, or else of the chosen activity (or of the chosen kind's main activity) (#documents-box, rendered by
// DocumentsBox); shows only the file inputs of those documents (#document-files, DocumentFiles; a hidden input is
// disabled, so its file is not sent); marks each listed document as chosen or missing as files are picked, and says
// what is still missing before sending (#documents-missing). Without script every list and input shows.
(function () {
  'use strict';

  var form = document.getElementById('proposal-form');
  var box = document.getElementById('documents-box');
  if (!form || !box) {
    return;
  }

  var files = document.getElementById('document-files');
  var missingLine = document.getElementById('documents-missing');

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && typeof field.value === 'string' ? field.value : '';
  }

  // The list that applies: the call's own for the kind, else the activity's (or the kind's main activity's).
  function chosenList(lists) {
    var activity = value('activity');
    var kind = value('kind');
    var call = value('callId');
    var activityList = null;
    for (var i = 0; i < lists.length; i++) {
      var list = lists[i];
      if (list.hasAttribute('data-call')) {
        continue;
      }

      if (activity ? list.getAttribute('data-activity') === activity
        : kind !== '' && list.getAttribute('data-kind') === kind && list.getAttribute('data-default') === 'true') {
        activityList = list;
      }
    }

    var kindOfChoice = activityList ? activityList.getAttribute('data-kind') : kind;
    if (call && kindOfChoice) {
      for (var j = 0; j < lists.length; j++) {
        if (lists[j].getAttribute('data-call') === call && lists[j].getAttribute('data-kind') === kindOfChoice) {
          return lists[j];
        }
      }
    }

    return activityList;
  }

  function fileOf(code) {
    var input = files ? files.querySelector('input[type=file][data-document="' + code + '"]') : null;
    return input && input.files && input.files.length > 0 ? input.files[0] : null;
  }

  function markDocuments(list) {
    if (!list || !missingLine) {
      return [];
    }

    var missing = [];
    var items = list.querySelectorAll('li[data-document]');
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var status = item.querySelector('.document-status');
      if (!status) {
        status = document.createElement('span');
        status.className = 'document-status';
        item.appendChild(status);
      }

      var file = fileOf(item.getAttribute('data-document'));
      status.textContent = ' — ' + (file ? missingLine.getAttribute('data-chosen') + ': ' + file.name : missingLine.getAttribute('data-lacking'));
      item.classList.toggle('document-missing', !file);
      if (!file) {
        missing.push(item.firstChild.textContent.trim());
      }
    }

    return missing;
  }

  function showInputs(list) {
    if (!files) {
      return;
    }

    var wanted = {};
    var items = list ? list.querySelectorAll('li[data-document]') : [];
    for (var i = 0; i < items.length; i++) {
      wanted[items[i].getAttribute('data-document')] = true;
    }

    var parts = files.querySelectorAll('.document-file');
    for (var j = 0; j < parts.length; j++) {
      var on = Boolean(wanted[parts[j].getAttribute('data-document')]);
      parts[j].hidden = !on;
      parts[j].querySelector('input').disabled = !on;
    }

    files.hidden = !list;
  }

  function update() {
    var lists = box.querySelectorAll('.documents-list');
    var list = chosenList(lists);
    for (var i = 0; i < lists.length; i++) {
      lists[i].hidden = lists[i] !== list;
    }

    document.getElementById('documents-choose').hidden = Boolean(list);
    if (list) {
      box.open = true;
    }

    showInputs(list);
    var missing = markDocuments(list);
    if (missingLine) {
      missingLine.textContent = missing.length > 0 ? missingLine.getAttribute('data-text').replace('{list}', missing.join('; ')) : '';
      missingLine.hidden = missing.length === 0;
    }
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    var name = target && target.name;
    if (name === 'kind' || name === 'activity' || name === 'callId' || (target && target.hasAttribute && target.hasAttribute('data-document'))) {
      update();
    }
  });

  update();
})();
