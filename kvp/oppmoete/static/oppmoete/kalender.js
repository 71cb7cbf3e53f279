/*
 * Oppmøtekalenderen med tastatur og htmx (progressiv forbedring: uten skript er hver dag en vanlig knapp i et
 * GET-skjema, og registreringen et vanlig skjema).
 *
 * - Piltastene flytter mellom dagene som kan velges (venstre/høyre en dag, opp/ned en uke), Home/End til første og
 *   siste dag i uka. Bare én dag er i tabulatorrekkefølgen (roving tabindex); Enter og mellomrom velger dagen.
 * - Etter at htmx har byttet ut kalenderen, får dagen som hadde fokus fokus igjen (eller meldingen etter en lagring).
 * - Svar med 400 (skjemafeil) vises også når de kommer gjennom htmx.
 */
(function () {
  "use strict";

  var sisteDato = null;

  function knapper(rot) {
    return Array.prototype.slice.call(rot.querySelectorAll("button.kvp-dagknapp"));
  }

  function dagerMellom(a, b) {
    return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
  }

  function settOpp(rot) {
    var alle = knapper(rot);
    if (!alle.length) {
      return;
    }
    var aktiv = alle.filter(function (k) { return k.getAttribute("aria-pressed") === "true"; })[0] || alle[alle.length - 1];
    alle.forEach(function (k) { k.tabIndex = k === aktiv ? 0 : -1; });
  }

  function flytt(fra, steg, alle) {
    // Nærmeste dag som kan velges i retningen (helger og dager som ikke kan velges, hoppes over).
    var dato = fra.value;
    var kandidater = alle.filter(function (k) {
      var d = dagerMellom(dato, k.value);
      return steg > 0 ? d > 0 : d < 0;
    });
    if (Math.abs(steg) === 7) {
      var samme = kandidater.filter(function (k) { return Math.abs(dagerMellom(dato, k.value)) % 7 === 0; });
      if (samme.length) {
        kandidater = samme;
      }
    }
    if (!kandidater.length) {
      return null;
    }
    kandidater.sort(function (a, b) { return Math.abs(dagerMellom(dato, a.value)) - Math.abs(dagerMellom(dato, b.value)); });
    return kandidater[0];
  }

  document.addEventListener("keydown", function (e) {
    var knapp = e.target;
    if (!(knapp instanceof HTMLElement) || !knapp.classList.contains("kvp-dagknapp")) {
      return;
    }
    var alle = knapper(knapp.closest("table"));
    var neste = null;
    if (e.key === "ArrowRight") { neste = flytt(knapp, 1, alle); }
    else if (e.key === "ArrowLeft") { neste = flytt(knapp, -1, alle); }
    else if (e.key === "ArrowDown") { neste = flytt(knapp, 7, alle); }
    else if (e.key === "ArrowUp") { neste = flytt(knapp, -7, alle); }
    else if (e.key === "Home" || e.key === "End") {
      var rad = knapper(knapp.closest("tr"));
      neste = e.key === "Home" ? rad[0] : rad[rad.length - 1];
    } else {
      return;
    }
    e.preventDefault();
    if (neste) {
      alle.forEach(function (k) { k.tabIndex = k === neste ? 0 : -1; });
      neste.focus();
    }
  });

  document.addEventListener("click", function (e) {
    var knapp = e.target instanceof Element ? e.target.closest("button.kvp-dagknapp") : null;
    sisteDato = knapp ? knapp.value : null;
  });

  document.addEventListener("htmx:beforeSwap", function (e) {
    // Skjemafeil (400) skal vises i kalenderdelen, ikke forkastes.
    if (e.detail.xhr.status === 400 && e.detail.target && e.detail.target.id === "kalenderdel") {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSettle", function (e) {
    var rot = document.getElementById("kalenderdel");
    if (!rot || (e.detail.target && e.detail.target.id !== "kalenderdel" && !rot.contains(e.detail.target))) {
      return;
    }
    settOpp(rot);
    var feil = rot.querySelector(".kvp-feiloppsummering");
    var melding = rot.querySelector("#kalender-melding");
    var knapp = sisteDato ? rot.querySelector('button.kvp-dagknapp[value="' + sisteDato + '"]') : null;
    if (feil) { feil.focus(); }
    else if (melding) { melding.focus(); }
    else if (knapp) {
      knapper(rot).forEach(function (k) { k.tabIndex = k === knapp ? 0 : -1; });
      knapp.focus();
    }
    sisteDato = null;
  });

  function start() {
    var rot = document.getElementById("kalenderdel");
    if (rot) {
      settOpp(rot);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
