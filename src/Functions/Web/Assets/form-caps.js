/* Khuyến công: the proposal form's cap box (CapBox): the cap in force for the chosen province, kind and funding source,
   and what the typed amounts come to. Uses window.KhuyenCongForm (form-values.js); form.js calls update as fields change. */
(function () {
  'use strict';

  var K = window.KhuyenCongForm;
  if (!K) {
    return;
  }

  var rules = K.rules;
  var texts = K.texts;
  var read = K.read;
  var format = K.format;
  var formatAmount = K.formatAmount;
  var formatPercent = K.formatPercent;

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

  K.updateCapBox = updateCapBox;
})();
